// Every resource through AdminJS's HTTP API as an administrator: create, show, list, filter, edit,
// delete; and each database rule refused with a field error the form can show.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../prisma/client.js';
import { startTestBackOffice, TEST_ADMIN, type TestBackOffice } from './support/back-office.js';
import { HttpClient } from './support/http-client.js';
import * as make from './support/factories.js';

let office: TestBackOffice;
let admin: HttpClient;
let prisma: Db;

beforeAll(async () => {
  office = await startTestBackOffice();
  prisma = office.database.prisma;
  admin = new HttpClient(office.url);
  await admin.signIn(TEST_ADMIN.email, TEST_ADMIN.password);
});
afterAll(() => office?.close());

type RecordJson = { id: string; params: Record<string, unknown>; errors: Record<string, { message: string }>; title: string };
type ActionJson = { record: RecordJson; notice?: { message: string; type: string } };
type ListJson = { records: RecordJson[]; meta: { total: number } };

function form(fields: Record<string, unknown>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, String(value));
  return data;
}

const api = (resource: string) => ({
  create: (fields: Record<string, unknown>) => admin.json<ActionJson>(`/admin/api/resources/${resource}/actions/new`, { method: 'POST', body: form(fields) }),
  edit: (id: string, fields: Record<string, unknown>) =>
    admin.json<ActionJson>(`/admin/api/resources/${resource}/records/${id}/edit`, { method: 'POST', body: form(fields) }),
  show: (id: string) => admin.json<ActionJson>(`/admin/api/resources/${resource}/records/${id}/show`),
  remove: (id: string) => admin.json<ActionJson>(`/admin/api/resources/${resource}/records/${id}/delete`, { method: 'POST' }),
  list: (query: Record<string, string>) => admin.json<ListJson>(`/admin/api/resources/${resource}/actions/list?${new URLSearchParams(query)}`),
});

