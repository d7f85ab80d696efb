// The role rules of the five groups, through HTTP as signed-in users (never by calling CASL directly).
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../prisma/client.js';
import { startTestBackOffice, type TestBackOffice } from './support/back-office.js';
import * as make from './support/factories.js';
import { aPerson, type Person } from './support/people.js';

let office: TestBackOffice;
let prisma: Db;
const people = {} as Record<'ADMINISTRATORS' | 'SUPERVISORS' | 'TECHNICIANS' | 'CONSULTANTS' | 'OPERATORS', Person>;
const fixtures: Record<string, number> = {};

// What each group may do on each resource: r = read, c = create, u = update, d = delete. Written out by
// hand from DOMAIN.md (not derived from the rules), so a wrong rule fails here.
const PLANT_RW = 'rcud';
const expected: Record<string, Record<string, string>> = {
  ADMINISTRATORS: {
    Location: 'rcud', AssetCategory: 'rcud', Asset: 'rcud', ImportRun: 'r', MeasurementPoint: 'rcud', Reading: 'rcud',
    MaintenanceType: 'rcud', Frequency: 'rcud', Procedure: 'rcud', ProcedureStep: 'rcud', Routine: 'rcud', WorkCalendar: 'rcud',
    CalendarHoliday: 'rcud', MaintenanceSchedule: 'rcud', WorkRequest: 'rcud', Technician: 'rcud', WorkOrder: 'rcud',
    WorkOrderStepValue: 'rcud', FailureCode: 'rcud', WorkOrderClosure: 'rcud', WorkOrderMaterial: 'rcud', KpiSnapshot: 'r', Requisition: 'rcud', RequisitionItem: 'rcud', Ticket: 'rcud', WorkOrderShare: 'rcd', User: 'rcud', Group: 'ru', UserGroup: 'rcd', UserSite: 'rcd', UserProfile: 'rcud', ChangeHistory: 'r',
    // budgets: the ERP sync's log and conflicts, written by the sync only (issue 20)
    ErpSyncRun: 'r', ErpSyncConflict: 'r',
    Budget: 'rcud', BudgetLine: 'rcud', BudgetLineMonth: 'rcud', BudgetActual: 'r', RequisitionApproval: 'r',
    // goods receipts (issue 20): written by "Recibir" only (test/goods-receipts.test.ts)
    GoodsReceipt: 'r',
    // budgets: the module's settings, one row kept by administrators (issue 20)
    BudgetSetting: 'ru',
    // Call centre: answers by "Responder", SIG runs by their job; SLAs kept by supervisors.
    TicketSla: 'rcud', SigSyncRun: 'r', TicketNote: 'r',
    // Documents: revisions, signatures and audit are written by the workflow, never by a form.
    // journeys (issue 16): notes on orders
    WorkOrderNote: 'rcud',
    Document: 'rcud', DocumentRevision: 'r', RevisionSigner: 'rcd', DocumentSignature: 'r', SignatureAudit: 'r',
    // Inventory: the storeroom's catalogue and stock (moved by the storeroom right, test/stock-movements.test.ts).
    Vendor: 'rcud', Material: 'rcud', Warehouse: 'rcud', Bin: 'rcud', RoutineMaterial: 'rcud', StockLevel: 'r', StockMovement: 'r', Reservation: 'r',
    // Safety (issue 23): the safety officer's right approves and keeps kinds and requirements
    // (test/work-permits.test.ts); gas tests and signatures are never edited; a draft permit here.
    PermitKind: 'rcud', IsolationPoint: 'rcud', PermitRequirement: 'rcud', WorkPermit: 'rcud', PermitIsolation: 'rcd', PermitGasTest: 'rc', PermitSignature: 'r',
    // health (issue 25): stops kept by supervisors; risk, models and trends written by the 06:00 job
    DowntimeEvent: 'rcud', AssetHealth: 'r', CategoryReliability: 'r', PointTrend: 'r',
    // Incidents and audits (issue 23): supervisors report incidents and read the rest; the safety right
    // keeps them (its own matrix below); actions are raised from their source, never by the list's form,
    // and never deleted; their owner's view is in test/corrective-actions.test.ts.
    SafetyIncident: 'rcud', SafetyHoursWorked: 'rcud', AuditChecklist: 'rcud', Audit: 'rcud', AuditFinding: 'rcud', AuditEvidence: 'rcd', CorrectiveAction: 'ru',
    // Energy (issue 25): sites' monthly production kept by supervisors; integration tokens by administrators, made
    // and revoked by their own buttons (test/readings-intake-api.test.ts), never by a form.
    SiteProduction: 'rcud', IntegrationToken: 'r',
    // Templates of print-outs and messages (issue 24): the administrators' (test/printables.test.ts).
    Template: 'rcud',
    // Projects and service contracts (issue 24): the project's moves in test/projects.test.ts.
    Project: 'rcud', ProjectTask: 'rcud', ProjectTaskDependency: 'rcud', ServiceContract: 'rcud', ServiceContractAsset: 'rcud', ServiceContractLocation: 'rcud',
    // Transmittals (issue 24): document control is the supervisors'; what a sent one holds never changes,
    // acknowledgements are written by the recipients' links only (test/transmittals.test.ts); a draft here.
    Transmittal: 'rcud', TransmittalDocument: 'rcd', TransmittalRecipient: 'rcd', TransmittalAcknowledgement: 'r', ExternalContact: 'rcud',
  },
  SUPERVISORS: {
    Location: PLANT_RW, AssetCategory: PLANT_RW, Asset: PLANT_RW, ImportRun: 'r', MeasurementPoint: PLANT_RW, Reading: PLANT_RW,
    MaintenanceType: PLANT_RW, Frequency: PLANT_RW, Procedure: PLANT_RW, ProcedureStep: PLANT_RW, Routine: PLANT_RW, WorkCalendar: PLANT_RW,
    CalendarHoliday: PLANT_RW, MaintenanceSchedule: PLANT_RW, WorkRequest: PLANT_RW, Technician: PLANT_RW, WorkOrder: PLANT_RW,
    WorkOrderStepValue: PLANT_RW, FailureCode: PLANT_RW, WorkOrderClosure: 'r', WorkOrderMaterial: 'r', KpiSnapshot: 'r', Requisition: PLANT_RW, RequisitionItem: PLANT_RW, Ticket: 'r', WorkOrderShare: 'rcd', User: '', Group: '', UserGroup: '', UserSite: '', UserProfile: '', ChangeHistory: '',
    // budgets: the ERP sync's log and conflicts, written by the sync only (issue 20)
    ErpSyncRun: 'r', ErpSyncConflict: 'r',
    Budget: 'rcud', BudgetLine: 'rcud', BudgetLineMonth: 'rcud', BudgetActual: 'r', RequisitionApproval: 'r',
    // goods receipts (issue 20): written by "Recibir" only (test/goods-receipts.test.ts)
    GoodsReceipt: 'r',
    // budgets: the module's settings, one row kept by administrators (issue 20)
    BudgetSetting: 'r',
    // Call centre: answers by "Responder", SIG runs by their job; SLAs kept by supervisors.
    TicketSla: PLANT_RW, SigSyncRun: 'r', TicketNote: 'r',
    // Documents: revisions, signatures and audit are written by the workflow, never by a form.
    // journeys (issue 16): notes on orders
    WorkOrderNote: PLANT_RW,
    Document: 'rcud', DocumentRevision: 'r', RevisionSigner: 'rcd', DocumentSignature: 'r', SignatureAudit: 'r',
    // Inventory: the storeroom's catalogue and stock (moved by the storeroom right, test/stock-movements.test.ts).
    Vendor: 'r', Material: 'r', Warehouse: 'r', Bin: 'r', RoutineMaterial: 'rcud', StockLevel: 'r', StockMovement: 'r', Reservation: 'r',
    // Safety (issue 23): the safety officer's right approves and keeps kinds and requirements
    // (test/work-permits.test.ts); gas tests and signatures are never edited; a draft permit here.
    PermitKind: 'r', IsolationPoint: 'rcud', PermitRequirement: 'r', WorkPermit: 'rcud', PermitIsolation: 'rcd', PermitGasTest: 'rc', PermitSignature: 'r',
    // health (issue 25): stops kept by supervisors; risk, models and trends written by the 06:00 job
    DowntimeEvent: PLANT_RW, AssetHealth: 'r', CategoryReliability: 'r', PointTrend: 'r',
    // Incidents and audits (issue 23): supervisors report incidents and read the rest; the safety right
    // keeps them (its own matrix below); actions are raised from their source, never by the list's form,
    // and never deleted; their owner's view is in test/corrective-actions.test.ts.
    SafetyIncident: 'rcu', SafetyHoursWorked: 'r', AuditChecklist: 'r', Audit: 'r', AuditFinding: 'r', AuditEvidence: 'r', CorrectiveAction: 'r',
    // Energy (issue 25): sites' monthly production kept by supervisors; integration tokens by administrators, made
    // and revoked by their own buttons (test/readings-intake-api.test.ts), never by a form.
    SiteProduction: 'rcud', IntegrationToken: '',
    // Templates of print-outs and messages (issue 24): the administrators' (test/printables.test.ts).
    Template: '',
    // Projects and service contracts (issue 24): the project's moves in test/projects.test.ts.
    Project: 'rcud', ProjectTask: 'rcud', ProjectTaskDependency: 'rcud', ServiceContract: 'rcud', ServiceContractAsset: 'rcud', ServiceContractLocation: 'rcud',
    // Transmittals (issue 24): document control is the supervisors'; what a sent one holds never changes,
    // acknowledgements are written by the recipients' links only (test/transmittals.test.ts); a draft here.
    Transmittal: 'rcud', TransmittalDocument: 'rcd', TransmittalRecipient: 'rcd', TransmittalAcknowledgement: 'r', ExternalContact: 'rcud',
  },
  TECHNICIANS: {
    Location: 'r', AssetCategory: 'r', Asset: 'r', ImportRun: '', MeasurementPoint: 'r', Reading: 'rc', MaintenanceType: 'r', Frequency: 'r',
    Procedure: 'r', ProcedureStep: 'r', Routine: 'r', WorkCalendar: 'r', CalendarHoliday: 'r', MaintenanceSchedule: '', WorkRequest: '',
    Technician: 'r', WorkOrder: 'r', WorkOrderStepValue: 'rcu', FailureCode: 'r', WorkOrderClosure: '', WorkOrderMaterial: '', KpiSnapshot: '', Requisition: '', RequisitionItem: '', Ticket: '', WorkOrderShare: 'r', User: '', Group: '', UserGroup: '', UserSite: '', UserProfile: '', ChangeHistory: '',
    // budgets: the ERP sync's log and conflicts, written by the sync only (issue 20)
    ErpSyncRun: '', ErpSyncConflict: '',
    Budget: '', BudgetLine: '', BudgetLineMonth: '', BudgetActual: '', RequisitionApproval: '',
    // goods receipts (issue 20): written by "Recibir" only (test/goods-receipts.test.ts)
    GoodsReceipt: '',
    // budgets: the module's settings, one row kept by administrators (issue 20)
    BudgetSetting: '',
    // Call centre: answers by "Responder", SIG runs by their job; SLAs kept by supervisors.
    TicketSla: '', SigSyncRun: '', TicketNote: '',
    // Documents: revisions, signatures and audit are written by the workflow, never by a form.
    // journeys (issue 16): notes on orders
    WorkOrderNote: 'rc',
    Document: 'rc', DocumentRevision: 'r', RevisionSigner: 'r', DocumentSignature: 'r', SignatureAudit: 'r',
    // Inventory: the storeroom's catalogue and stock (moved by the storeroom right, test/stock-movements.test.ts).
    Vendor: '', Material: 'r', Warehouse: 'r', Bin: 'r', RoutineMaterial: 'r', StockLevel: 'r', StockMovement: '', Reservation: '',
    // Safety (issue 23): the safety officer's right approves and keeps kinds and requirements
    // (test/work-permits.test.ts); gas tests and signatures are never edited; a draft permit here.
    PermitKind: 'r', IsolationPoint: 'r', PermitRequirement: '', WorkPermit: 'r', PermitIsolation: 'r', PermitGasTest: 'rc', PermitSignature: 'r',
    // health (issue 25): a technician records a stop he finds and reads the condition of what he repairs
    DowntimeEvent: 'rc', AssetHealth: 'r', CategoryReliability: 'r', PointTrend: 'r',
    // Incidents and audits (issue 23): supervisors report incidents and read the rest; the safety right
    // keeps them (its own matrix below); actions are raised from their source, never by the list's form,
    // and never deleted; their owner's view is in test/corrective-actions.test.ts.
    SafetyIncident: '', SafetyHoursWorked: '', AuditChecklist: '', Audit: '', AuditFinding: '', AuditEvidence: '',
    // Energy (issue 25): sites' monthly production kept by supervisors; integration tokens by administrators, made
    // and revoked by their own buttons (test/readings-intake-api.test.ts), never by a form.
    SiteProduction: '', IntegrationToken: '',
    // Templates of print-outs and messages (issue 24): the administrators' (test/printables.test.ts).
    Template: '',
    // Projects and service contracts (issue 24): the project's moves in test/projects.test.ts.
    Project: 'r', ProjectTask: 'r', ProjectTaskDependency: 'r', ServiceContract: '', ServiceContractAsset: '', ServiceContractLocation: '',
    // Transmittals (issue 24): document control is the supervisors'; what a sent one holds never changes,
    // acknowledgements are written by the recipients' links only (test/transmittals.test.ts); a draft here.
    Transmittal: '', TransmittalDocument: '', TransmittalRecipient: '', TransmittalAcknowledgement: '', ExternalContact: '',
  },
  CONSULTANTS: {
    Location: 'r', AssetCategory: 'r', Asset: 'r', ImportRun: 'r', MeasurementPoint: 'r', Reading: 'r', MaintenanceType: 'r', Frequency: 'r',
    Procedure: 'r', ProcedureStep: 'r', Routine: 'r', WorkCalendar: 'r', CalendarHoliday: 'r', MaintenanceSchedule: 'r', WorkRequest: 'r',
    Technician: 'r', WorkOrder: 'r', WorkOrderStepValue: 'r', FailureCode: 'r', WorkOrderClosure: 'r', WorkOrderMaterial: 'r', KpiSnapshot: 'r', Requisition: 'r', RequisitionItem: 'r', Ticket: 'r', WorkOrderShare: 'r', User: '', Group: '', UserGroup: '', UserSite: '', UserProfile: '', ChangeHistory: '',
    // budgets: the ERP sync's log and conflicts, written by the sync only (issue 20)
    ErpSyncRun: 'r', ErpSyncConflict: 'r',
    Budget: 'r', BudgetLine: 'r', BudgetLineMonth: 'r', BudgetActual: 'r', RequisitionApproval: 'r',
    // goods receipts (issue 20): written by "Recibir" only (test/goods-receipts.test.ts)
    GoodsReceipt: 'r',
    // budgets: the module's settings, one row kept by administrators (issue 20)
    BudgetSetting: 'r',
    // Call centre: answers by "Responder", SIG runs by their job; SLAs kept by supervisors.
    TicketSla: 'r', SigSyncRun: 'r', TicketNote: 'r',
    // Documents: revisions, signatures and audit are written by the workflow, never by a form.
    // journeys (issue 16): notes on orders
    WorkOrderNote: 'r',
    Document: 'r', DocumentRevision: 'r', RevisionSigner: 'r', DocumentSignature: 'r', SignatureAudit: 'r',
    // Inventory: the storeroom's catalogue and stock (moved by the storeroom right, test/stock-movements.test.ts).
    Vendor: 'r', Material: 'r', Warehouse: 'r', Bin: 'r', RoutineMaterial: 'r', StockLevel: 'r', StockMovement: 'r', Reservation: 'r',
    // Safety (issue 23): the safety officer's right approves and keeps kinds and requirements
    // (test/work-permits.test.ts); gas tests and signatures are never edited; a draft permit here.
    PermitKind: 'r', IsolationPoint: 'r', PermitRequirement: 'r', WorkPermit: 'r', PermitIsolation: 'r', PermitGasTest: 'r', PermitSignature: 'r',
    // health (issue 25)
    DowntimeEvent: 'r', AssetHealth: 'r', CategoryReliability: 'r', PointTrend: 'r',
    // Incidents and audits (issue 23): supervisors report incidents and read the rest; the safety right
    // keeps them (its own matrix below); actions are raised from their source, never by the list's form,
    // and never deleted; their owner's view is in test/corrective-actions.test.ts.
    SafetyIncident: 'r', SafetyHoursWorked: 'r', AuditChecklist: 'r', Audit: 'r', AuditFinding: 'r', AuditEvidence: 'r', CorrectiveAction: 'r',
    // Energy (issue 25): sites' monthly production kept by supervisors; integration tokens by administrators, made
    // and revoked by their own buttons (test/readings-intake-api.test.ts), never by a form.
    SiteProduction: 'r', IntegrationToken: '',
    // Templates of print-outs and messages (issue 24): the administrators' (test/printables.test.ts).
    Template: '',
    // Projects and service contracts (issue 24): the project's moves in test/projects.test.ts.
    Project: 'r', ProjectTask: 'r', ProjectTaskDependency: 'r', ServiceContract: 'r', ServiceContractAsset: 'r', ServiceContractLocation: 'r',
    // Transmittals (issue 24): document control is the supervisors'; what a sent one holds never changes,
    // acknowledgements are written by the recipients' links only (test/transmittals.test.ts); a draft here.
    Transmittal: 'r', TransmittalDocument: 'r', TransmittalRecipient: 'r', TransmittalAcknowledgement: 'r', ExternalContact: 'r',
  },
  OPERATORS: {
    Location: 'r', AssetCategory: 'r', Asset: 'r', ImportRun: '', MeasurementPoint: '', Reading: '', MaintenanceType: '', Frequency: '',
    Procedure: '', ProcedureStep: '', Routine: '', WorkCalendar: '', CalendarHoliday: '', MaintenanceSchedule: '', WorkRequest: 'rcu',
    Technician: '', WorkOrder: '', WorkOrderStepValue: '', FailureCode: '', WorkOrderClosure: '', WorkOrderMaterial: '', KpiSnapshot: '', Requisition: '', RequisitionItem: '', Ticket: 'rcu', WorkOrderShare: '', User: '', Group: '', UserGroup: '', UserSite: '', UserProfile: '', ChangeHistory: '',
    // budgets: the ERP sync's log and conflicts, written by the sync only (issue 20)
    ErpSyncRun: '', ErpSyncConflict: '',
    Budget: '', BudgetLine: '', BudgetLineMonth: '', BudgetActual: '', RequisitionApproval: '',
    // goods receipts (issue 20): written by "Recibir" only (test/goods-receipts.test.ts)
    GoodsReceipt: '',
    // budgets: the module's settings, one row kept by administrators (issue 20)
    BudgetSetting: '',
    // Call centre: answers by "Responder", SIG runs by their job (read: the feed of their queue); SLAs kept by supervisors.
    TicketSla: 'r', SigSyncRun: 'r', TicketNote: 'r',
    // Documents: revisions, signatures and audit are written by the workflow, never by a form.
    // journeys (issue 16): notes on orders
    WorkOrderNote: '',
    Document: 'rc', DocumentRevision: 'r', RevisionSigner: 'r', DocumentSignature: 'r', SignatureAudit: 'r',
    // Inventory: the storeroom's catalogue and stock (moved by the storeroom right, test/stock-movements.test.ts).
    Vendor: '', Material: '', Warehouse: '', Bin: '', RoutineMaterial: '', StockLevel: '', StockMovement: '', Reservation: '',
    // Safety (issue 23): the safety officer's right approves and keeps kinds and requirements
    // (test/work-permits.test.ts); gas tests and signatures are never edited; a draft permit here.
    PermitKind: '', IsolationPoint: '', PermitRequirement: '', WorkPermit: '', PermitIsolation: '', PermitGasTest: '', PermitSignature: '',
    // health (issue 25): operators take the call ("la bomba se paró") and record the stop
    DowntimeEvent: 'rc', AssetHealth: '', CategoryReliability: '', PointTrend: '',
    // Incidents and audits (issue 23): supervisors report incidents and read the rest; the safety right
    // keeps them (its own matrix below); actions are raised from their source, never by the list's form,
    // and never deleted; their owner's view is in test/corrective-actions.test.ts.
    SafetyIncident: '', SafetyHoursWorked: '', AuditChecklist: '', Audit: '', AuditFinding: '', AuditEvidence: '',
    // Energy (issue 25): sites' monthly production kept by supervisors; integration tokens by administrators, made
    // and revoked by their own buttons (test/readings-intake-api.test.ts), never by a form.
    SiteProduction: '', IntegrationToken: '',
    // Templates of print-outs and messages (issue 24): the administrators' (test/printables.test.ts).
    Template: '',
    // Projects and service contracts (issue 24): the project's moves in test/projects.test.ts.
    Project: '', ProjectTask: '', ProjectTaskDependency: '', ServiceContract: '', ServiceContractAsset: '', ServiceContractLocation: '',
    // Transmittals (issue 24): document control is the supervisors'; what a sent one holds never changes,
    // acknowledgements are written by the recipients' links only (test/transmittals.test.ts); a draft here.
    Transmittal: '', TransmittalDocument: '', TransmittalRecipient: '', TransmittalAcknowledgement: '', ExternalContact: '',
  },
};

