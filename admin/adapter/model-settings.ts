// What our adapter needs to know about models beyond the DMMF, in one place.
import { escapeLike } from '../../domain/search.js';
import { resourceTranslationsES } from '../../domain/labels/resources.es.js';
import { AUDITED_TABLES } from '../../domain/history/audited-tables.js';

/** Generated, trigram-indexed columns that answer text filters on their source fields. */
export const SEARCH_COLUMNS: Record<string, { column: string; sources: string[] }> = {
  Asset: { column: 'searchText', sources: ['code', 'description'] },
  WorkOrder: { column: 'searchText', sources: ['number', 'description'] },
};

/** The field a reference is shown, sorted and searched by (also each resource's title). */
export const TITLE_FIELDS: Record<string, string> = {
  User: 'name',
  Group: 'name',
  Location: 'fullName',
  AssetCategory: 'name',
  Asset: 'code',
  MeasurementPoint: 'code',
  MaintenanceType: 'name',
  Frequency: 'name',
  Procedure: 'name',
  Routine: 'name',
  WorkCalendar: 'name',
  WorkOrder: 'number',
  FailureCode: 'name',
  Technician: 'name',
  Requisition: 'title',
  Budget: 'code',
  BudgetLine: 'account',
  Ticket: 'number',
  Document: 'code',
  DocumentRevision: 'fileName',
  // inventory
  Vendor: 'name',
  Material: 'code',
  Warehouse: 'name',
  Bin: 'code',
  // safety (issue 23)
  PermitKind: 'name',
  IsolationPoint: 'code',
  WorkPermit: 'number',
  // incidents and audits (issue 23)
  SafetyIncident: 'number',
  AuditChecklist: 'name',
  Audit: 'number',
  AuditFinding: 'title',
  CorrectiveAction: 'number',
  // energy (issue 25)
  IntegrationToken: 'name',
  // projects and service contracts (issue 24)
  Project: 'code',
  ProjectTask: 'name',
  ServiceContract: 'code',
  // transmittals (issue 24)
  Transmittal: 'number',
  ExternalContact: 'name',
  TransmittalAcknowledgement: 'name',
};

/** Titles of more than one column: "OT-2026-82436 · Análisis de vibraciones" rather than the number
 * alone, wherever a record is named (pickers, references in lists, page titles). `include` loads the
 * related rows a title needs; without them (a record just built from a form) the title field is used. */