// For each resource: a valid new record (references made by factories), a change, and a filter that finds it.
type Case = { resource: string; fields: () => Promise<Record<string, unknown>>; change: Record<string, unknown>; filter: Record<string, string> };
const cases: Case[] = [
  { resource: 'Location', fields: async () => ({ code: 'T-LOC', name: 'Sala de máquinas' }), change: { name: 'Sala de máquinas norte' }, filter: { 'filters.code': 'T-LOC' } },
  { resource: 'AssetCategory', fields: async () => ({ code: 'T-CAT', name: 'Bomba de pozo' }), change: { name: 'Bomba de pozo profundo' }, filter: { 'filters.code': 'T-CAT' } },
  {
    resource: 'Asset',
    fields: async () => ({ code: 'T-ACT', description: 'Compresor de aire', location: (await make.aLocation(prisma)).id, category: (await make.aCategory(prisma)).id, criticality: 'A' }),
    change: { description: 'Compresor de aire 2' },
    filter: { 'filters.code': 'T-ACT' },
  },
  {
    resource: 'MeasurementPoint',
    fields: async () => ({ code: 'T-MP', asset: (await make.anAsset(prisma)).id, variable: 'Temperatura', unit: '°C', minValue: 10, maxValue: 80 }),
    change: { maxValue: 90 },
    filter: { 'filters.code': 'T-MP' },
  },
  {
    resource: 'Reading',
    fields: async () => {
      const asset = await make.anAsset(prisma);
      const point = await prisma.measurementPoint.create({ data: { code: 'T-MP-R', assetId: asset.id, variable: 'Presión', unit: 'bar' } });
      return { measurementPoint: point.id, takenAt: '2026-11-20T10:00:00.000Z', value: 4.5, source: 'MANUAL' };
    },
    change: { value: 4.7 },
    filter: { 'filters.source': 'MANUAL' },
  },
  { resource: 'MaintenanceType', fields: async () => ({ code: 'T-TIPO', name: 'Lubricación' }), change: { name: 'Lubricación general' }, filter: { 'filters.code': 'T-TIPO' } },
  { resource: 'Frequency', fields: async () => ({ code: 'T-FREC', name: 'Trimestral', calendarInterval: 3, calendarUnit: 'MONTH' }), change: { calendarInterval: 4 }, filter: { 'filters.code': 'T-FREC' } },
  { resource: 'Procedure', fields: async () => ({ code: 'T-PROC', name: 'Inspección de bomba' }), change: { name: 'Inspección de bomba centrífuga' }, filter: { 'filters.code': 'T-PROC' } },
  {
    resource: 'ProcedureStep',
    fields: async () => ({ procedure: (await prisma.procedure.create({ data: { code: 'T-PROC-2', name: 'P' } })).id, position: 1, instruction: 'Medir vibración', valueType: 'NUMBER', unit: 'mm/s', minValue: 0, maxValue: 7 }),
    change: { instruction: 'Medir vibración axial' },
    filter: { 'filters.valueType': 'NUMBER' },
  },
  {
    resource: 'Routine',
    fields: async () => {
      const base = await make.aRoutine(prisma);
      return { code: 'T-RUT', name: 'Lubricar rodamientos', maintenanceType: base.maintenanceTypeId, frequency: base.frequencyId };
    },
    change: { estimatedHours: 2 },
    filter: { 'filters.code': 'T-RUT' },
  },
  { resource: 'WorkCalendar', fields: async () => ({ code: 'T-CAL', name: 'Turno de día', 'workingDays.0': 1, 'workingDays.1': 2, dayStart: '06:00', dayEnd: '14:00' }), change: { name: 'Turno A' }, filter: { 'filters.code': 'T-CAL' } },
  {
    resource: 'CalendarHoliday',
    fields: async () => ({ calendar: (await prisma.workCalendar.create({ data: { code: 'T-CAL-2', name: 'Cal' } })).id, date: '2026-12-25', name: 'Navidad' }),
    change: { name: 'Navidad (feriado)' },
    filter: { 'filters.name': 'navidad' },
  },
  {
    resource: 'MaintenanceSchedule',
    fields: async () => ({ routine: (await make.aRoutine(prisma)).id, asset: (await make.anAsset(prisma)).id, startsOn: '2026-01-01', isActive: true }),
    change: { endsOn: '2027-12-31' },
    filter: { 'filters.isActive': 'true' },
  },
  {
    resource: 'WorkRequest',
    fields: async () => ({ asset: (await make.anAsset(prisma)).id, description: 'Ruido anormal en motor', priority: 'HIGH' }),
    change: { priority: 'URGENT' },
    filter: { 'filters.description': 'ruido anormal' },
  },
  { resource: 'Technician', fields: async () => ({ user: (await make.aUser(prisma)).id, craft: 'Electricista', hourlyCost: 15 }), change: { craft: 'Electricista industrial' }, filter: { 'filters.craft': 'electricista' } },
  {
    resource: 'WorkOrder',
    fields: async () => ({ kind: 'CORRECTIVE', asset: (await make.anAsset(prisma)).id, priority: 'HIGH', plannedOn: '2026-11-25', description: 'Cambiar sello mecánico' }),
    change: { priority: 'URGENT' },
    filter: { 'filters.description': 'sello mecanico' },
  },
  {
    resource: 'WorkOrderStepValue',
    fields: async () => {
      const order = await make.aWorkOrder(prisma);
      const procedure = await prisma.procedure.create({ data: { code: 'T-PROC-3', name: 'P3', steps: { create: { position: 1, instruction: 'Verificar' } } }, include: { steps: true } });
      return { workOrder: order.id, procedureStep: procedure.steps[0]!.id, value: 'Sí', passed: true };
    },
    change: { value: 'Sí, verificado' },
    filter: { 'filters.passed': 'true' },
  },
  { resource: 'FailureCode', fields: async () => ({ code: 'T-FALLA', name: 'Fuga', kind: 'PROBLEM' }), change: { name: 'Fuga de aceite' }, filter: { 'filters.code': 'T-FALLA' } },
  {
    resource: 'WorkOrderClosure',
    fields: async () => ({ workOrder: (await make.aWorkOrder(prisma)).id, laborHours: 3.5, closedBy: (await make.aUser(prisma)).id, observations: 'Sin novedad' }),
    change: { laborHours: 4 },
    filter: { 'filters.observations': 'novedad' },
  },
  {
    resource: 'WorkOrderShare',
    fields: async () => ({ workOrder: (await make.aWorkOrder(prisma)).id, technician: (await make.aTechnician(prisma)).id }),
    change: {},
    filter: {},
  },
  // call centre
  {
    resource: 'Ticket',
    fields: async () => ({ type: 'FAILURE', priority: 'HIGH', requester: 'María López', callerAddress: 'Col. Palmira, casa 12', description: 'Sin luz en la cuadra' }),
    change: { description: 'Sin luz en toda la cuadra' },
    filter: { 'filters.requester': 'María' },
  },
  {
    resource: 'TicketSla',
    // One per type: the migration's default for INFORMATION makes way for the one created here.
    fields: async () => (await prisma.ticketSla.deleteMany({ where: { type: 'INFORMATION' } }), { type: 'INFORMATION', responseHours: 4, resolutionHours: 24 }),
    change: { resolutionHours: 48 },
    filter: { 'filters.type': 'INFORMATION' },
  },
  { resource: 'UserProfile', fields: async () => ({ user: (await make.aUser(prisma)).id, phone: '+504 2222-0000', approvalLimit: 5000 }), change: { phone: '+504 2222-1111' }, filter: { 'filters.phone': '2222' } },
  // budgets (issue 20): a draft requisition and one of its items; the number comes from the database.
  { resource: 'Requisition', fields: async () => ({ title: 'Repuestos de compresor' }), change: { title: 'Repuestos de compresor C-2' }, filter: { 'filters.title': 'compresor' } },
  {
    resource: 'RequisitionItem',
    fields: async () => ({ requisition: (await prisma.requisition.create({ data: { title: 'Borrador', requestedById: (await make.aUser(prisma)).id } })).id, description: 'Filtro de aire', quantity: 2, unit: 'u', unitPrice: 35 }),
    change: { quantity: 3 },
    filter: { 'filters.description': 'filtro' },
  },
  { resource: 'Budget', fields: async () => ({ code: 'T-PRE', name: 'Planta norte 2026', year: 2026, location: (await make.aLocation(prisma)).id }), change: { name: 'Planta norte 2026 (rev.)' }, filter: { 'filters.code': 'T-PRE' } },
  {
    resource: 'BudgetLine',
    fields: async () => ({ budget: (await prisma.budget.create({ data: { code: 'T-PRE-2', name: 'TI', year: 2026, department: 'Tecnología' } })).id, account: 'SERVICES', description: 'Licencias' }),
    change: { description: 'Licencias y soporte' },
    filter: { 'filters.account': 'SERVICES' },
  },
  {
    resource: 'BudgetLineMonth',
    fields: async () => {
      const budget = await prisma.budget.create({ data: { code: 'T-PRE-3', name: 'Compras', year: 2026, department: 'Compras', lines: { create: { account: 'MATERIALS' } } }, include: { lines: true } });
      return { budgetLine: budget.lines[0]!.id, month: 3, originalAmount: 1200, currentAmount: 1200 };
    },
    change: { currentAmount: 1500 },
    filter: { 'filters.month': '3' },
  },
  // inventory (stock levels, the ledger and reservations are written by their workflows: test/stock-*.test.ts)
  { resource: 'Vendor', fields: async () => ({ code: 'T-PROV', name: 'Rodamientos del Norte', phone: '+504 2550-0000' }), change: { name: 'Rodamientos del Norte S. A.' }, filter: { 'filters.code': 'T-PROV' } },
  {
    resource: 'Material',
    fields: async () => ({ code: 'T-MAT', description: 'Rodamiento 6205-2RS', unit: 'u', minimumStock: 2, reorderPoint: 4, reorderQuantity: 10 }),
    change: { reorderPoint: 5 },
    filter: { 'filters.code': 'T-MAT' },
  },
  { resource: 'Warehouse', fields: async () => ({ code: 'T-ALM', name: 'Bodega central', location: (await make.aLocation(prisma)).id }), change: { allowNegativeStock: true }, filter: { 'filters.code': 'T-ALM' } },
  { resource: 'Bin', fields: async () => ({ warehouse: (await make.aWarehouse(prisma)).id, code: 'A-01-03', description: 'Pasillo A, estante 1' }), change: { description: 'Pasillo A, estante 1, nivel 3' }, filter: { 'filters.code': 'A-01' } },
  {
    resource: 'RoutineMaterial',
    fields: async () => ({ routine: (await make.aRoutine(prisma)).id, material: (await make.aMaterial(prisma)).id, warehouse: (await make.aWarehouse(prisma)).id, quantity: 2 }),
    change: { quantity: 3 },
    filter: {},
  },
  // journeys (issue 16)
  { resource: 'WorkOrderNote', fields: async () => ({ workOrder: (await make.aWorkOrder(prisma)).id, text: 'El rodamiento se cambió también el mes pasado' }), change: { text: 'Rodamiento cambiado dos veces' }, filter: {} },
  // safety (issue 23): gas tests and signatures are never edited nor deleted (test/work-permits.test.ts)
  { resource: 'PermitKind', fields: async () => ({ code: 'T-RAD', name: 'Trabajo con radiación', requiredChecks: 'Dosímetro asignado', needsGasTest: false, needsIsolation: false }), change: { name: 'Trabajo con fuentes radiactivas' }, filter: { 'filters.code': 'T-RAD' } },
  { resource: 'IsolationPoint', fields: async () => ({ asset: (await make.anAsset(prisma)).id, code: 'T-INT-1', type: 'BREAKER', energyType: 'ELECTRICAL', locationDescription: 'Tablero principal, celda 3' }), change: { locationDescription: 'Tablero principal, celda 4' }, filter: { 'filters.code': 'T-INT' } },
  { resource: 'PermitRequirement', fields: async () => ({ permitKind: (await prisma.permitKind.findUniqueOrThrow({ where: { code: 'WORK_AT_HEIGHT' } })).id, asset: (await make.anAsset(prisma)).id }), change: {}, filter: {} },
  {
    resource: 'WorkPermit',
    fields: async () => {
      const order = await make.aWorkOrder(prisma);
      return { permitKind: (await prisma.permitKind.findUniqueOrThrow({ where: { code: 'HOT_WORK' } })).id, workOrder: order.id, asset: order.assetId, description: 'Soldar soporte de tubería', validFrom: '2026-12-01T13:00:00.000Z', validUntil: '2026-12-01T21:00:00.000Z', crew: 'Tomás Técnico' };
    },
    change: { description: 'Soldar dos soportes de tubería' },
    filter: { 'filters.state': 'DRAFT' },
  },
  {
    resource: 'PermitIsolation',
    fields: async () => {
      const order = await make.aWorkOrder(prisma);
      const kind = await prisma.permitKind.findUniqueOrThrow({ where: { code: 'ELECTRICAL_ISOLATION' } });
      const permit = await prisma.workPermit.create({ data: { permitKindId: kind.id, workOrderId: order.id, assetId: order.assetId, description: 'Cambio de contactor', crew: 'Tomás', validFrom: new Date(), validUntil: new Date(Date.now() + 3600_000) } });
      const point = await prisma.isolationPoint.create({ data: { assetId: order.assetId, code: 'T-IP', type: 'DISCONNECT', energyType: 'ELECTRICAL', locationDescription: 'Celda 2' } });
      return { permit: permit.id, isolationPoint: point.id };
    },
    change: {},
    filter: {},
  },
  // health (issue 25): a stop typed in (one found on a round); the derived lists are read-only (role rules)
  {
    resource: 'DowntimeEvent',
    fields: async () => ({ asset: (await make.anAsset(prisma)).id, startedAt: '2026-11-20T08:00:00.000Z', endedAt: '2026-11-20T11:30:00.000Z', reason: 'EXTERNAL', planned: false }),
    change: { notes: 'Corte de energía de la red' },
    filter: { 'filters.reason': 'EXTERNAL' },
  },
  // incidents and audits (issue 23): corrective actions are raised from their source, never created by the
  // list's form nor deleted (test/corrective-actions.test.ts)
  {
    resource: 'SafetyIncident',
    fields: async () => ({ kind: 'FIRST_AID', occurredAt: '2026-11-20T15:00:00.000Z', location: (await make.aLocation(prisma)).id, description: 'Corte leve en un dedo', immediateActions: 'Curación en sitio' }),
    change: { causes: 'Guantes inadecuados' },
    filter: { 'filters.kind': 'FIRST_AID' },
  },
  { resource: 'SafetyHoursWorked', fields: async () => ({ location: (await make.aLocation(prisma)).id, year: 2026, month: 10, hours: 15200.5 }), change: { hours: 15300 }, filter: { 'filters.year': '2026' } },
  { resource: 'AuditChecklist', fields: async () => ({ code: 'T-ISO', name: 'ISO 45001 interna', items: '5.4 Consulta y participación\n6.1 Riesgos' }), change: { name: 'ISO 45001:2018 interna' }, filter: { 'filters.code': 'T-ISO' } },
  {
    resource: 'Audit',
    fields: async () => ({ title: 'Inspección de la Secretaría de Trabajo', kind: 'REGULATORY', scope: 'Toda la planta', startsOn: '2026-12-01', endsOn: '2026-12-02', auditor: 'Inspector de la STSS' }),
    change: { scope: 'Planta y subestación' },
    filter: { 'filters.kind': 'REGULATORY' },
  },
  {
    resource: 'AuditFinding',
    fields: async () => {
      const audit = await prisma.audit.create({ data: { title: 'Interna', kind: 'INTERNAL', scope: 'Taller', startsOn: new Date('2026-11-01'), endsOn: new Date('2026-11-01'), auditor: 'Olga' } });
      return { audit: audit.id, title: 'Extintor vencido', severity: 'MINOR', requirement: 'NFPA 10 7.2', description: 'Extintor del taller vencido en octubre' };
    },
    change: { severity: 'MAJOR' },
    filter: { 'filters.severity': 'MINOR' },
  },
  {
    resource: 'AuditEvidence',
    fields: async () => {
      const audit = await prisma.audit.create({ data: { title: 'Interna 2', kind: 'INTERNAL', scope: 'Taller', startsOn: new Date('2026-11-01'), endsOn: new Date('2026-11-01'), auditor: 'Olga' } });
      const finding = await prisma.auditFinding.create({ data: { auditId: audit.id, title: 'Guarda faltante', severity: 'MAJOR', requirement: '8.1', description: 'B-3' } });
      const document = await prisma.document.create({ data: { title: 'Foto B-3', kind: 'OTHER' } });
      return { finding: finding.id, document: document.id };
    },
    change: {},
    filter: {},
  },
  // projects and service contracts (issue 24): the state moves by its buttons (test/projects.test.ts)
  {
    resource: 'Project',
    fields: async () => ({ code: 'PRY-HTTP', name: 'Cambio de transformador T2', manager: (await make.aUser(prisma)).id, location: (await make.aLocation(prisma)).id, startsOn: '2026-12-01', endsOn: '2027-01-31' }),
    change: { name: 'Cambio del transformador T2 de 40 MVA' },
    filter: { 'filters.code': 'PRY-HTTP' },
  },
  {
    resource: 'ProjectTask',
    fields: async () => ({ project: (await make.aProject(prisma)).id, name: 'Obra civil de la base', startsOn: '2026-12-01', endsOn: '2026-12-10', progress: 20 }),
    change: { progress: 35 },
    filter: { 'filters.name': 'Obra civil' },
  },
  {
    resource: 'ProjectTaskDependency',
    fields: async () => {
      const project = await make.aProject(prisma);
      return { task: (await make.aProjectTask(prisma, project.id)).id, dependsOn: (await make.aProjectTask(prisma, project.id)).id };
    },
    change: {},
    filter: {},
  },
  // energy (issue 25): a site's monthly production; a measurement point that is an energy meter
  { resource: 'SiteProduction', fields: async () => ({ location: (await make.aLocation(prisma)).id, month: '2026-10-01', producedMwh: '1250.5' }), change: { producedMwh: '1300' }, filter: { 'filters.month~~from': '2026-10-01', 'filters.month~~to': '2026-10-01' } },
  {
    resource: 'MeasurementPoint',
    fields: async () => ({ code: 'T-EM-1', asset: (await make.anAsset(prisma)).id, variable: 'Energía activa', unit: 'kWh', isMeter: true, energyCarrier: 'ELECTRICITY', rolloverValue: '1000000' }),
    change: { rolloverValue: '10000000' },
    filter: { 'filters.energyCarrier': 'ELECTRICITY' },
  },
  {
    resource: 'ServiceContract',
    fields: async () => ({
      code: 'CS-HTTP', vendor: (await make.aVendor(prisma)).id, scope: 'Mantenimiento de aires acondicionados', startsOn: '2026-01-01', endsOn: '2026-12-31',
      value: 48000, responseHours: 4, resolutionHours: 48, renewalNoticeDays: 45, owner: (await make.aUser(prisma)).id,
    }),
    change: { resolutionHours: 36 },
    filter: { 'filters.code': 'CS-HTTP' },
  },
  { resource: 'ServiceContractAsset', fields: async () => ({ contract: (await make.aServiceContract(prisma)).id, asset: (await make.anAsset(prisma)).id }), change: {}, filter: {} },
  { resource: 'ServiceContractLocation', fields: async () => ({ contract: (await make.aServiceContract(prisma)).id, location: (await make.aLocation(prisma)).id }), change: {}, filter: {} },
  // transmittals (issue 24): a draft's revisions and recipients are kept from its page; acknowledgements
  // are written by the recipients' links only (test/transmittals.test.ts)
  { resource: 'ExternalContact', fields: async () => ({ name: 'Ernesto Contratista', company: 'Montajes del Norte', email: 'ernesto@montajes.test', isActive: true }), change: { phone: '+504 2222-3333' }, filter: { 'filters.name': 'Ernesto' } },
  { resource: 'Transmittal', fields: async () => ({ subject: 'Planos de la sala de bombas', purpose: 'CONSTRUCTION', message: 'Para construcción.', acknowledgeBy: '2026-12-15' }), change: { subject: 'Planos revisados de la sala de bombas' }, filter: { 'filters.state': 'DRAFT' } },
  { resource: 'TransmittalDocument', fields: async () => ({ transmittal: (await aDraftTransmittal()).id, revision: (await aStoredRevision()).id }), change: {}, filter: {} },
  { resource: 'TransmittalRecipient', fields: async () => ({ transmittal: (await aDraftTransmittal()).id, user: (await make.aUser(prisma)).id }), change: {}, filter: {} },
];

