import { GROUP_CODES } from '../prisma/groups.js';
import { TEMPLATE_KINDS, TEMPLATE_LANGUAGES } from './templates/template-kinds.js';

// Closed vocabularies of the domain. The database enforces the same lists with CHECK constraints
// (test/vocabularies.test.ts compares them); the UI shows them through locale labels.
export const VOCABULARIES = {
  Asset: {
    status: ['IN_SERVICE', 'STANDBY', 'OUT_OF_SERVICE', 'RETIRED'],
    criticality: ['A', 'B', 'C'],
  },
  Reading: { source: ['MANUAL', 'IMPORT', 'SCADA', 'WORK_ORDER'] },
  ImportRun: {
    mode: ['ALL_OR_NOTHING', 'VALID_ROWS'],
    state: ['QUEUED', 'RUNNING', 'SUCCEEDED', 'PARTIAL', 'FAILED'],
  },
  Frequency: { calendarUnit: ['DAY', 'WEEK', 'MONTH'] },
  ProcedureStep: { valueType: ['NUMBER', 'BOOLEAN', 'TEXT'] },
  WorkRequest: {
    source: ['PERSON', 'CONDITION', 'PORTAL', 'TREND'],
    priority: ['LOW', 'MEDIUM', 'HIGH', 'URGENT'],
    state: ['OPEN', 'IN_REVIEW', 'CONVERTED', 'REJECTED'],
  },
  WorkOrder: {
    kind: ['PREVENTIVE', 'CORRECTIVE'],
    state: ['PENDING', 'ASSIGNED', 'IN_PROGRESS', 'ON_HOLD', 'COMPLETED', 'CLOSED', 'CANCELLED'],
    priority: ['LOW', 'MEDIUM', 'HIGH', 'URGENT'],
  },
  FailureCode: { kind: ['PROBLEM', 'CAUSE', 'REMEDY'] },
  Requisition: {
    state: ['DRAFT', 'SUBMITTED', 'APPROVED', 'REJECTED'],
    erpSyncState: ['NOT_SENT', 'PENDING', 'SENT', 'FAILED'],
    // goods receipts (issue 20)
    receiptState: ['NONE', 'PARTIAL', 'RECEIVED'],
  },
  ErpSyncRun: { outcome: ['RUNNING', 'SUCCEEDED', 'FAILED', 'ABANDONED'] },
  ErpSyncConflict: { field: ['title'] },
  BudgetLine: { account: ['LABOUR', 'MATERIALS', 'SERVICES', 'CAPITAL', 'OTHER'] },
  BudgetActual: { source: ['WORK_ORDER_LABOUR', 'WORK_ORDER_MATERIALS', 'GOODS_RECEIPT', 'OTHER'] },
  Ticket: {
    type: ['FAILURE', 'SERVICE', 'COMPLAINT', 'INFORMATION'],
    state: ['OPEN', 'IN_PROGRESS', 'RESOLVED', 'CLOSED'],
    source: ['MANUAL', 'SIG'],
    priority: ['LOW', 'MEDIUM', 'HIGH', 'URGENT'],
  },
  TicketSla: { type: ['FAILURE', 'SERVICE', 'COMPLAINT', 'INFORMATION'] },
  SigSyncRun: { state: ['RUNNING', 'SUCCEEDED', 'FAILED'] },
  KpiSnapshot: {
    scope: ['PLANT', 'SITE', 'CATEGORY'],
    metric: ['MTBF_HOURS', 'MTTR_HOURS', 'PM_COMPLIANCE_PCT', 'BACKLOG', 'OVERDUE'],
  },
  Document: {
    kind: ['PROCEDURE', 'DRAWING', 'MANUAL', 'CERTIFICATE', 'REPORT', 'PHOTO', 'OTHER'],
    state: ['DRAFT', 'IN_REVIEW', 'APPROVED', 'OBSOLETE'],
    language: ['es', 'en'],
  },
  // inventory
  StockMovement: { kind: ['RECEIPT', 'ISSUE', 'RETURN', 'TRANSFER_OUT', 'TRANSFER_IN', 'ADJUSTMENT', 'COUNT'] },
  Reservation: { state: ['OPEN', 'ISSUED', 'RELEASED'] },
  DocumentRevision: { textState: ['PENDING', 'EXTRACTED', 'NO_TEXT', 'OCR_PENDING', 'UNSUPPORTED', 'FAILED'] },
  User: { locale: ['es', 'en'] },
  Group: { code: GROUP_CODES },
  // jobs monitor
  JobIntervention: { action: ['RETRY', 'CANCEL', 'RUN_NOW'] },
  // safety (issue 23)
  IsolationPoint: {
    type: ['BREAKER', 'DISCONNECT', 'VALVE', 'BLIND_FLANGE', 'PLUG', 'OTHER'],
    energyType: ['ELECTRICAL', 'HYDRAULIC', 'PNEUMATIC', 'MECHANICAL', 'THERMAL', 'CHEMICAL', 'GRAVITATIONAL'],
  },
  PermitRequirement: { criticality: ['A', 'B', 'C'] },
  WorkPermit: {
    state: ['DRAFT', 'REQUESTED', 'APPROVED', 'ACTIVE', 'SUSPENDED', 'CLOSED', 'CANCELLED'],
    suspensionReason: ['EXPIRED', 'MANUAL'],
  },
  PermitSignature: { purpose: ['APPROVAL', 'CLOSING'] },
  // health (issue 25)
  DowntimeEvent: { reason: ['FAILURE', 'PREVENTIVE', 'OPERATIONAL', 'EXTERNAL', 'OTHER'] },
  CategoryReliability: { state: ['FITTED', 'TOO_LITTLE_DATA'] },
  AssetHealth: { riskState: ['ESTIMATED', 'TOO_LITTLE_DATA'] },
  PointTrend: { state: ['CROSSING', 'LATER', 'STEADY', 'OUTSIDE', 'TOO_LITTLE_DATA'], limitSide: ['MAX', 'MIN'] },
  // safety and audits (issue 23): incidents, audits, findings, corrective actions
  SafetyIncident: { kind: ['NEAR_MISS', 'FIRST_AID', 'LOST_TIME', 'ENVIRONMENTAL', 'PROPERTY_DAMAGE'] },
  Audit: { kind: ['INTERNAL', 'EXTERNAL', 'REGULATORY'], state: ['PLANNED', 'IN_PROGRESS', 'CLOSED'] },
  AuditFinding: { severity: ['MAJOR', 'MINOR', 'OBSERVATION'] },
  CorrectiveAction: { state: ['OPEN', 'IN_PROGRESS', 'DONE', 'VERIFIED', 'CANCELLED'] },
  // energy (issue 25)
  MeasurementPoint: { energyCarrier: ['ELECTRICITY', 'WATER', 'NATURAL_GAS', 'STEAM', 'FUEL', 'COMPRESSED_AIR'] },
  IntegrationToken: { scope: ['readings', 'points:read'] },
  // projects (issue 24)
  Project: { state: ['PLANNED', 'IN_PROGRESS', 'ON_HOLD', 'COMPLETED', 'CANCELLED'] },
  // templates and printables (issue 24)
  Template: { kind: TEMPLATE_KINDS, language: TEMPLATE_LANGUAGES },
  // transmittals (issue 24)
  Transmittal: {
    purpose: ['INFORMATION', 'APPROVAL', 'CONSTRUCTION'],
    state: ['DRAFT', 'SENT', 'PARTIALLY_ACKNOWLEDGED', 'ACKNOWLEDGED', 'CANCELLED'],
  },
} as const satisfies Record<string, Record<string, readonly string[]>>;

export function vocabularyOf(model: string, field: string): readonly string[] | undefined {
  return (VOCABULARIES as Record<string, Record<string, readonly string[]>>)[model]?.[field];
}

