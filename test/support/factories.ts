// Test data of a small plant, written through Prisma (the same client the application uses).
import type { Db } from '../../prisma/client.js';

let sequence = 0;
const next = () => ++sequence;

export async function aLocation(prisma: Db, data: { name?: string; parentId?: number; code?: string } = {}) {
  const n = next();
  return prisma.location.create({ data: { code: data.code ?? `LOC-${n}`, name: data.name ?? `Ubicación ${n}`, parentId: data.parentId } });
}

export async function aCategory(prisma: Db, name?: string) {
  const n = next();
  return prisma.assetCategory.create({ data: { code: `CAT-${n}`, name: name ?? `Categoría ${n}` } });
}

export async function anAsset(prisma: Db, data: { locationId?: number; categoryId?: number; description?: string; code?: string } = {}) {
  const n = next();
  const locationId = data.locationId ?? (await aLocation(prisma)).id;
  const categoryId = data.categoryId ?? (await aCategory(prisma)).id;
  return prisma.asset.create({ data: { code: data.code ?? `ACT-${n}`, description: data.description ?? `Activo ${n}`, locationId, categoryId } });
}

export async function aUser(prisma: Db, name = `Usuario ${next()}`) {
  return prisma.user.create({ data: { email: `u${next()}@planta.test`, name } });
}

export async function aRoutine(prisma: Db) {
  const n = next();
  const type = await prisma.maintenanceType.create({ data: { code: `TIPO-${n}`, name: `Tipo ${n}` } });
  const frequency = await prisma.frequency.create({ data: { code: `FREC-${n}`, name: `Mensual ${n}`, calendarInterval: 1, calendarUnit: 'MONTH' } });
  const procedure = await prisma.procedure.create({ data: { code: `PROC-${n}`, name: `Procedimiento ${n}` } });
  return prisma.routine.create({ data: { code: `RUT-${n}`, name: `Rutina ${n}`, maintenanceTypeId: type.id, frequencyId: frequency.id, procedureId: procedure.id } });
}

export async function aSchedule(prisma: Db, assetId?: number) {
  const routine = await aRoutine(prisma);
  const asset = assetId ?? (await anAsset(prisma)).id;
  return prisma.maintenanceSchedule.create({ data: { routineId: routine.id, assetId: asset, startsOn: new Date('2026-01-01') } });
}

export async function aTechnician(prisma: Db) {
  const user = await aUser(prisma, `Técnico ${next()}`);
  return prisma.technician.create({ data: { userId: user.id, craft: 'Mecánico', hourlyCost: 12 } });
}

export async function aWorkOrder(prisma: Db, data: { assetId?: number; plannedOn?: Date; description?: string } = {}) {
  const assetId = data.assetId ?? (await anAsset(prisma)).id;
  return prisma.workOrder.create({
    data: { kind: 'CORRECTIVE', assetId, plannedOn: data.plannedOn ?? new Date('2026-11-20'), description: data.description ?? 'Revisar fuga' },
  });
}

// inventory
export async function aMaterial(prisma: Db, data: { code?: string; description?: string; unit?: string; reorderPoint?: number; reorderQuantity?: number; preferredVendorId?: number } = {}) {
  const n = next();
  return prisma.material.create({
    data: { code: data.code ?? `MAT-${n}`, description: data.description ?? `Rodamiento ${n}`, unit: data.unit ?? 'u', reorderPoint: data.reorderPoint ?? 0, reorderQuantity: data.reorderQuantity ?? 0, preferredVendorId: data.preferredVendorId },
  });
}

export async function aWarehouse(prisma: Db, data: { code?: string; name?: string; allowNegativeStock?: boolean; locationId?: number } = {}) {
  const n = next();
  return prisma.warehouse.create({ data: { code: data.code ?? `ALM-${n}`, name: data.name ?? `Almacén ${n}`, allowNegativeStock: data.allowNegativeStock ?? false, locationId: data.locationId } });
}

// projects and service contracts (issue 24)
export async function aProject(prisma: Db, data: { code?: string; name?: string; managerId?: number; locationId?: number | null; startsOn?: Date; endsOn?: Date } = {}) {
  const n = next();
  const managerId = data.managerId ?? (await aUser(prisma, `Jefa de proyecto ${n}`)).id;
  return prisma.project.create({
    data: {
      code: data.code ?? `PRY-${n}`, name: data.name ?? `Proyecto ${n}`, managerId, locationId: data.locationId ?? null,
      startsOn: data.startsOn ?? new Date('2026-12-01'), endsOn: data.endsOn ?? new Date('2026-12-31'),
    },
  });
}

export async function aProjectTask(prisma: Db, projectId: number, data: { name?: string; startsOn?: Date; endsOn?: Date; progress?: number } = {}) {
  const n = next();
  return prisma.projectTask.create({
    data: { projectId, name: data.name ?? `Tarea ${n}`, startsOn: data.startsOn ?? new Date('2026-12-01'), endsOn: data.endsOn ?? new Date('2026-12-05'), progress: data.progress ?? 0 },
  });
}

export async function aVendor(prisma: Db, name?: string) {
  const n = next();
  return prisma.vendor.create({ data: { code: `PROV-${n}`, name: name ?? `Proveedor ${n}` } });
}

export async function aServiceContract(
  prisma: Db,
  data: { code?: string; vendorId?: number; ownerId?: number; startsOn?: Date; endsOn?: Date; responseHours?: number; resolutionHours?: number; renewalNoticeDays?: number; assetIds?: number[]; locationIds?: number[] } = {},
) {
  const n = next();
  return prisma.serviceContract.create({
    data: {
      code: data.code ?? `CS-${n}`, vendorId: data.vendorId ?? (await aVendor(prisma)).id, scope: 'Mantenimiento correctivo de equipos cubiertos',
      startsOn: data.startsOn ?? new Date('2026-01-01'), endsOn: data.endsOn ?? new Date('2027-12-31'), value: 120000,
      responseHours: data.responseHours ?? 4, resolutionHours: data.resolutionHours ?? 24, renewalNoticeDays: data.renewalNoticeDays ?? 30,
      ownerId: data.ownerId ?? (await aUser(prisma, `Dueña de contrato ${n}`)).id,
      assets: { create: (data.assetIds ?? []).map((assetId) => ({ assetId })) },
      locations: { create: (data.locationIds ?? []).map((locationId) => ({ locationId })) },
    },
  });
}