beforeAll(async () => {
  office = await startTestBackOffice();
  prisma = office.database.prisma;
  people.ADMINISTRATORS = await aPerson(prisma, office.url, ['ADMINISTRATORS'], 'Ana Administradora');
  people.SUPERVISORS = await aPerson(prisma, office.url, ['SUPERVISORS'], 'Sara Supervisora');
  people.TECHNICIANS = await aPerson(prisma, office.url, ['TECHNICIANS'], 'Tomás Técnico', { technician: true });
  people.CONSULTANTS = await aPerson(prisma, office.url, ['CONSULTANTS'], 'Carla Consultora');
  people.OPERATORS = await aPerson(prisma, office.url, ['OPERATORS'], 'Óscar Operador');

  // One record per resource, visible to whoever may read it (the order is the technician's own).
  const asset = await make.anAsset(prisma);
  const point = await prisma.measurementPoint.create({ data: { code: 'MP-FIX', assetId: asset.id, variable: 'Temperatura', unit: '°C' } });
  const routine = await make.aRoutine(prisma);
  const schedule = await prisma.maintenanceSchedule.create({ data: { routineId: routine.id, assetId: asset.id, startsOn: new Date('2026-01-01') } });
  const calendar = await prisma.workCalendar.create({ data: { code: 'CAL-FIX', name: 'Lunes a viernes' } });
  const order = await prisma.workOrder.create({
    data: { kind: 'CORRECTIVE', assetId: asset.id, technicianId: people.TECHNICIANS.technicianId, state: 'ASSIGNED', plannedOn: new Date('2026-11-20'), description: 'Del técnico' },
  });
  const step = await prisma.procedureStep.create({ data: { procedureId: routine.procedureId!, position: 1, instruction: 'Medir' } });
  const problem = await prisma.failureCode.create({ data: { code: 'F-FIX', name: 'Fuga', kind: 'PROBLEM' } });
  const other = await make.aUser(prisma);
  Object.assign(fixtures, {
    Location: asset.locationId, AssetCategory: asset.categoryId, Asset: asset.id, MeasurementPoint: point.id,
    Reading: (await prisma.reading.create({ data: { measurementPointId: point.id, takenAt: new Date(), value: 20 } })).id,
    ImportRun: (await prisma.importRun.create({ data: { kind: 'assets', fileName: 'a.xlsx', fileKey: 'imports/a.xlsx' } })).id,
    MaintenanceType: routine.maintenanceTypeId, Frequency: routine.frequencyId, Procedure: routine.procedureId!, ProcedureStep: step.id,
    Routine: routine.id, WorkCalendar: calendar.id,
    CalendarHoliday: (await prisma.calendarHoliday.create({ data: { calendarId: calendar.id, date: new Date('2026-12-25'), name: 'Navidad' } })).id,
    MaintenanceSchedule: schedule.id,
    WorkRequest: (await prisma.workRequest.create({ data: { reportedById: other.id, assetId: asset.id, description: 'Ruido' } })).id,
    Technician: people.TECHNICIANS.technicianId!, WorkOrder: order.id,
    WorkOrderStepValue: (await prisma.workOrderStepValue.create({ data: { workOrderId: order.id, procedureStepId: step.id, value: '5' } })).id,
    FailureCode: problem.id,
    WorkOrderShare: (await prisma.workOrderShare.create({ data: { workOrderId: (await make.aWorkOrder(prisma)).id, technicianId: people.TECHNICIANS.technicianId! } })).id,
    WorkOrderClosure: (await prisma.workOrderClosure.create({ data: { workOrderId: (await make.aWorkOrder(prisma)).id, laborHours: 1, closedById: other.id } })).id,
    WorkOrderMaterial: (await prisma.workOrderMaterial.create({ data: { workOrderId: (await make.aWorkOrder(prisma)).id, description: 'Grasa', quantity: 1, unit: 'kg' } })).id,
    Requisition: (await prisma.requisition.create({ data: { title: 'Sellos', requestedById: other.id } })).id,
    RequisitionItem: (await prisma.requisitionItem.create({
      data: { requisition: { create: { title: 'Rodamientos', requestedById: other.id } }, description: 'Rodamiento 6205', quantity: 2, unit: 'u', unitPrice: 12.5 },
    })).id,
    Ticket: (await prisma.ticket.create({ data: { type: 'FAILURE', description: 'Sin luz en bodega', requester: 'Juan Pérez' } })).id,
    TicketSla: (await prisma.ticketSla.findFirstOrThrow({ where: { type: 'FAILURE' } })).id,
    SigSyncRun: (await prisma.sigSyncRun.create({ data: { state: 'SUCCEEDED', finishedAt: new Date(), found: 3, created: 3 } })).id,
    TicketNote: (await prisma.ticketNote.create({ data: { ticket: { create: { description: 'Poste caído', requester: 'Rosa Díaz' } }, body: 'Se envió cuadrilla' } })).id,
    KpiSnapshot: Number((await prisma.kpiSnapshot.create({ data: { takenAt: new Date(), scope: 'PLANT', scopeId: 0, scopeName: 'Planta', metric: 'BACKLOG', value: 3 } })).id),
    User: other.id, Group: (await prisma.group.findUniqueOrThrow({ where: { code: 'OPERATORS' } })).id,
    UserGroup: (await prisma.userGroup.create({ data: { userId: other.id, groupId: (await prisma.group.findUniqueOrThrow({ where: { code: 'OPERATORS' } })).id } })).id,
    UserSite: (await prisma.userSite.create({ data: { userId: other.id, locationId: asset.locationId } })).id,
    UserProfile: (await prisma.userProfile.findFirstOrThrow({ where: { userId: people.OPERATORS.userId } })).id,
    ChangeHistory: Number((await prisma.changeHistory.findFirstOrThrow({ where: { tableName: 'assets' } })).id),
    WorkOrderNote: (await prisma.workOrderNote.create({ data: { workOrderId: order.id, authorId: other.id, text: 'Rodamiento cambiado el mes pasado' } })).id,
  });
  // health (issue 25): a stop of the asset, and what the assessment writes for it
  Object.assign(fixtures, {
    DowntimeEvent: (await prisma.downtimeEvent.create({ data: { assetId: asset.id, startedAt: new Date('2026-11-20T08:00:00Z'), endedAt: new Date('2026-11-20T10:00:00Z') } })).id,
    AssetHealth: (await prisma.assetHealth.create({ data: { assetId: asset.id, assessedOn: new Date('2026-11-20'), score: 80, riskState: 'TOO_LITTLE_DATA' } })).id,
    CategoryReliability: (await prisma.categoryReliability.create({ data: { categoryId: asset.categoryId, assessedOn: new Date('2026-11-20'), state: 'TOO_LITTLE_DATA', failures: 0, censored: 0 } })).id,
    PointTrend: (await prisma.pointTrend.create({ data: { measurementPointId: point.id, assessedOn: new Date('2026-11-20'), state: 'STEADY', readings: 10 } })).id,
  });
  // A document tied to no order, signed once: every group that reads documents sees it.
  const document = await prisma.document.create({ data: { title: 'Manual de la bomba', kind: 'MANUAL', assetId: asset.id } });
  const revision = await prisma.documentRevision.create({
    data: { documentId: document.id, number: 1, fileKey: 'docs/fixture/rev-1.pdf', fileName: 'manual.pdf', contentType: 'application/pdf', size: 4, sha256: 'a'.repeat(64), uploadedById: other.id },
  });
  const signature = await prisma.documentSignature.create({ data: { revisionId: revision.id, signerId: other.id, sha256: 'a'.repeat(64) } });
  const audit = await prisma.signatureAudit.create({
    data: { signatureId: signature.id, revisionId: revision.id, signerId: other.id, signedAt: signature.signedAt, ip: '127.0.0.1', userAgent: 'fixture', sha256: 'a'.repeat(64) },
  });
  // budgets: a sync run and a conflict on the requisition above (issue 20)
  Object.assign(fixtures, {
    ErpSyncRun: (await prisma.erpSyncRun.create({ data: { outcome: 'SUCCEEDED', pushed: 1 } })).id,
    ...(await (async () => {
      const budget = await prisma.budget.create({ data: { code: 'PRE-FIX', name: 'Planta 2026', year: 2026, locationId: asset.locationId, lines: { create: { account: 'LABOUR' } } }, include: { lines: true } });
      const line = budget.lines[0]!.id;
      const month = await prisma.budgetLineMonth.create({ data: { budgetLineId: line, month: 1, originalAmount: 1000, currentAmount: 1000 } });
      const actual = await prisma.budgetActual.create({ data: { budgetLineId: line, month: 1, amount: 50, source: 'OTHER', sourceId: 1 } });
      return { Budget: budget.id, BudgetLine: line, BudgetLineMonth: month.id, BudgetActual: actual.id };
    })()),
    ErpSyncConflict: (await prisma.erpSyncConflict.create({ data: { requisitionId: fixtures.Requisition!, field: 'title', localValue: 'Sellos', erpValue: 'Sellos mecánicos' } })).id,
    RequisitionApproval: (await prisma.requisitionApproval.create({ data: { requisitionId: fixtures.Requisition!, approverId: other.id, decision: 'REJECTED', total: 0, sha256: 'b'.repeat(64) } })).id,
    // the settings' one row (put there by the migration)
    BudgetSetting: 1,
  });
  // goods receipts (issue 20): an approved requisition with one line received
  const approved = await prisma.requisition.create({
    data: { title: 'Guantes dieléctricos', requestedById: other.id, items: { create: { description: 'Guantes clase 2', quantity: 4, unit: 'par', unitPrice: 30 } } },
    include: { items: true },
  });
  await prisma.requisition.update({ where: { id: approved.id }, data: { state: 'SUBMITTED' } });
  await prisma.requisition.update({ where: { id: approved.id }, data: { state: 'APPROVED', approvedById: other.id, approvedAt: new Date() } });
  Object.assign(fixtures, {
    ApprovedRequisition: approved.id,
    GoodsReceipt: (await prisma.goodsReceipt.create({ data: { requisitionId: approved.id, requisitionItemId: approved.items[0]!.id, quantity: 1, amount: 30, receivedById: other.id } })).id,
  });
  Object.assign(fixtures, {
    Document: document.id, DocumentRevision: revision.id, DocumentSignature: signature.id, SignatureAudit: audit.id,
    RevisionSigner: (await prisma.revisionSigner.create({ data: { revisionId: revision.id, userId: other.id } })).id,
  });
  // Inventory: one of each, stock received and reserved for the technician's order.
  const material = await make.aMaterial(prisma);
  const warehouse = await make.aWarehouse(prisma);
  const movement = await prisma.stockMovement.create({ data: { kind: 'RECEIPT', materialId: material.id, warehouseId: warehouse.id, quantity: 5, unitCost: 3, movedById: other.id } });
  Object.assign(fixtures, {
    Vendor: (await prisma.vendor.create({ data: { code: 'PROV-FIX', name: 'Proveedor' } })).id,
    Material: material.id, Warehouse: warehouse.id,
    Bin: (await prisma.bin.create({ data: { warehouseId: warehouse.id, code: 'A-01' } })).id,
    RoutineMaterial: (await prisma.routineMaterial.create({ data: { routineId: routine.id, materialId: material.id, warehouseId: warehouse.id, quantity: 1 } })).id,
    StockLevel: (await prisma.stockLevel.findFirstOrThrow({ where: { materialId: material.id } })).id,
    StockMovement: movement.id,
    Reservation: (await prisma.reservation.create({ data: { materialId: material.id, warehouseId: warehouse.id, workOrderId: order.id, quantity: 1, requested: 1 } })).id,
  });
  // Safety (issue 23): a draft permit on the technician's order, with a point, a gas test and a signature;
  // a requirement on an asset of its own (so no other order here needs a permit).
  const kind = await prisma.permitKind.findUniqueOrThrow({ where: { code: 'CONFINED_SPACE' } });
  const isolationPoint = await prisma.isolationPoint.create({ data: { assetId: asset.id, code: 'IP-FIX', type: 'VALVE', energyType: 'HYDRAULIC', locationDescription: 'Entrada del tanque' } });
  const permit = await prisma.workPermit.create({
    data: { permitKindId: kind.id, workOrderId: order.id, assetId: asset.id, description: 'Limpieza del tanque', crew: 'Tomás Técnico', validFrom: new Date(), validUntil: new Date(Date.now() + 8 * 3600_000) },
  });
  Object.assign(fixtures, {
    PermitKind: kind.id, IsolationPoint: isolationPoint.id, WorkPermit: permit.id,
    PermitRequirement: (await prisma.permitRequirement.create({ data: { permitKindId: kind.id, assetId: (await make.anAsset(prisma)).id } })).id,
    PermitIsolation: (await prisma.permitIsolation.create({ data: { permitId: permit.id, isolationPointId: isolationPoint.id } })).id,
    PermitGasTest: (await prisma.permitGasTest.create({ data: { permitId: permit.id, takenById: other.id, oxygenPct: 20.9, lelPct: 0, h2sPpm: 0, coPpm: 0 } })).id,
    PermitSignature: (await prisma.permitSignature.create({ data: { permitId: permit.id, purpose: 'APPROVAL', signerId: other.id, ip: '127.0.0.1', userAgent: 'fixture', sha256: 'b'.repeat(64) } })).id,
  });
  // Incidents and audits (issue 23): an incident with an action owned by someone else, an open audit with a
  // finding and its evidence (the signed manual above).
  const incident = await prisma.safetyIncident.create({ data: { kind: 'NEAR_MISS', occurredAt: new Date(), locationId: asset.locationId, description: 'Casi cae una llave', reportedById: other.id } });
  const checklist = await prisma.auditChecklist.create({ data: { code: 'CHK-FIX', name: 'Inspección mensual', items: 'Extintores\nSalidas' } });
  const anAudit = await prisma.audit.create({ data: { title: 'Inspección', kind: 'INTERNAL', scope: 'Taller', startsOn: new Date('2026-11-01'), endsOn: new Date('2026-11-02'), auditor: 'Auditora externa', checklistId: checklist.id } });
  const finding = await prisma.auditFinding.create({ data: { auditId: anAudit.id, title: 'Extintor vencido', severity: 'MINOR', requirement: 'NFPA 10', description: 'Taller' } });
  Object.assign(fixtures, {
    SafetyIncident: incident.id, AuditChecklist: checklist.id, Audit: anAudit.id, AuditFinding: finding.id,
    SafetyHoursWorked: (await prisma.safetyHoursWorked.create({ data: { locationId: asset.locationId, year: 2026, month: 10, hours: 12000 } })).id,
    AuditEvidence: (await prisma.auditEvidence.create({ data: { findingId: finding.id, documentId: document.id } })).id,
    CorrectiveAction: (await prisma.correctiveAction.create({ data: { description: 'Señalizar el área', incidentId: incident.id, ownerId: other.id, raisedById: other.id, dueOn: new Date('2026-12-31') } })).id,
  });
  // Energy (issue 25)
  Object.assign(fixtures, {
    SiteProduction: (await prisma.siteProduction.create({ data: { locationId: asset.locationId, month: new Date('2026-10-01'), producedMwh: 1200 } })).id,
    IntegrationToken: (await prisma.integrationToken.create({ data: { name: 'SCADA fijo', tokenHash: 'c'.repeat(64), tokenPrefix: 'cmms_fixture' } })).id,
    Template: (await prisma.template.create({ data: { kind: 'WORK_ORDER', language: 'en', name: 'Fixture work order', body: '{{number}}', active: false } })).id,
  });
  // Projects and service contracts (issue 24): a project of the plant with two tasks, one waiting for the other;
  // a contract covering the fixture asset and its location.
  const project = await make.aProject(prisma, { managerId: other.id });
  const [firstTask, secondTask] = [await make.aProjectTask(prisma, project.id), await make.aProjectTask(prisma, project.id)];
  const contract = await make.aServiceContract(prisma, { ownerId: other.id, assetIds: [asset.id], locationIds: [asset.locationId] });
  Object.assign(fixtures, {
    Project: project.id, ProjectTask: firstTask!.id,
    ProjectTaskDependency: (await prisma.projectTaskDependency.create({ data: { taskId: secondTask!.id, dependsOnId: firstTask!.id } })).id,
    ServiceContract: contract.id,
    ServiceContractAsset: (await prisma.serviceContractAsset.findFirstOrThrow({ where: { contractId: contract.id } })).id,
    ServiceContractLocation: (await prisma.serviceContractLocation.findFirstOrThrow({ where: { contractId: contract.id } })).id,
  });
  // Transmittals (issue 24): a draft sending the document's revision to an external contact, and an
  // acknowledgement of it (written here as the link page would).
  const contact = await prisma.externalContact.create({ data: { name: 'Ernesto Contratista', email: 'ernesto@fijo.test' } });
  const transmittal = await prisma.transmittal.create({ data: { subject: 'Planos', senderId: other.id } });
  const transmittalRecipient = await prisma.transmittalRecipient.create({ data: { transmittalId: transmittal.id, externalContactId: contact.id } });
  Object.assign(fixtures, {
    ExternalContact: contact.id, Transmittal: transmittal.id, TransmittalRecipient: transmittalRecipient.id,
    TransmittalDocument: (await prisma.transmittalDocument.create({ data: { transmittalId: transmittal.id, revisionId: revision.id } })).id,
    TransmittalAcknowledgement: (await prisma.transmittalAcknowledgement.create({ data: { recipientId: transmittalRecipient.id, transmittalId: transmittal.id, name: contact.name, email: contact.email, ip: '127.0.0.1', userAgent: 'fixture' } })).id,
  });
});
afterAll(() => office?.close());