async function aDraftTransmittal() {
  const sender = await prisma.user.findUniqueOrThrow({ where: { email: TEST_ADMIN.email } });
  return prisma.transmittal.create({ data: { subject: 'Borrador', senderId: sender.id } });
}

async function aStoredRevision() {
  const uploader = await prisma.user.findUniqueOrThrow({ where: { email: TEST_ADMIN.email } });
  const document = await prisma.document.create({ data: { title: 'Plano', kind: 'DRAWING' } });
  return prisma.documentRevision.create({ data: { documentId: document.id, number: 1, fileKey: `docs/test/${document.code}/rev-1.pdf`, fileName: 'plano.pdf', contentType: 'application/pdf', size: 10, sha256: 'c'.repeat(64), uploadedById: uploader.id } });
}

describe('every resource through the AdminJS HTTP API, as an administrator', () => {
  it.each(cases)('$resource: create, show, list with a filter, edit, delete', async ({ resource, fields, change, filter }) => {
    const calls = api(resource);
    const created = await calls.create(await fields());
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    expect(created.body.record.errors).toEqual({});
    const id = created.body.record.id;
    expect(id).toBeTruthy();

    const shown = await calls.show(id);
    expect(shown.status).toBe(200);

    const listed = await calls.list(filter);
    expect(listed.body.records.map((r) => r.id)).toContain(id);
    expect(listed.body.meta.total).toBe(listed.body.records.length);

    if (Object.keys(change).length) {
      const edited = await calls.edit(id, change);
      expect(edited.body.record.errors).toEqual({});
      for (const [key, value] of Object.entries(change)) expect(String(edited.body.record.params[key])).toContain(String(value));
    }

    const removed = await calls.remove(id);
    expect(removed.body.notice?.type).toBe('success');
    expect((await calls.list(filter)).body.records.map((r) => r.id)).not.toContain(id);
  });

  it('lists every resource with its default sort', async () => {
    for (const resource of [...cases.map((c) => c.resource), 'ImportRun', 'User', 'Group', 'UserGroup', 'ErpSyncRun', 'ErpSyncConflict', 'BudgetActual', 'RequisitionApproval', 'GoodsReceipt', 'BudgetSetting', 'StockLevel', 'StockMovement', 'Reservation', 'PermitGasTest', 'PermitSignature', 'IntegrationToken', 'TransmittalAcknowledgement', 'Template']) {
      const listed = await api(resource).list({});
      expect(listed.status, resource).toBe(200);
    }
  });
});