export interface RecordTitle {
  include?: Record<string, unknown>;
  title(row: Record<string, any>): string | undefined; // eslint-disable-line @typescript-eslint/no-explicit-any
}
const joined = (...parts: unknown[]) => {
  const shown = parts.filter((part) => part !== null && part !== undefined && part !== '').map((part) => String(part));
  if (!shown.length) return undefined;
  const text = shown.join(' · ');
  return text.length > 90 ? `${text.slice(0, 89)}…` : text;
};
export const RECORD_TITLES: Record<string, RecordTitle> = {
  Asset: { title: (row) => joined(row.code, row.description) },
  WorkOrder: { title: (row) => joined(row.number, row.description) },
  WorkRequest: { title: (row) => joined(row.id && `#${row.id}`, row.description) },
  Document: { title: (row) => joined(row.code, row.title) },
  MeasurementPoint: { title: (row) => joined(row.code, row.variable) },
  ProcedureStep: { title: (row) => (row.instruction ? `${row.position}. ${row.instruction}` : undefined) },
  MaintenanceSchedule: {
    include: { routine: { select: { name: true } }, asset: { select: { code: true } } },
    title: (row) => (row.routine && row.asset ? joined(row.routine.name, row.asset.code) : undefined),
  },
  WorkOrderStepValue: {
    include: { procedureStep: { select: { position: true, instruction: true } } },
    title: (row) => (row.procedureStep ? `${row.procedureStep.position}. ${row.procedureStep.instruction}` : undefined),
  },
  WorkOrderClosure: { include: { workOrder: { select: { number: true } } }, title: (row) => row.workOrder?.number },
  WorkOrderNote: { title: (row) => (typeof row.text === 'string' ? joined(row.text) : undefined) },
  ImportRun: { title: (row) => joined(row.fileName, instant(row.createdAt)) },
  Reading: { include: { measurementPoint: { select: { code: true } } }, title: (row) => joined(row.measurementPoint?.code, instant(row.takenAt)) },
  UserProfile: { include: { user: { select: { name: true } } }, title: (row) => row.user?.name },
  UserGroup: { include: { user: { select: { name: true } }, group: { select: { name: true } } }, title: (row) => (row.user ? joined(row.user.name, row.group?.name) : undefined) },
  ChangeHistory: { title: (row) => joined(instant(row.changedAt), row.tableName) },
  Requisition: { title: (row) => joined(row.number, row.title) },
  ErpSyncRun: { title: (row) => joined(row.id && `#${row.id}`, instant(row.startedAt)) },
  Budget: { title: (row) => joined(row.code, row.name) },
  BudgetLine: { include: { budget: { select: { code: true } } }, title: (row) => joined(row.budget?.code, row.description ?? row.account) },
  BudgetLineMonth: { include: { budgetLine: { select: { account: true, budget: { select: { code: true } } } } }, title: (row) => (row.budgetLine ? joined(row.budgetLine.budget?.code, row.budgetLine.account, String(row.month).padStart(2, '0')) : undefined) },
  RequisitionApproval: {
    include: { requisition: { select: { number: true } }, approver: { select: { name: true } } },
    title: (row) => (row.requisition ? joined(row.requisition.number, row.approver?.name, instant(row.signedAt)) : undefined),
  },
  // goods receipts (issue 20): "REQ-2026-000001 · Rodamiento SKF 6310 · 30/11/2026 14:05"
  GoodsReceipt: {
    include: { requisition: { select: { number: true } }, requisitionItem: { select: { description: true } } },
    title: (row) => (row.requisition ? joined(row.requisition.number, row.requisitionItem?.description, instant(row.receivedAt)) : undefined),
  },
  BudgetActual: { title: (row) => joined(row.source, row.month && String(row.month).padStart(2, '0'), row.amount && String(row.amount)) },
  TicketNote: { title: (row) => joined(instant(row.createdAt), typeof row.body === 'string' ? row.body.slice(0, 60) : undefined) },
  SigSyncRun: { title: (row) => joined(row.id && `#${row.id}`, instant(row.startedAt)) },
  // One per ticket type: named by the type, in the plant's language (titles are the same for every reader).
  TicketSla: { title: (row) => joined((resourceTranslationsES.TicketSla.labels.type as Record<string, string>)[row.type] ?? row.type, row.responseHours !== undefined && `${row.responseHours} h / ${row.resolutionHours} h`) },
  // inventory
  Material: { title: (row) => joined(row.code, row.description) },
  StockLevel: {
    include: { material: { select: { code: true, description: true } }, warehouse: { select: { name: true } } },
    title: (row) => (row.material ? joined(row.material.code, row.material.description, row.warehouse?.name) : undefined),
  },
  Reservation: {
    include: { material: { select: { code: true } }, workOrder: { select: { number: true } } },
    title: (row) => (row.material ? joined(row.workOrder?.number, row.material.code) : undefined),
  },
  StockMovement: { include: { material: { select: { code: true } } }, title: (row) => (row.material ? joined(row.kind, row.material.code, instant(row.movedAt)) : undefined) },
  // safety (issue 23)
  IsolationPoint: { include: { asset: { select: { code: true } } }, title: (row) => joined(row.asset?.code, row.code, row.locationDescription) },
  WorkPermit: { include: { permitKind: { select: { name: true } } }, title: (row) => joined(row.number, row.permitKind?.name) },
  PermitRequirement: {
    include: { permitKind: { select: { name: true } }, asset: { select: { code: true } } },
    title: (row) => (row.permitKind ? joined(row.permitKind.name, row.asset?.code ?? (row.criticality && `${row.criticality}`)) : undefined),
  },
  PermitIsolation: {
    include: { permit: { select: { number: true } }, isolationPoint: { select: { code: true } } },
    title: (row) => (row.permit ? joined(row.permit.number, row.isolationPoint?.code) : undefined),
  },
  PermitGasTest: { include: { permit: { select: { number: true } } }, title: (row) => (row.permit ? joined(row.permit.number, instant(row.takenAt)) : undefined) },
  PermitSignature: { include: { permit: { select: { number: true } } }, title: (row) => (row.permit ? joined(row.permit.number, row.purpose, instant(row.signedAt)) : undefined) },
  // incidents and audits (issue 23)
  SafetyIncident: { title: (row) => joined(row.number, typeof row.description === 'string' ? row.description : undefined) },
  SafetyHoursWorked: {
    include: { location: { select: { fullName: true } } },
    title: (row) => (row.location ? joined(row.location.fullName, `${row.year}-${String(row.month).padStart(2, '0')}`) : undefined),
  },
  Audit: { title: (row) => joined(row.number, row.title) },
  CorrectiveAction: { title: (row) => joined(row.number, typeof row.description === 'string' ? row.description : undefined) },
  AuditEvidence: {
    include: { finding: { select: { title: true } }, document: { select: { code: true } } },
    title: (row) => (row.finding ? joined(row.finding.title, row.document?.code) : undefined),
  },
  // projects and service contracts (issue 24)
  Project: { title: (row) => joined(row.code, row.name) },
  ProjectTaskDependency: {
    include: { task: { select: { name: true } }, dependsOn: { select: { name: true } } },
    title: (row) => (row.task && row.dependsOn ? `${row.task.name} ← ${row.dependsOn.name}` : undefined),
  },
  ServiceContract: { include: { vendor: { select: { name: true } } }, title: (row) => joined(row.code, row.vendor?.name) },
  ServiceContractAsset: {
    include: { contract: { select: { code: true } }, asset: { select: { code: true } } },
    title: (row) => (row.contract ? joined(row.contract.code, row.asset?.code) : undefined),
  },
  ServiceContractLocation: {
    include: { contract: { select: { code: true } }, location: { select: { fullName: true } } },
    title: (row) => (row.contract ? joined(row.contract.code, row.location?.fullName) : undefined),
  },
  // budgets (issue 20): the one row of settings, by what it sets ("± 5 %": the overspend tolerated)
  BudgetSetting: { title: (row) => (row.overdraftTolerancePercent === undefined || row.overdraftTolerancePercent === null ? undefined : `± ${String(row.overdraftTolerancePercent)} %`) },
  // transmittals (issue 24): a transmittal by number and subject; a revision sent, a recipient, by what they are
  Transmittal: { title: (row) => joined(row.number, row.subject) },
  ExternalContact: { title: (row) => joined(row.name, row.company) },
  TransmittalDocument: {
    include: { transmittal: { select: { number: true } }, revision: { select: { number: true, fileName: true, document: { select: { code: true } } } } },
    title: (row) => (row.revision ? joined(row.transmittal?.number, row.revision.document?.code, `rev. ${row.revision.number}`, row.revision.fileName) : undefined),
  },
  TransmittalRecipient: {
    include: { transmittal: { select: { number: true } }, user: { select: { name: true } }, externalContact: { select: { name: true, company: true } } },
    title: (row) => (row.transmittal ? joined(row.transmittal.number, row.user?.name ?? row.externalContact?.name, row.externalContact?.company) : undefined),
  },
};