const matrix = Object.entries(expected).flatMap(([group, resources]) =>
  Object.entries(resources).map(([resource, allowed]) => ({ group, resource, allowed })),
);

describe('resource × action × group, as signed-in users over HTTP', () => {
  it.each(matrix)('$group on $resource may "$allowed"', async ({ group, resource, allowed }) => {
    const { client } = people[group as keyof typeof people];
    const id = fixtures[resource];
    const status = async (path: string, method = 'GET') =>
      (await client.request(`/admin/api/resources/${resource}${path}`, method === 'GET' ? {} : { method, body: new FormData() })).status;
    const verdicts = {
      r: [await status('/actions/list'), await status(`/records/${id}/show`)],
      // An empty form: refused by the rules (403), or by the form's own validation (200 with errors).
      c: [await status('/actions/new', 'POST')],
      u: [await status(`/records/${id}/edit`)],
      d: [await status(`/records/${id}/delete`)],
    };
    for (const [letter, statuses] of Object.entries(verdicts)) {
      const want = allowed.includes(letter) ? 200 : 403;
      expect(statuses.map((s) => `${letter}:${s}`)).toEqual(statuses.map(() => `${letter}:${want}`));
    }
  });

  it('refused writes change nothing', async () => {
    const before = await prisma.asset.findUniqueOrThrow({ where: { id: fixtures.Asset } });
    const assets = await prisma.asset.count();
    const form = new FormData();
    form.set('description', 'Cambiado por quien no debía');
    for (const group of ['TECHNICIANS', 'CONSULTANTS', 'OPERATORS']) {
      const { client } = people[group as keyof typeof people];
      expect((await client.request(`/admin/api/resources/Asset/records/${fixtures.Asset}/edit`, { method: 'POST', body: form })).status).toBe(403);
      expect((await client.request(`/admin/api/resources/Asset/records/${fixtures.Asset}/delete`, { method: 'POST' })).status).toBe(403);
      expect((await client.request('/admin/api/resources/Asset/actions/new', { method: 'POST', body: form })).status).toBe(403);
    }
    expect(await prisma.asset.findUniqueOrThrow({ where: { id: fixtures.Asset } })).toEqual(before);
    expect(await prisma.asset.count()).toBe(assets);
  });
});