describe('rules refused with an error next to the field', () => {
  it('a duplicate code', async () => {
    await make.aLocation(prisma, { code: 'DUP-1' });
    const refused = await api('Location').create({ code: 'DUP-1', name: 'Otra' });
    // Field errors arrive as sentences in the user's language (keys reached the reference inputs raw).
    expect(refused.body.record.errors.code?.message).toBe('Ya existe un registro con este valor; debe ser único.');
    expect(await prisma.location.count({ where: { code: 'DUP-1' } })).toBe(1);
  });

  it('a location moved under its own descendant', async () => {
    const plant = await make.aLocation(prisma, { name: 'Planta' });
    const room = await make.aLocation(prisma, { name: 'Sala', parentId: plant.id });
    const refused = await api('Location').edit(String(plant.id), { parent: room.id });
    expect(refused.body.record.errors.parent?.message).toBe('Un registro no puede quedar debajo de sí mismo ni de uno de sus descendientes.');
    expect((await prisma.location.findUniqueOrThrow({ where: { id: plant.id } })).parentId).toBeNull();
  });

  it('deleting a location that assets use', async () => {
    const asset = await make.anAsset(prisma);
    const refused = await api('Location').remove(String(asset.locationId));
    expect(refused.body.notice).toEqual({ message: 'No se puede eliminar: hay activos que lo usan.', type: 'error' });
    expect(await prisma.location.count({ where: { id: asset.locationId } })).toBe(1);
  });

  it('limits, windows and closed vocabularies', async () => {
    const asset = await make.anAsset(prisma);
    const limits = await api('MeasurementPoint').create({ code: 'MP-BAD', asset: asset.id, variable: 'T', unit: 'C', minValue: 50, maxValue: 10 });
    expect(limits.body.record.errors.maxValue?.message).toBe('El máximo no puede ser menor que el mínimo.');
    const criticality = await api('Asset').edit(String(asset.id), { criticality: 'Z' });
    expect(criticality.body.record.errors.criticality?.message).toBe('La criticidad debe ser A, B o C.');
    const frequency = await api('Frequency').create({ code: 'F-BAD', name: 'Nunca' });
    expect(frequency.body.record.errors.calendarInterval?.message).toMatch(/^Indique cada cuántos días/);
  });
});