/** A moment as a title part, the same in every language ("2026-06-15 14:00", UTC). */
function instant(value: unknown): string | undefined {
  const date = value instanceof Date ? value : typeof value === 'string' ? new Date(value) : null;
  return date && !Number.isNaN(date.getTime()) ? date.toISOString().slice(0, 16).replace('T', ' ') : undefined;
}

/** Models whose records anyone signed in may see named, though not read: a person's name on an asset
 * ("Responsable") or in a picker, without the rest of his account. Only id and title are given. */
export const NAMED_FOR_EVERYONE: Record<string, { where: Record<string, unknown>; search: string[] }> = {
  User: { where: { isActive: true }, search: ['name', 'email'] },
  Technician: { where: { isActive: true }, search: ['name', 'craft'] },
};

/** A reference the server fills with the signed-in user on creation (the reporter of a request). */
export const CREATED_BY: Record<string, string> = {
  WorkRequest: 'reportedBy',
  WorkOrderNote: 'author',
  // safety (issue 23): a gas reading is the measurer's
  PermitGasTest: 'takenBy',
  // incidents and audits (issue 23): an incident is the reporter's
  SafetyIncident: 'reportedBy',
  // transmittals (issue 24): whoever drafts a transmittal sends it
  Transmittal: 'sender',
};