// Goods receipts (issue 20): "Recibir" on an approved requisition is the storeroom's ("gestionar almacén",
// a right granted to a group) and the administrators'; no group holds it by itself.
const RECEIVES: Record<string, boolean> = { ADMINISTRATORS: true, SUPERVISORS: false, TECHNICIANS: false, CONSULTANTS: false, OPERATORS: false };
describe('"Recibir" on a requisition × group, and the storeroom right', () => {
  const receiveForm = (group: keyof typeof people) => people[group].client.request(`/admin/api/resources/Requisition/records/${fixtures.ApprovedRequisition}/receive`);
  it.each(Object.entries(RECEIVES))('%s may receive: %s', async (group, may) => {
    expect((await receiveForm(group as keyof typeof people)).status).toBe(may ? 200 : 403);
  });
  it('a consultant whose group is granted the storeroom right may receive; without it, not', async () => {
    await prisma.group.update({ where: { code: 'CONSULTANTS' }, data: { canManageStore: true } });
    try {
      expect((await receiveForm('CONSULTANTS')).status).toBe(200);
    } finally {
      await prisma.group.update({ where: { code: 'CONSULTANTS' }, data: { canManageStore: false } });
    }
    expect((await receiveForm('CONSULTANTS')).status).toBe(403);
  });
});

