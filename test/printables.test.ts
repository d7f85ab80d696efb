// Printed work orders: "Imprimir" gives a PDF whose text holds the header, the procedure's steps with
// what was recorded, permits and isolations, reserved materials, closeout and signatures; a technician
// prints only his orders; a technician's day comes as one PDF.
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../prisma/client.js';
import { startTestBackOffice, type TestBackOffice } from './support/back-office.js';
import * as make from './support/factories.js';
import { aPerson, type Person } from './support/people.js';

let office: TestBackOffice;
let prisma: Db;
let supervisor: Person;
let technician: Person;
let otherTechnician: Person;
let order: { id: number; number: string };
let closedOrder: { id: number; number: string };

async function pdfText(response: Response): Promise<string> {
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('application/pdf');
  const pdf = await getDocumentProxy(new Uint8Array(await response.arrayBuffer()));
  const { text } = await extractText(pdf, { mergePages: true });
  return text.replace(/\s+/g, ' ');
}

beforeAll(async () => {
  office = await startTestBackOffice();
  prisma = office.database.prisma;
  supervisor = await aPerson(prisma, office.url, ['SUPERVISORS'], 'Sonia Supervisora');
  technician = await aPerson(prisma, office.url, ['TECHNICIANS'], 'Tomás Técnico', { technician: true });
  otherTechnician = await aPerson(prisma, office.url, ['TECHNICIANS'], 'Otto Otro', { technician: true });

  const plant = await make.aLocation(prisma, { name: 'Central Río Lindo' });
  const room = await make.aLocation(prisma, { name: 'Sala de bombas', parentId: plant.id });
  const asset = await make.anAsset(prisma, { locationId: room.id, code: 'BOM-101', description: 'Bomba de alimentación Nº 1' });
  const schedule = await make.aSchedule(prisma, asset.id);
  const routine = await prisma.routine.findUniqueOrThrow({ where: { id: schedule.routineId } });
  const steps = await Promise.all([
    prisma.procedureStep.create({ data: { procedureId: routine.procedureId!, position: 1, instruction: 'Medir vibración del rodamiento lado acople', valueType: 'NUMBER', unit: 'mm/s', minValue: 0, maxValue: 4.5 } }),
    prisma.procedureStep.create({ data: { procedureId: routine.procedureId!, position: 2, instruction: '¿Sello mecánico sin fugas?', valueType: 'BOOLEAN' } }),
    prisma.procedureStep.create({ data: { procedureId: routine.procedureId!, position: 3, instruction: 'Observaciones del acoplamiento', valueType: 'TEXT' } }),
  ]);
  const made = async (description: string) =>
    prisma.workOrder.create({
      data: { kind: 'PREVENTIVE', scheduleId: schedule.id, assetId: asset.id, technicianId: technician.technicianId, priority: 'HIGH', plannedOn: new Date('2026-12-03'), description },
    });
  order = await made('Inspección mensual de la bomba');
  closedOrder = await prisma.workOrder.create({
    data: { kind: 'PREVENTIVE', scheduleId: schedule.id, assetId: asset.id, technicianId: technician.technicianId, priority: 'URGENT', plannedOn: new Date('2026-12-02'), description: 'Cambio de rodamientos' },
  });
  // The day's print also takes an order shared with him, and leaves out another technician's.
  const shared = await prisma.workOrder.create({ data: { kind: 'CORRECTIVE', assetId: asset.id, technicianId: otherTechnician.technicianId, priority: 'LOW', plannedOn: new Date('2026-12-03'), description: 'Apretar pernos de base' } });
  await prisma.workOrderShare.create({ data: { workOrderId: shared.id, technicianId: technician.technicianId! } });
  await prisma.workOrder.create({ data: { kind: 'CORRECTIVE', assetId: asset.id, technicianId: otherTechnician.technicianId, plannedOn: new Date('2026-12-03'), description: 'Pintar tubería ajena' } });

  // Permit with an isolation point, and a reserved material, on the open order.
  const kind = await prisma.permitKind.create({ data: { code: 'LOTO', name: 'Bloqueo y etiquetado', needsIsolation: true } });
  const point = await prisma.isolationPoint.create({ data: { assetId: asset.id, code: 'INT-07', type: 'BREAKER', energyType: 'ELECTRICAL', locationDescription: 'Tablero CCM-2, celda 7' } });
  const permit = await prisma.workPermit.create({
    data: { permitKindId: kind.id, workOrderId: order.id, assetId: asset.id, description: 'Intervención con bomba detenida', validFrom: new Date('2026-12-03T13:00:00Z'), validUntil: new Date('2026-12-03T22:00:00Z'), crew: 'Tomás Técnico' },
  });
  await prisma.permitIsolation.create({ data: { permitId: permit.id, isolationPointId: point.id } });
  const material = await make.aMaterial(prisma, { code: 'ROD-6205', description: 'Rodamiento 6205-2RS', unit: 'u' });
  const warehouse = await make.aWarehouse(prisma, { name: 'Almacén central', allowNegativeStock: true });
  await prisma.reservation.create({ data: { materialId: material.id, warehouseId: warehouse.id, workOrderId: order.id, quantity: 2, requested: 2 } });

  // The closed order: values recorded, the technician's report, the supervisor's closure.
  await prisma.workOrderStepValue.createMany({
    data: [
      { workOrderId: closedOrder.id, procedureStepId: steps[0].id, value: '3.2', passed: true, recordedById: technician.userId },
      { workOrderId: closedOrder.id, procedureStepId: steps[1].id, value: 'false', passed: false, recordedById: technician.userId },
      { workOrderId: closedOrder.id, procedureStepId: steps[2].id, value: 'Goma del acople agrietada', passed: null, recordedById: technician.userId },
    ],
  });
  const problem = await prisma.failureCode.create({ data: { code: 'FUGA', name: 'Fuga por sello', kind: 'PROBLEM' } });
  const cause = await prisma.failureCode.create({ data: { code: 'DESGASTE', name: 'Desgaste de caras', kind: 'CAUSE', parentId: problem.id } });
  await prisma.workOrderCompletion.create({ data: { workOrderId: closedOrder.id, laborHours: 3.5, problemId: problem.id, causeId: cause.id, reportedById: technician.userId } });
  await prisma.workOrderClosure.create({ data: { workOrderId: closedOrder.id, laborHours: 3.5, problemId: problem.id, causeId: cause.id, observations: 'Se cambió el sello', closedById: supervisor.userId, closedAt: new Date('2026-12-02T21:30:00Z') } });
  await prisma.workOrderMaterial.create({ data: { workOrderId: closedOrder.id, description: 'Sello mecánico 35 mm', quantity: 1, unit: 'u' } });
  await prisma.$executeRaw`UPDATE work_orders SET state = 'CLOSED', started_at = '2026-12-02T14:00:00Z', completed_at = '2026-12-02T18:00:00Z' WHERE id = ${closedOrder.id}`;
  closedOrder = await prisma.workOrder.findUniqueOrThrow({ where: { id: closedOrder.id } });
});
afterAll(() => office?.close());