/** Text columns offered as a closed list though no CHECK holds them (the history's table names): filtered by
 * equality like a vocabulary, so "assets" does not also find "service_contract_assets" (issue 24). */
export const CLOSED_FILTERS: Record<string, Record<string, readonly string[]>> = {
  ChangeHistory: { tableName: AUDITED_TABLES },
};

/** References whose filter means "this record or anything below it in its tree". */
export const SUBTREE_REFERENCES: Record<string, { pathField: string }> = {
  Location: { pathField: 'path' },
};

/** Columns AdminJS must never learn about: secrets, and generated columns it must not write. */
export const HIDDEN_FIELDS: Record<string, readonly string[]> = {
  Asset: ['searchText'],
  WorkOrder: ['searchText'],
};

/** Filters by a record reached through a reference (a reading's asset is its measurement point's; a
 * work order's location is its asset's, subtree included). Exposed as virtual filter properties. */
export interface RelatedFilterHelpers {
  locationPath(id: number): Promise<string | undefined>;
}
export const RELATED_FILTERS: Record<string, Record<string, (id: number, helpers: RelatedFilterHelpers) => Promise<Record<string, unknown>>>> = {
  Reading: { asset: async (id) => ({ measurementPoint: { assetId: id } }) },
  WorkOrder: {
    location: async (id, { locationPath }) => ({ asset: { location: { path: { startsWith: escapeLike((await locationPath(id)) ?? '-') } } } }),
  },
};

/** Virtual reference properties that name a row two references away (a work order's location is its
 * asset's): the relation fields to follow, for exports that show them by name. */
export const DERIVED_REFERENCES: Record<string, Record<string, string[]>> = {
  WorkOrder: { location: ['asset', 'location'] },
};

/** Fields only the domain's workflows write (a work order's state moves through its lifecycle actions);
 * a form that tries to change them is refused next to the field. */
export const WORKFLOW_FIELDS: Record<string, readonly string[]> = {
  WorkOrder: ['state', 'number', 'startedAt', 'completedAt', 'serviceContract', 'serviceContractId', 'contractAssignedAt'],
  Requisition: ['state', 'total', 'approvedBy', 'approvedById', 'approvedAt', 'erpSyncState', 'number', 'erpId', 'erpStatus', 'erpEtag', 'erpSyncedAt', 'erpLastAttemptAt', 'erpLastError', 'erpAttempts', 'receivedAmount', 'awaitingApprover', 'awaitingApproverId',
    // goods receipts (issue 20): moved by "Recibir" only
    'receiptState'],
  // A document is approved by its signatures only (domain/documents/signatures.ts).
  Document: ['code', 'state'],
  // A request's state moves by conversion into an order or by "Rechazar", which alone writes its reason
  // (its origin is kept out by the form guard).
  WorkRequest: ['state', 'rejectionReason'],
  // safety (issue 23): a permit moves, and its points are locked, only through their buttons.
  WorkPermit: ['state', 'number', 'precautions', 'requestedBy', 'requestedAt', 'approvedBy', 'approvedAt', 'activatedAt', 'suspendedAt', 'suspensionReason', 'closedBy', 'closedAt', 'cancelledAt'],
  PermitIsolation: ['lockNumber', 'lockedBy', 'lockedAt', 'verifiedBy', 'verifiedAt', 'removedBy', 'removedAt'],
  PermitGasTest: ['withinLimits', 'takenAt'],
  // incidents and audits (issue 23): numbers by the database, states and their dates by the buttons
  SafetyIncident: ['number'],
  Audit: ['number', 'state', 'checklistItems', 'closedBy', 'closedById', 'closedAt'],
  CorrectiveAction: ['number', 'state', 'finding', 'incident', 'workOrder', 'raisedBy', 'startedAt', 'doneNote', 'doneAt', 'verifiedBy', 'verifiedAt', 'verificationNote', 'cancelledAt', 'cancelReason'],
  // projects (issue 24): a project's state moves through its buttons (domain/projects/project-lifecycle.ts)
  Project: ['state'],
  // transmittals (issue 24): sent, acknowledged and cancelled through their buttons and links only
  Transmittal: ['state', 'number', 'sentAt', 'cancelledAt'],
  TransmittalDocument: ['sha256'],
  TransmittalRecipient: ['linkExpiresAt', 'linkRevokedAt', 'emailedAt', 'emailError'],
};