// The safety officer's right ("seguridad", issue 23), granted here to the operators' group: the incident
// register, hours worked, checklists, audits, findings and evidence are his; corrective actions he edits
// while they are to be done (raised from their source, never deleted).
const SAFETY_OFFICER: Record<string, string> = {
  SafetyIncident: 'rcud', SafetyHoursWorked: 'rcud', AuditChecklist: 'rcud', Audit: 'rcud', AuditFinding: 'rcud', AuditEvidence: 'rcd', CorrectiveAction: 'ru',
};
describe('the safety right ("seguridad") × incidents and audits', () => {
  beforeAll(() => prisma.group.update({ where: { code: 'OPERATORS' }, data: { canManageSafety: true } }));
  afterAll(() => prisma.group.update({ where: { code: 'OPERATORS' }, data: { canManageSafety: false } }));
  it.each(Object.entries(SAFETY_OFFICER))('an operator granted the right on %s may "%s"', async (resource, allowed) => {
    const { client } = people.OPERATORS;
    const id = fixtures[resource];
    const status = async (path: string, method = 'GET') =>
      (await client.request(`/admin/api/resources/${resource}${path}`, method === 'GET' ? {} : { method, body: new FormData() })).status;
    const verdicts = { r: [await status('/actions/list'), await status(`/records/${id}/show`)], u: [await status(`/records/${id}/edit`)], d: [await status(`/records/${id}/delete`)] };
    for (const [letter, statuses] of Object.entries(verdicts)) {
      const want = allowed.includes(letter) ? 200 : 403;
      expect(statuses.map((s) => `${letter}:${s}`)).toEqual(statuses.map(() => `${letter}:${want}`));
    }
    expect(`c:${await status('/actions/new', 'POST')}`).toBe(`c:${allowed.includes('c') ? 200 : 403}`);
  });
});