describe('"Imprimir" a work order', () => {
  it('the field copy: header with number, asset, location path, priority and dates; steps with boxes; permit and isolation; reserved materials; signature lines', async () => {
    const response = await technician.client.request(`/admin/printables/work-orders/${order.id}.pdf`);
    expect(response.headers.get('content-disposition')).toContain(`${order.number}.pdf`);
    const text = await pdfText(response);
    for (const expected of [
      `Orden de trabajo ${order.number} · Preventiva`,
      'Activo: BOM-101 · Bomba de alimentación Nº 1',
      'Ubicación: Central Río Lindo > Sala de bombas',
      'Prioridad: Alta',
      'Planificada: 03/12/2026',
      'Técnico: Tomás Técnico',
      '1. Medir vibración del rodamiento lado acople', 'Rango: 0 – 4,5 mm/s',
      '2. ¿Sello mecánico sin fugas?', 'Cumple', 'No cumple',
      '3. Observaciones del acoplamiento',
      'Bloqueo y etiquetado', 'INT-07 · Tablero CCM-2, celda 7',
      'ROD-6205 · Rodamiento 6205-2RS', 'Almacén central', '2 u',
      'Técnico', 'Supervisor', 'Seguridad', 'Nombre, firma y fecha',
      'Devuelva esta hoja firmada al supervisor del área.',
    ]) expect(text, expected).toContain(expected);
  });

  it('the closed order: recorded values, hours, failure codes, materials used and who signed', async () => {
    const text = await pdfText(await supervisor.client.request(`/admin/printables/work-orders/${closedOrder.id}.pdf`));
    for (const expected of [
      'Estado: Cerrada', '3,2 mm/s', 'Goma del acople agrietada',
      'Horas de mano de obra: 3,5', 'Problema: FUGA · Fuga por sello', 'Causa: DESGASTE · Desgaste de caras', 'Observaciones: Se cambió el sello',
      'Sello mecánico 35 mm · 1 u',
      'Firmado electrónicamente · Completada por: Tomás Técnico',
      'Firmado electrónicamente · Cerrada por: Sonia Supervisora, 02/12/2026, 15:30',
    ]) expect(text, expected).toContain(expected);
  });

  it('in English when asked', async () => {
    const text = await pdfText(await supervisor.client.request(`/admin/printables/work-orders/${closedOrder.id}.pdf?lang=en`));
    expect(text).toContain(`Work order ${closedOrder.number} · Preventive`);
    expect(text).toContain('Labour hours: 3.5');
  });

  it('another technician cannot print it (404, as if missing); nor can a stranger signed out', async () => {
    const refused = await otherTechnician.client.request(`/admin/printables/work-orders/${order.id}.pdf`);
    expect(refused.status).toBe(404);
    expect(refused.headers.get('content-type')).not.toBe('application/pdf');
    expect((await otherTechnician.client.request('/admin/printables/work-orders/abc.pdf')).status).toBe(404);
    const anonymous = await fetch(new URL(`/admin/printables/work-orders/${order.id}.pdf`, office.url), { redirect: 'manual' });
    expect(anonymous.status).toBe(302);
  });

  it("a template administrators wrote changes the header; its hostile values stay text", async () => {
    await prisma.template.create({ data: { kind: 'WORK_ORDER', language: 'es', name: 'Formato FO-MT-01', body: 'FO-MT-01 · {{number}}\n{{description}}\n---\nFormulario FO-MT-01 rev. 3' } });
    await prisma.workOrder.update({ where: { id: order.id }, data: { description: '{{#constructor}}x{{/constructor}} <b>negrita</b>' } });
    const text = await pdfText(await supervisor.client.request(`/admin/printables/work-orders/${order.id}.pdf`));
    expect(text).toContain(`FO-MT-01 · ${order.number}`);
    expect(text).toContain('{{#constructor}}x{{/constructor}} <b>negrita</b>');
    expect(text).toContain('Formulario FO-MT-01 rev. 3');
    await prisma.template.deleteMany({});
  });
});