describe('what a planner sees in lists', () => {
  it('finds "Bomba Centrífuga" from "bomba centrifuga", ignoring case and accents', async () => {
    const pump = await make.anAsset(prisma, { description: 'Bomba Centrífuga de alimentación' });
    await make.anAsset(prisma, { description: 'Motor eléctrico' });
    const found = await api('Asset').list({ 'filters.description': 'bomba centrifuga' });
    expect(found.body.records.map((r) => String(r.id))).toEqual([String(pump.id)]);
    const room = await make.aLocation(prisma, { name: 'Sala de Máquinas Ñ' });
    const byName = await api('Location').list({ 'filters.name': 'MAQUINAS n' });
    expect(byName.body.records.map((r) => String(r.id))).toEqual([String(room.id)]);
  });

  it('renders references as names, a location as its full path, and filters by location subtree', async () => {
    const plant = await make.aLocation(prisma, { name: 'Planta' });
    const room = await make.aLocation(prisma, { name: 'Sala de bombas', parentId: plant.id });
    const spot = await make.aLocation(prisma, { name: 'Bomba 3', parentId: room.id });
    const other = await make.aLocation(prisma, { name: 'Oficinas' });
    const inside = await make.anAsset(prisma, { locationId: spot.id, description: 'Bomba 3A' });
    await make.anAsset(prisma, { locationId: other.id });

    const listed = await admin.json<{ records: (RecordJson & { populated: Record<string, RecordJson> })[] }>(
      `/admin/api/resources/Asset/actions/list?filters.location=${plant.id}`,
    );
    expect(listed.body.records.map((r) => String(r.id))).toEqual([String(inside.id)]);
    expect(listed.body.records[0]!.populated.location!.title).toBe('Planta > Sala de bombas > Bomba 3');
  });

  it('filters work orders by the location of their asset, subtree included', async () => {
    const area = await make.aLocation(prisma, { name: 'Calderas' });
    const spot = await make.aLocation(prisma, { name: 'Caldera 2', parentId: area.id });
    const order = await make.aWorkOrder(prisma, { assetId: (await make.anAsset(prisma, { locationId: spot.id })).id });
    await make.aWorkOrder(prisma);
    const listed = await api('WorkOrder').list({ 'filters.location': String(area.id) });
    expect(listed.body.records.map((r) => String(r.id))).toEqual([String(order.id)]);
  });

  it('counts small results exactly, and reports the planner estimate for large ones', async () => {
    const location = await make.aLocation(prisma);
    const category = await make.aCategory(prisma);
    await office.database.pool.query(
      `INSERT INTO assets (code, description, location_id, category_id)
       SELECT 'MASS-' || i, 'Válvula masiva ' || i, $1, $2 FROM generate_series(1, 10050) i`,
      [location.id, category.id],
    );
    await office.database.pool.query('ANALYZE assets');
    const broad = await api('Asset').list({ 'filters.description': 'valvula masiva' });
    expect(Math.abs(broad.body.meta.total - 10_050) / 10_050).toBeLessThan(0.2);
    expect(broad.body.records).toHaveLength(25); // a page is 25 rows (AdminJS's default of 10 was the flaw)
    const narrow = await api('Asset').list({ 'filters.description': 'valvula masiva 1234' });
    expect(narrow.body.meta.total).toBe(1);

    const all = await api('Asset').list({});
    const exact = await prisma.asset.count();
    expect(Math.abs(all.body.meta.total - exact) / exact).toBeLessThan(0.05);
  });

  it('sorts assets by their location path', async () => {
    const b = await make.aLocation(prisma, { name: 'ZZ-B' });
    const a = await make.aLocation(prisma, { name: 'ZZ-A' });
    const inB = await make.anAsset(prisma, { locationId: b.id, code: 'SORT-1' });
    const inA = await make.anAsset(prisma, { locationId: a.id, code: 'SORT-2' });
    const sorted = await api('Asset').list({ 'filters.code': 'SORT-', sortBy: 'location', direction: 'asc' });
    expect(sorted.body.records.map((r) => String(r.id))).toEqual([String(inA.id), String(inB.id)]);
  });

  it('searches references in selects without accents', async () => {
    await make.aLocation(prisma, { name: 'Subestación Eléctrica' });
    const options = await admin.json<{ records: RecordJson[] }>('/admin/api/resources/Location/search/subestacion');
    expect(options.body.records.map((r) => r.title)).toContain('Subestación Eléctrica');
  });
});