// Any group sees the corrective actions it owns, and only those (a row rule, not a letter of the matrix).
describe('row-level: corrective actions and their owners', () => {
  it.each(['TECHNICIANS', 'OPERATORS'] as const)("%s list only the actions they own; another's is not found", async (group) => {
    const person = people[group];
    const incident = await prisma.safetyIncident.findUniqueOrThrow({ where: { id: fixtures.SafetyIncident } });
    const own = await prisma.correctiveAction.create({ data: { description: `De ${group}`, incidentId: incident.id, ownerId: person.userId, raisedById: person.userId, dueOn: new Date('2026-12-31') } });
    const list = await person.client.json<{ records: { id: number }[]; meta: { total: number } }>('/admin/api/resources/CorrectiveAction/actions/list');
    expect(list.body.records.map((r) => Number(r.id))).toEqual([own.id]);
    expect(list.body.meta.total).toBe(1);
    expect((await person.client.request(`/admin/api/resources/CorrectiveAction/records/${fixtures.CorrectiveAction}/show`)).status).toBe(404);
    expect((await person.client.request(`/admin/api/resources/CorrectiveAction/records/${own.id}/edit`)).status).toBe(403);
    expect((await person.client.request('/admin/api/resources/SafetyIncident/actions/list')).status).toBe(403);
  });
});