describe("a technician's day in one PDF", () => {
  it('his orders planned that day and those shared with him, one per page, not another technician’s', async () => {
    const response = await supervisor.client.request(`/admin/printables/technician-day.pdf?technicianId=${technician.technicianId}&day=2026-12-03`);
    const pdf = await getDocumentProxy(new Uint8Array(await response.arrayBuffer()));
    const { text } = await extractText(pdf, { mergePages: false });
    expect(pdf.numPages).toBeGreaterThanOrEqual(2);
    const all = text.join(' ');
    expect(all).toContain('Apretar pernos de base');
    expect(all).not.toContain('Pintar tubería ajena');
    expect(all).not.toContain('Cambio de rodamientos'); // planned the day before
  });

  it('a bad day or technician is a clear 422', async () => {
    const bad = await supervisor.client.request(`/admin/printables/technician-day.pdf?technicianId=${technician.technicianId}&day=mañana`);
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { message: string }).message).toBe('"mañana" no es una fecha: elija el día en el calendario.');
    expect((await supervisor.client.request('/admin/printables/technician-day.pdf?day=2026-12-03')).status).toBe(422);
  });

  it('another technician printing his colleague’s day gets an empty sheet, none of the orders', async () => {
    const response = await otherTechnician.client.request(`/admin/printables/technician-day.pdf?technicianId=${technician.technicianId}&day=2026-12-03`);
    const text = await pdfText(response);
    expect(text).not.toContain('Inspección mensual');
    expect(text).toContain('Apretar pernos de base'); // his own order, shared with the colleague
  });
});