// Excel imports and exports on every importable list: supervisors and administrators run imports;
// exports for those who export (supervisors, consultants, administrators).
const EXCEL_LISTS = ['Location', 'Asset', 'MeasurementPoint', 'MaintenanceSchedule', 'Reading'];
const excel: Record<string, string> = { ADMINISTRATORS: 'ie', SUPERVISORS: 'ie', TECHNICIANS: '', CONSULTANTS: 'e', OPERATORS: '' };
describe('import and export actions × group', () => {
  it.each(Object.entries(excel))('%s may "%s" on every importable list', async (group, allowed) => {
    const { client } = people[group as keyof typeof people];
    for (const resource of EXCEL_LISTS) {
      const statuses = {
        i: (await client.request(`/admin/api/resources/${resource}/actions/importXlsx`)).status,
        e: (await client.request(`/admin/api/resources/${resource}/actions/exportXlsx`)).status,
      };
      expect(Object.entries(statuses).map(([letter, s]) => `${resource}:${letter}:${s}`)).toEqual(
        Object.keys(statuses).map((letter) => `${resource}:${letter}:${allowed.includes(letter) ? 200 : 403}`),
      );
    }
  });
});

describe('row-level: a technician and his own orders', () => {
  let mine: number[];
  let colleagues: number;

  beforeAll(async () => {
    const colleague = await prisma.technician.create({ data: { userId: (await make.aUser(prisma, 'Colega')).id, craft: 'Electricista' } });
    const asset = await make.anAsset(prisma);
    const create = (technicianId: number | undefined, description: string) =>
      prisma.workOrder.create({ data: { kind: 'CORRECTIVE', assetId: asset.id, technicianId, state: 'ASSIGNED', plannedOn: new Date('2026-11-21'), description } });
    // His orders: assigned to him, or shared with him by a supervisor (the fixture share above).
    const shared = await prisma.workOrderShare.findMany({ where: { technicianId: people.TECHNICIANS.technicianId } });
    mine = [fixtures.WorkOrder!, (await create(people.TECHNICIANS.technicianId, 'Mía 2')).id, ...shared.map((s) => s.workOrderId)];
    colleagues = (await create(colleague.id, 'Del colega')).id;
    await create(undefined, 'Sin asignar');
  });

  it('his list shows only his orders, and the count matches', async () => {
    const list = await people.TECHNICIANS.client.json<{ records: { id: number }[]; meta: { total: number } }>('/admin/api/resources/WorkOrder/actions/list?perPage=50');
    expect(list.body.records.map((r) => r.id).sort()).toEqual([...mine].sort());
    expect(list.body.meta.total).toBe(mine.length);
  });

  it("another technician's order is not found by id, and every action on it is refused", async () => {
    const { client } = people.TECHNICIANS;
    expect((await client.request(`/admin/api/resources/WorkOrder/records/${colleagues}/show`)).status).toBe(404);
    for (const action of ['edit', 'delete']) {
      expect((await client.request(`/admin/api/resources/WorkOrder/records/${colleagues}/${action}`)).status).toBe(403);
      expect((await client.request(`/admin/api/resources/WorkOrder/records/${colleagues}/${action}`, { method: 'POST' })).status).toBe(403);
    }
    expect((await client.request(`/admin/api/resources/WorkOrder/bulk/bulkDelete?recordIds=${colleagues}`)).status).toBe(403);
    expect(await prisma.workOrder.count({ where: { id: colleagues } })).toBe(1);
  });

  it("he records step values on his orders only", async () => {
    const step = await prisma.procedureStep.findFirstOrThrow();
    const value = (workOrder: number) => {
      const form = new FormData();
      form.set('workOrder', String(workOrder));
      form.set('procedureStep', String(step.id));
      form.set('value', 'OK');
      return people.TECHNICIANS.client.request('/admin/api/resources/WorkOrderStepValue/actions/new', { method: 'POST', body: form });
    };
    expect((await value(colleagues)).status).toBe(403);
    expect(await prisma.workOrderStepValue.count({ where: { workOrderId: colleagues } })).toBe(0);
    expect((await value(mine[1]!)).status).toBe(200);
    expect(await prisma.workOrderStepValue.count({ where: { workOrderId: mine[1]! } })).toBe(1);
  });

  it('an order a supervisor shares with him joins his list, and he can record values on it', async () => {
    const share = new FormData();
    share.set('workOrder', String(colleagues));
    share.set('technician', String(people.TECHNICIANS.technicianId));
    const shared = await people.SUPERVISORS.client.request('/admin/api/resources/WorkOrderShare/actions/new', { method: 'POST', body: share });
    expect(shared.status, await shared.clone().text()).toBe(200);
    const list = await people.TECHNICIANS.client.json<{ records: { id: number }[] }>('/admin/api/resources/WorkOrder/actions/list?perPage=50');
    expect(list.body.records.map((r) => r.id)).toContain(colleagues);
    expect((await people.TECHNICIANS.client.request(`/admin/api/resources/WorkOrder/records/${colleagues}/show`)).status).toBe(200);
    await prisma.workOrderShare.deleteMany({ where: { workOrderId: colleagues } });
    expect((await people.TECHNICIANS.client.request(`/admin/api/resources/WorkOrder/records/${colleagues}/show`)).status).toBe(404);
  });

  it('his Excel export of the work-order list holds his orders only; a supervisor exports them all, filtered', async () => {
    const numbersIn = async (response: Response) => {
      expect(response.status).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(await response.arrayBuffer());
      const sheet = workbook.worksheets[0]!;
      const column = (sheet.getRow(1).values as string[]).indexOf('Número');
      return sheet.getRows(2, sheet.rowCount - 1)!.map((row) => String(row.getCell(column).value)).sort();
    };
    const numbersOf = async (ids: number[]) => (await prisma.workOrder.findMany({ where: { id: { in: ids } } })).map((o) => o.number).sort();
    expect(await numbersIn(await people.TECHNICIANS.client.request('/admin/exports/WorkOrder.xlsx'))).toEqual(await numbersOf(mine));
    const assigned = (await prisma.workOrder.findMany({ where: { state: 'ASSIGNED' } })).map((o) => o.id);
    expect(await numbersIn(await people.SUPERVISORS.client.request('/admin/exports/WorkOrder.xlsx?filters.state=ASSIGNED'))).toEqual(await numbersOf(assigned));
    expect((await people.OPERATORS.client.request('/admin/exports/WorkOrder.xlsx')).status).toBe(403);
  });

  it('reference selects offer only his orders', async () => {
    const options = await people.TECHNICIANS.client.json<{ records: { id: number }[] }>('/admin/api/resources/WorkOrder/search/');
    expect(options.body.records.map((r) => r.id).sort()).toEqual([...mine].sort());
    const byText = await people.TECHNICIANS.client.json<{ records: { id: number }[] }>('/admin/api/resources/WorkOrder/search/colega');
    expect(byText.body.records).toEqual([]);
  });

  it('his dashboard counts only his open orders', async () => {
    const dashboard = await people.TECHNICIANS.client.json<{ counts: { label: string; value: number; kind: string }[] }>('/admin/api/dashboard');
    expect(dashboard.body.counts).toEqual([
      { label: 'dashboardOpenWorkOrders', value: mine.length, kind: 'exact' },
      { label: 'dashboardAssets', value: await prisma.asset.count(), kind: 'exact' },
    ]);
  });
});

describe('nobody raises his own rights', () => {
  it('an administrator cannot raise his own approval limit nor drop his own membership', async () => {
    const { client, userId } = people.ADMINISTRATORS;
    const profile = await prisma.userProfile.findFirstOrThrow({ where: { userId } });
    const form = new FormData();
    form.set('approvalLimit', '999999');
    expect((await client.request(`/admin/api/resources/UserProfile/records/${profile.id}/edit`, { method: 'POST', body: form })).status).toBe(403);
    expect(Number((await prisma.userProfile.findUniqueOrThrow({ where: { id: profile.id } })).approvalLimit)).toBe(0);

    const membership = await prisma.userGroup.findFirstOrThrow({ where: { userId } });
    const drop = await client.json<{ notice?: { message: string } }>(`/admin/api/resources/UserGroup/records/${membership.id}/delete`, { method: 'POST' });
    expect([403, 200]).toContain(drop.status);
    if (drop.status === 200) expect(drop.body.notice?.message).toBe('forbiddenError');
    expect(await prisma.userGroup.count({ where: { id: membership.id } })).toBe(1);
  });

  it("another administrator can change someone else's limit", async () => {
    const form = new FormData();
    form.set('approvalLimit', '2500');
    const profile = await prisma.userProfile.findFirstOrThrow({ where: { userId: people.SUPERVISORS.userId } });
    expect((await people.ADMINISTRATORS.client.request(`/admin/api/resources/UserProfile/records/${profile.id}/edit`, { method: 'POST', body: form })).status).toBe(200);
    expect(Number((await prisma.userProfile.findUniqueOrThrow({ where: { id: profile.id } })).approvalLimit)).toBe(2500);
  });

  it('a deactivated account loses its session at the next request', async () => {
    const person = await aPerson(prisma, office.url, ['CONSULTANTS'], 'Consultor Saliente');
    expect((await person.client.request('/admin/api/resources/Asset/actions/list')).status).toBe(200);
    await prisma.user.update({ where: { id: person.userId }, data: { isActive: false } });
    expect((await person.client.request('/admin/api/resources/Asset/actions/list')).status).toBe(401);
  });
});