describe('templates in the back office', () => {
  it('an administrator saves a template (a body with raw output is refused beside it), previews it on an order, and each version is in the history', async () => {
    const admin = await aPerson(prisma, office.url, ['ADMINISTRATORS'], 'Ada Administradora');
    const post = (path: string, body: Record<string, string>) =>
      admin.client.json<{ record: { id?: number; params: Record<string, unknown>; errors: Record<string, { message: string }> } }>(path, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
    const refused = await post('/admin/api/resources/Template/actions/new', { kind: 'WORK_ORDER', language: 'es', name: 'Con HTML crudo', body: 'OT {{{description}}}', active: 'false' });
    expect(refused.body.record.errors.body?.message).toBe('{{{description}}} mostraría el valor sin escapar: escriba el dato entre dos llaves, no tres; los valores siempre se escapan.');
    expect(await prisma.template.count()).toBe(0);

    const saved = await post('/admin/api/resources/Template/actions/new', { kind: 'WORK_ORDER', language: 'es', name: 'Borrador FO-02', body: 'FO-02 {{number}}\n---\nPie FO-02', active: 'false' });
    const id = Number(saved.body.record.params.id);
    expect(id).toBeGreaterThan(0);
    await post(`/admin/api/resources/Template/records/${id}/edit`, { body: 'FO-02 rev. B {{number}} · {{asset.code}}\n---\nPie FO-02 rev. B' });
    const preview = await admin.client.request(`/admin/printables/templates/${id}/preview.pdf?workOrderId=${order.id}`);
    const text = await pdfText(preview);
    expect(text).toContain(`FO-02 rev. B ${order.number} · BOM-101`);
    expect(text).toContain('Pie FO-02 rev. B');
    // Inactive: the orders still print with the default.
    expect(await pdfText(await admin.client.request(`/admin/printables/work-orders/${order.id}.pdf`))).not.toContain('FO-02');
    const versions = await prisma.changeHistory.findMany({ where: { tableName: 'templates', recordId: id }, orderBy: { id: 'asc' } });
    expect(versions.map((v) => v.action)).toEqual(['INSERT', 'UPDATE']);
    expect(versions[1]!.actorUserId).toBe(admin.userId);
    // Only administrators preview templates.
    expect((await supervisor.client.request(`/admin/printables/templates/${id}/preview.pdf?workOrderId=${order.id}`)).status).toBe(403);
    expect((await admin.client.request(`/admin/printables/templates/${id}/preview.pdf`)).status).toBe(422);
  });

  it('"Imprimir" is offered on an order its technician reads, and the day print on the list', async () => {
    const action = await technician.client.request(`/admin/api/resources/WorkOrder/records/${order.id}/printWorkOrder`);
    expect(action.status).toBe(200);
    expect((await otherTechnician.client.request(`/admin/api/resources/WorkOrder/records/${order.id}/printWorkOrder`)).status).toBe(404);
    expect((await technician.client.request('/admin/api/resources/WorkOrder/actions/printTechnicianDay')).status).toBe(200);
  });
});
