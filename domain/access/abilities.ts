// Who may do what: the five groups of ../shared/DOMAIN.md, rule by rule, in CASL. Read this file next to
// DOMAIN.md's "The five user groups". Enforcement lives in one layer (admin/access.ts and our AdminJS
// adapter), which every list, count, search, show, edit, delete, reference select and custom action
// goes through; nothing here is a screen setting.
import { AbilityBuilder, subject as caslSubject } from '@casl/ability';
import { accessibleBy, createPrismaAbility, type PrismaQuery, type Subjects } from '@casl/prisma';
import type { Prisma } from '@prisma/client';
import type { Ability } from '@casl/ability';
import type { GroupCode } from '../../prisma/groups.js';

/** CRUD, plus the named workflow steps that need their own permission. */
export type Action =
  | 'manage'
  | 'read'
  | 'create'
  | 'update'
  | 'delete'
  | 'export'
  | 'import'
  | 'assign'
  | 'start'
  | 'hold'
  | 'resume'
  | 'complete'
  | 'close'
  | 'cancel'
  | 'generate'
  | 'convert'
  | 'approve'
  | 'reject'
  | 'sign'
  // inventory: stock moves (the storeroom right) and reservations (supervisors too)
  | 'receive'
  | 'issue'
  | 'return'
  | 'transfer'
  | 'adjust'
  | 'reserve'
  | 'release'
  // budgets: approving a requisition beyond its budget line's available amount ("aprobar sobregiro")
  | 'overdraft'
  // safety: a permit's moves (approve, close, cancel above) and a point's lock, test and removal
  | 'request'
  | 'activate'
  | 'suspend'
  | 'lock'
  // audits (issue 23): raising a corrective action on a finding, an incident or an order's failure; an
  // action's effectiveness verified, or sent back to its owner
  | 'raiseAction'
  | 'verify'
  | 'reopen'
  // transmittals (issue 24): sending one (a link to each recipient) and revoking a recipient's link
  | 'send'
  | 'revoke';

type ModelSubjects = Subjects<{ [Model in Prisma.ModelName]: Record<string, unknown> }>;
/** Models, plus what is not a table: the change history, the settings and the background jobs (monitor). */
export type Subject = ModelSubjects | 'History' | 'Settings' | 'Jobs' | 'all';
export type AppAbility = Ability<[Action, Subject], PrismaQuery>;

/** What the rules need to know about a user; kept in the session, refreshed on every request. */
export interface AccessProfile {
  userId: number;
  groups: GroupCode[];
  /** Set when the user is a technician: his orders are those assigned to this id. */
  technicianId: number | null;
  /** The orders a supervisor shared with him (work_order_shares), read with his rights on every request.
   * His rules name them by id: an EXISTS over the shares OR'ed with his own orders made PostgreSQL read
   * every order of the plant for each of his lists and counts, where ids and his technician id are two
   * index lookups. Empty for anyone who is not a technician. */
  sharedOrderIds: number[];
  canReadHistory: boolean;
  /** The storeroom right ("gestionar almacén"), granted to a group like the history right; absent: no. */
  canManageStore?: boolean;
  /** "Aprobar sobregiro" (issue 20), granted to a group like the storeroom right; absent: no. */
  canApproveOverdraft?: boolean;
  /** His profile's direct manager: above his approval limit, a requisition goes up to him. */
  directManagerId?: number | null;
  /** The safety officer's right ("seguridad"), granted to a group like the history right; absent: no. */
  canManageSafety?: boolean;
  /** Highest requisition total he may approve; null when his profile may not approve requisitions. */
  approvalLimit: number | null;
  /** Materialised paths ("/1/5/") of the locations whose subtrees he is scoped to (his sites, UserSite);
   * empty: the whole plant. */
  sitePaths: string[];
}

// Everything of the plant, i.e. every model but people, groups and sessions.
const PLANT: Prisma.ModelName[] = [
  'Location', 'AssetCategory', 'Asset', 'ImportRun', 'MeasurementPoint', 'Reading',
  'MaintenanceType', 'Frequency', 'Procedure', 'ProcedureStep', 'Routine', 'WorkCalendar', 'CalendarHoliday',
  'MaintenanceSchedule', 'WorkRequest', 'Technician', 'WorkOrder', 'WorkOrderStepValue', 'FailureCode',
  'WorkOrderClosure', 'WorkOrderMaterial', 'WorkOrderShare', 'KpiSnapshot', 'Requisition', 'RequisitionItem',
  'Ticket',
  // budgets: the ERP sync's log and the conflicts it kept (issue 20)
  'ErpSyncRun', 'ErpSyncConflict',
  // budgets per year and cost centre, their lines, monthly amounts and actual postings (issue 20)
  'Budget', 'BudgetLine', 'BudgetLineMonth', 'BudgetActual',
  // the signed steps of requisition approvals (issue 20)
  'RequisitionApproval',
  // goods received against requisitions (issue 20)
  'GoodsReceipt',
  // call centre
  'TicketNote', 'TicketSla', 'SigSyncRun',
  // journeys (issue 16): notes on orders
  'WorkOrderNote',
  // energy (issue 25): each site's monthly production, the denominator of its energy intensity
  'SiteProduction',
  // health (issue 25): assets' stops, and what the 06:00 job derives (failure models, risk, trends)
  'DowntimeEvent', 'CategoryReliability', 'AssetHealth', 'PointTrend',
];
// Written by their workflow only: the import log by imports, closures and materials by the closeout,
// KPI snapshots by their job, the ERP sync's runs and conflicts by the sync.
const WORKFLOW_WRITTEN: Prisma.ModelName[] = ['ImportRun', 'WorkOrderClosure', 'WorkOrderMaterial', 'KpiSnapshot', 'ErpSyncRun', 'ErpSyncConflict', 'BudgetActual', 'RequisitionApproval',
  // goods receipts: by "Recibir" (issue 20)
  'GoodsReceipt',
  // call centre: answers by "Responder", the SIG's runs by its job
  'TicketNote', 'SigSyncRun',
  // health (issue 25): derived every day by the 06:00 job
  'CategoryReliability', 'AssetHealth', 'PointTrend'];
// What supervisors keep up to date (call-center tickets are the operators': supervisors read them).
const SUPERVISED = PLANT.filter((model) => !WORKFLOW_WRITTEN.includes(model) && model !== 'Ticket');
// What a technician needs to execute an order.
const TECHNICAL_REFERENCE: Prisma.ModelName[] = [
  'Asset', 'Location', 'AssetCategory', 'MeasurementPoint', 'Reading', 'Procedure', 'ProcedureStep',
  'FailureCode', 'Routine', 'MaintenanceType', 'Frequency', 'WorkCalendar', 'CalendarHoliday',
];
// Document control: documents, their revisions (files), named signers, signatures and their audit.
const DOCUMENTS: Prisma.ModelName[] = ['Document', 'DocumentRevision', 'RevisionSigner', 'DocumentSignature', 'SignatureAudit'];
// Users are imported by administrators only (they hold every right already).
const IMPORTABLE: Prisma.ModelName[] = [
  'Location', 'Asset', 'MeasurementPoint', 'MaintenanceSchedule', 'Reading',
  'AssetCategory', 'MaintenanceType', 'Frequency', 'FailureCode', 'Procedure', 'ProcedureStep', 'Routine', 'WorkCalendar', 'CalendarHoliday', 'Technician',
];

// Inventory (issue 19): the storeroom's catalogue, and stock kept by its workflows only (the ledger and
// levels by the stock operations of domain/inventory, reservations by reserving and releasing).
const STORE_CATALOGUE: Prisma.ModelName[] = ['Vendor', 'Material', 'Warehouse', 'Bin'];
const STOCK: Prisma.ModelName[] = ['StockLevel', 'StockMovement', 'Reservation'];
// What a technician needs to know whether his parts are there: materials, where, how many available.
const STOCK_AVAILABILITY: Prisma.ModelName[] = ['Material', 'Warehouse', 'Bin', 'StockLevel', 'RoutineMaterial'];
const STOCK_MOVES: Action[] = ['receive', 'issue', 'return', 'transfer', 'adjust'];

// Safety (issue 23): the catalogues (kinds of permit, LOTO points of assets, which assets need which
// permit) and the permits with their isolations, gas tests and signatures.
const SAFETY_CATALOGUE: Prisma.ModelName[] = ['PermitKind', 'IsolationPoint', 'PermitRequirement'];
const PERMITS: Prisma.ModelName[] = ['WorkPermit', 'PermitIsolation', 'PermitGasTest', 'PermitSignature'];
// A permit's form is edited while it is being prepared; from approval on, only its workflow moves it.
const PERMIT_IN_PREPARATION = { state: { in: ['DRAFT', 'REQUESTED'] } };

// Incidents and audits (issue 23): the incident register and the hours its rates are figured on, audit
// checklists, audits, their findings and evidence, and the corrective actions raised on them.
const INCIDENTS: Prisma.ModelName[] = ['SafetyIncident', 'SafetyHoursWorked'];
const AUDITS: Prisma.ModelName[] = ['AuditChecklist', 'Audit', 'AuditFinding', 'AuditEvidence'];
const SAFETY_RECORDS: Prisma.ModelName[] = [...INCIDENTS, ...AUDITS, 'CorrectiveAction'];
// An action's form (what, who, by when) is edited while it is still to be done.
const ACTION_TO_DO = { state: { in: ['OPEN', 'IN_PROGRESS'] } };
// Projects and service contracts (issue 24): a project with its tasks and their dependencies; a vendor's
// contract with the assets and locations it covers.
const PROJECTS: Prisma.ModelName[] = ['Project', 'ProjectTask', 'ProjectTaskDependency'];
const SERVICE_CONTRACTS: Prisma.ModelName[] = ['ServiceContract', 'ServiceContractAsset', 'ServiceContractLocation'];
// Transmittals (issue 24): document revisions sent to people in and outside the plant, with the contacts
// outside it. What a transmittal sends and to whom changes only while it is a draft; the acknowledgements
// are written by the recipients' link page alone and never change (the database refuses it too).
const TRANSMITTALS: Prisma.ModelName[] = ['Transmittal', 'TransmittalDocument', 'TransmittalRecipient', 'TransmittalAcknowledgement', 'ExternalContact'];
const TRANSMITTAL_DRAFT = { state: 'DRAFT' };
const TRANSMITTAL_GONE_OUT = { state: { in: ['SENT', 'PARTIALLY_ACKNOWLEDGED', 'ACKNOWLEDGED', 'CANCELLED'] } };

export function defineAbilitiesFor(user: AccessProfile): AppAbility {
  const builder = new AbilityBuilder<AppAbility>(createPrismaAbility);
  const { cannot, build } = builder;
  const member = (group: GroupCode) => user.groups.includes(group);
  // A user scoped to sites gets every rule below narrowed to the rows inside his sites (see withinSites).
  const scoped = user.sitePaths.length > 0;
  const can = scoped ? withinSites(builder.can, user.sitePaths) : builder.can;

  // Administradores: everything, including users, roles and settings, whatever sites they are given.
  if (member('ADMINISTRATORS')) builder.can('manage', 'all');

  // Supervisores: create and edit work orders, assign technicians, approve budgets and requisitions up
  // to their approval limit, run imports.
  if (member('SUPERVISORS')) {
    can('read', PLANT);
    can(['create', 'update', 'delete'], SUPERVISED);
    can(['assign', 'close', 'cancel', 'generate'], 'WorkOrder');
    // The technicians he may give orders to: a supervisor scoped to sites, those who serve one of them.
    builder.can('assign', 'Technician', scoped ? techniciansServing(user.sitePaths) : undefined);
    // They review requests: a request becomes an order, or is rejected with a reason.
    can(['convert', 'reject'], 'WorkRequest');
    // An import upserts rows by code anywhere in the plant, outside the row rules: a supervisor scoped to
    // sites does not run imports (an administrator or an unscoped supervisor does).
    if (!scoped) can('import', IMPORTABLE);
    can('export', PLANT);
    // Documents: they keep them, upload revisions, name signers and sign; signatures are never edited.
    can(['read', 'export'], DOCUMENTS);
    can(['create', 'update', 'delete'], 'Document');
    can('create', 'DocumentRevision');
    can(['create', 'delete'], 'RevisionSigner');
    can('sign', 'DocumentRevision');
    // Requisitions up to the approval limit of his profile (none when it may not approve).
    // Above it, with a direct manager, he signs his step and the requisition goes up to the manager
    // (domain/budgets/requisition-approval.ts); one escalated to him is his to decide (or pass up).
    if (user.approvalLimit !== null) {
      can(['approve', 'reject'], 'Requisition', { total: { lte: user.approvalLimit }, awaitingApproverId: null });
      if (user.directManagerId) can('approve', 'Requisition', { awaitingApproverId: null });
      can(['approve', 'reject'], 'Requisition', { awaitingApproverId: user.userId });
    }
  }

  // Técnicos: see the work orders assigned to them, record step values, start/hold/complete them;
  // never see other technicians' orders unless a supervisor shares them.
  if (member('TECHNICIANS')) {
    for (const orders of ordersOfTechnician(user)) {
      // His work list, on screen and as a spreadsheet.
      can(['read', 'export'], 'WorkOrder', orders);
      can(['start', 'hold', 'resume', 'complete'], 'WorkOrder', orders);
      can(['read', 'create', 'update'], 'WorkOrderStepValue', { workOrder: { is: orders } });
      // Notes on his orders, from his phone card or the order's page; written once, never edited.
      can(['read', 'create'], 'WorkOrderNote', { workOrder: { is: orders } });
      // Attachments of his orders: he adds documents and revisions to them.
      can('create', 'Document', { workOrder: { is: orders } });
      can('create', 'DocumentRevision', { document: { is: { workOrder: { is: orders } } } });
    }
    // Documents of what he can see: his orders' and those tied to no order nor request (assets, general).
    readDocuments(can, [{ workOrderId: null, workRequestId: null }, ...ordersOfTechnician(user).map((orders) => ({ workOrder: { is: orders } }))]);
    // He signs a revision only where a supervisor named him as a signer.
    can('sign', 'DocumentRevision', { signers: { some: { userId: user.userId } } });
    can('read', 'WorkOrderShare', { technicianId: user.technicianId ?? -1 });
    can('read', TECHNICAL_REFERENCE);
    can('create', 'Reading');
    can('read', 'Technician', { userId: user.userId });
    // Technicians don't edit costs: no rule lets them update a technician (hourly cost) at all.
  }

  // Consultores: read-only on everything except users and secrets; reports and exports.
  if (member('CONSULTANTS')) {
    can('read', PLANT);
    can('export', PLANT);
    can(['read', 'export'], DOCUMENTS);
  }

  // Operadores: call-center tickets and work requests; read assets.
  if (member('OPERATORS')) {
    can(['read', 'create', 'update'], ['Ticket', 'WorkRequest']);
    // call centre: the answers they gave (written by "Responder") and the service levels they work to.
    can('read', ['TicketNote', 'TicketSla']);
    // A ticket nobody has placed yet (no asset, no location: a new call, a SIG row) is the call centre's to
    // place, whatever their sites; once placed it lies where its asset or location does (siteConditions).
    if (scoped) {
      builder.can(['read', 'create', 'update'], 'Ticket', UNPLACED_TICKET);
      builder.can('read', 'TicketNote', { ticket: { is: UNPLACED_TICKET } });
    }
    // The SIG's runs: whether the scrape that feeds their queue is working.
    can('read', 'SigSyncRun');
    // They keep the requests: one that is no fault (a duplicate, a question) is rejected with a reason.
    can('reject', 'WorkRequest');
    can('read', ['Asset', 'Location', 'AssetCategory']);
    // Documents of assets, general ones and those of work requests (also once converted into an order);
    // not those of work orders alone, which they do not see. They attach files to requests.
    readDocuments(can, [{ workOrderId: null }, { workRequestId: { not: null } }]);
    can('create', 'Document', { workOrderId: null, workRequestId: { not: null } });
    can('create', 'DocumentRevision', { document: { is: { workOrderId: null, workRequestId: { not: null } } } });
  }

  // Inventory. Supervisors read the storeroom, keep the routines' bills of materials and reserve parts
  // for orders; technicians see availability but move nothing; consultants read; operators see none.
  if (member('SUPERVISORS')) {
    can(['read', 'export'], [...STORE_CATALOGUE, ...STOCK, 'RoutineMaterial']);
    can(['create', 'update', 'delete'], 'RoutineMaterial');
    can('reserve', 'StockLevel');
    can('release', 'Reservation');
  }
  if (member('TECHNICIANS')) can('read', STOCK_AVAILABILITY);
  if (member('CONSULTANTS')) can(['read', 'export'], [...STORE_CATALOGUE, ...STOCK, 'RoutineMaterial']);
  // The storeroom ("gestionar almacén"), a right any group can be granted: the catalogue, every stock move.
  if (user.canManageStore) {
    can(['read', 'export'], [...STORE_CATALOGUE, ...STOCK, 'RoutineMaterial']);
    can(['create', 'update', 'delete'], STORE_CATALOGUE);
    can([...STOCK_MOVES, 'reserve'], 'StockLevel');
    can('release', 'Reservation');
    if (!scoped) can('import', ['Vendor', 'Material', 'Warehouse', 'Bin']);
  }
  // Goods receipts (issue 20): the storeroom receives what an approved requisition bought ("Recibir"): a
  // direct purchase is charged to its budget line, a line for stock goes into its warehouse (which the
  // StockLevel rule above must also allow). Supervisors, consultants and the rest read the receipts.
  if (user.canManageStore) {
    can('receive', 'Requisition');
    can('read', ['Requisition', 'RequisitionItem', 'GoodsReceipt']);
  }

  // Health (issue 25). Supervisors keep the stops (from PLANT) and read the risk; technicians see the
  // condition of what they repair and record a stop where they find one; operators, who take the calls
  // ("la bomba se paró"), record stops and read them; consultants read (PLANT).
  if (member('TECHNICIANS')) {
    can('read', ['DowntimeEvent', 'AssetHealth', 'PointTrend', 'CategoryReliability']);
    can('create', 'DowntimeEvent');
  }
  if (member('OPERATORS')) can(['read', 'create'], 'DowntimeEvent');

  // "Aprobar sobregiro", a right any group can be granted: approving beyond what a budget line has left.
  if (user.canApproveOverdraft) can('overdraft', 'BudgetLine');
  // The budgets' settings (the overdraft tolerance): administrators keep them; supervisors and consultants
  // read what the approval tolerates. The one row is never created nor removed, by anyone.
  if (member('SUPERVISORS') || member('CONSULTANTS')) can('read', 'BudgetSetting');
  cannot(['create', 'delete'], 'BudgetSetting');
  // Budgets from Excel (a budget line per row, its budget by code): supervisors not scoped to sites, like
  // the other imports (an import upserts anywhere in the plant).
  if (member('SUPERVISORS') && !scoped) can('import', 'BudgetLine');
  // Safety. Supervisors request permits for their orders and run them (activate once isolated, suspend,
  // cancel) and keep the assets' isolation points; technicians see the permits of their orders and
  // record their own locks and gas tests; consultants read; operators see none. Approving and closing
  // (signed) and the catalogues of kinds and requirements are the safety officer's.
  if (member('SUPERVISORS')) {
    can(['read', 'export'], [...SAFETY_CATALOGUE, ...PERMITS]);
    can(['create', 'update', 'delete'], 'IsolationPoint');
    can('create', 'WorkPermit');
    can('update', 'WorkPermit', { state: 'DRAFT' });
    can('delete', 'WorkPermit', { state: 'DRAFT' });
    can(['request', 'activate', 'suspend', 'cancel'], 'WorkPermit');
    can(['create', 'delete'], 'PermitIsolation', { permit: { is: PERMIT_IN_PREPARATION } });
    can('lock', 'PermitIsolation');
    can('create', 'PermitGasTest');
  }
  if (member('TECHNICIANS')) {
    for (const orders of ordersOfTechnician(user)) {
      const permit = { workOrder: { is: orders } };
      can('read', 'WorkPermit', permit);
      can('read', ['PermitIsolation', 'PermitGasTest', 'PermitSignature'], { permit: { is: permit } });
      can('lock', 'PermitIsolation', { permit: { is: permit } });
      can('create', 'PermitGasTest', { permit: { is: permit } });
    }
    can('read', ['PermitKind', 'IsolationPoint']);
  }
  if (member('CONSULTANTS')) can(['read', 'export'], [...SAFETY_CATALOGUE, ...PERMITS]);
  if (user.canManageSafety) {
    can(['read', 'export'], [...SAFETY_CATALOGUE, ...PERMITS]);
    can(['create', 'update', 'delete'], SAFETY_CATALOGUE);
    can('update', 'WorkPermit', PERMIT_IN_PREPARATION);
    can(['approve', 'close', 'activate', 'suspend', 'cancel'], 'WorkPermit');
    can('lock', 'PermitIsolation');
    can('create', 'PermitGasTest');
  }
  // Incidents, audits and corrective actions. Supervisors read them, report incidents and raise actions
  // on their corrective orders' failures; consultants read; the safety officer keeps the register, the
  // hours worked, the checklists, audits and findings, raises actions, verifies and cancels them.
  // Whoever owns an action (any group) sees it, starts it and marks it done.
  if (member('SUPERVISORS')) {
    can(['read', 'export'], SAFETY_RECORDS);
    can(['create', 'update'], 'SafetyIncident');
    can('raiseAction', 'WorkOrder');
  }
  if (member('CONSULTANTS')) can(['read', 'export'], SAFETY_RECORDS);
  if (user.canManageSafety) {
    can(['read', 'export'], [...SAFETY_RECORDS, 'WorkOrder']);
    can(['create', 'update', 'delete'], [...INCIDENTS, 'AuditChecklist', 'Audit', 'AuditFinding']);
    can(['create', 'delete'], 'AuditEvidence');
    can(['start', 'close'], 'Audit');
    can('raiseAction', ['SafetyIncident', 'AuditFinding', 'WorkOrder']);
    can('update', 'CorrectiveAction', ACTION_TO_DO);
    can(['verify', 'reopen', 'cancel'], 'CorrectiveAction');
    // Evidence is a document: the officer reads the documents he links to findings.
    can('read', DOCUMENTS);
  }
  can('read', 'CorrectiveAction', { ownerId: user.userId });
  can(['start', 'complete'], 'CorrectiveAction', { ownerId: user.userId });
  // Actions are raised from their source only, never deleted (cancelled, with a reason); a closed audit is
  // a record: nothing of it changes (the database refuses it too).
  cannot('create', 'CorrectiveAction');
  cannot('delete', 'CorrectiveAction');
  cannot('update', 'CorrectiveAction', { state: { in: ['DONE', 'VERIFIED', 'CANCELLED'] } });
  cannot(['update', 'delete'], 'Audit', { state: 'CLOSED' });
  cannot(['create', 'update', 'delete'], 'AuditFinding', { audit: { is: { state: 'CLOSED' } } });
  cannot(['create', 'delete'], 'AuditEvidence', { finding: { is: { audit: { is: { state: 'CLOSED' } } } } });

  // Evidence is never edited, by anyone: a closed or cancelled permit, its gas tests, its signatures
  // (the database refuses them too). Signatures are written by approving and closing only.
  cannot(['update', 'delete'], 'WorkPermit', { state: { in: ['CLOSED', 'CANCELLED'] } });
  cannot(['update', 'delete'], ['PermitGasTest', 'PermitSignature']);
  cannot('create', 'PermitSignature');

  // Projects and service contracts (issue 24). Supervisors run projects (tasks, dependencies, the state's
  // moves) and keep contracts with what they cover (the owner is told before one expires); technicians read
  // projects (the tasks they are given); consultants read; operators see none.
  if (member('SUPERVISORS')) {
    can(['read', 'export', 'create', 'update', 'delete'], [...PROJECTS, ...SERVICE_CONTRACTS]);
    can(['start', 'hold', 'resume', 'complete', 'cancel'], 'Project');
  }
  if (member('TECHNICIANS')) can('read', PROJECTS);
  if (member('CONSULTANTS')) can(['read', 'export'], [...PROJECTS, ...SERVICE_CONTRACTS]);
  // Printables and the QR portal (issue 24): templates are the administrators' (manage all). Labels are
  // printed by whoever may export the asset list; printing gives an asset without one its portal link,
  // which supervisors may do; revoking and replacing links is the administrators'.
  if (member('SUPERVISORS')) can(['read', 'create'], 'AssetPortalLink');

  // Transmittals. Supervisors keep document control: they draft, send and cancel transmittals, keep the
  // external contacts and revoke a recipient's link; consultants read; technicians and operators none.
  if (member('SUPERVISORS')) {
    can(['read', 'export'], TRANSMITTALS);
    can(['create', 'update', 'delete'], 'ExternalContact');
    can('create', 'Transmittal');
    can(['update', 'delete'], 'Transmittal', TRANSMITTAL_DRAFT);
    can(['create', 'delete'], ['TransmittalDocument', 'TransmittalRecipient'], { transmittal: { is: TRANSMITTAL_DRAFT } });
    can(['send', 'cancel'], 'Transmittal');
    can('revoke', 'TransmittalRecipient');
  }
  if (member('CONSULTANTS')) can(['read', 'export'], TRANSMITTALS);
  // Sent is sent: its contents and recipients are evidence, and an acknowledgement is written only by
  // the recipient's link (domain/transmittals/acknowledge-receipt.ts), for administrators too.
  cannot(['update', 'delete'], 'Transmittal', TRANSMITTAL_GONE_OUT);
  cannot(['create', 'delete'], ['TransmittalDocument', 'TransmittalRecipient'], { transmittal: { is: TRANSMITTAL_GONE_OUT } });
  cannot('update', ['TransmittalDocument', 'TransmittalRecipient']);
  cannot(['create', 'update', 'delete'], 'TransmittalAcknowledgement');

  // Auditors: any group can be granted the right to browse change history.
  if (user.canReadHistory) can('read', 'History');

  // Nobody raises his own rights, administrators included (nor locks himself out by accident).
  cannot(['create', 'update', 'delete'], ['UserGroup', 'UserSite'], { userId: user.userId });
  cannot('update', 'UserProfile', ['approvalLimit', 'canApproveRequisitions'], { userId: user.userId });
  cannot('update', 'User', ['isActive'], { id: user.userId });

  return build();
}

// Sites. A user scoped to sites sees and writes only rows inside the location subtrees of his sites: a
// location by its materialised path (the prefix index on locations.path answers it), everything else by
// the location it lies in. Plant-wide and not scoped: the catalogues (categories, maintenance types,
// frequencies, procedures and steps, routines, calendars, failure codes, ticket SLAs, materials, vendors,
// bills of materials), technicians (a crew serves several sites; their orders are scoped), import logs and
// the SIG's runs, users.
const SITE_SCOPED: Prisma.ModelName[] = [
  // transmittals (issue 24): a transmittal lies where all its documents do (see siteConditions)
  'Transmittal', 'TransmittalDocument', 'TransmittalRecipient', 'TransmittalAcknowledgement',
  // safety (issue 23): isolation points and permits lie where their asset does
  'IsolationPoint', 'WorkPermit', 'PermitIsolation', 'PermitGasTest', 'PermitSignature',
  // incidents and audits (issue 23): an incident and hours worked lie in their location, an audit in its
  // location (none: plant-wide), findings and evidence in their audit, actions where their source does
  'SafetyIncident', 'SafetyHoursWorked', 'Audit', 'AuditFinding', 'AuditEvidence', 'CorrectiveAction',
  'Location', 'Asset', 'MeasurementPoint', 'Reading', 'MaintenanceSchedule', 'WorkRequest', 'WorkOrder',
  'WorkOrderStepValue', 'WorkOrderShare', 'WorkOrderClosure', 'WorkOrderMaterial', 'Requisition', 'RequisitionItem',
  'Document', 'DocumentRevision', 'RevisionSigner', 'DocumentSignature', 'SignatureAudit', 'KpiSnapshot',
  'ErpSyncConflict', 'Budget', 'BudgetLine', 'BudgetLineMonth', 'BudgetActual', 'RequisitionApproval',
  'WorkOrderNote',
  // call centre (issue 21): tickets and the answers given on them
  'Ticket', 'TicketNote',
  // inventory (issue 19): a warehouse lies in its location; its bins, stock, ledger and reservations in it
  'Warehouse', 'Bin', 'StockLevel', 'StockMovement', 'Reservation',
  // energy (issue 25): a site's production lies in its location
  'SiteProduction',
  // projects (issue 24): a project lies in its location (none: the plant's), its tasks in it; a contract is
  // plant-wide like its vendor, what it covers lies where that asset or location does
  'Project', 'ProjectTask', 'ProjectTaskDependency', 'ServiceContractAsset', 'ServiceContractLocation',
  // health (issue 25): stops and risk lie where their asset does, trends where their point's asset does
  'DowntimeEvent', 'AssetHealth', 'PointTrend',
  // goods receipts (issue 20): where their requisition lies
  'GoodsReceipt',
];

/** A call-centre ticket not yet placed in the plant: scoped users other than operators do not see it. */
const UNPLACED_TICKET = { assetId: null, locationId: null };

/** Where each scoped model's rows lie: the condition that puts a row inside the sites of `paths`. */
export function siteConditions(paths: string[]) {
  const inSites = paths.length === 1 ? { path: { startsWith: paths[0] } } : { OR: paths.map((path) => ({ path: { startsWith: path } })) };
  const asset = { location: { is: inSites } };
  const order = { asset: { is: asset } };
  const request = { asset: { is: asset } };
  // A project lies in its location; one placed nowhere is the plant's (issue 24).
  const project = { OR: [{ locationId: null }, { location: { is: inSites } }] };
  // A document lies where each record it is linked to lies; one linked to none is plant-wide.
  const document = {
    AND: [
      { OR: [{ assetId: null }, { asset: { is: asset } }] },
      { OR: [{ workOrderId: null }, { workOrder: { is: order } }] },
      { OR: [{ workRequestId: null }, { workRequest: { is: request } }] },
      { OR: [{ projectId: null }, { project: { is: project } }] },
    ],
  };
  const revision = { document: { is: document } };
  // A requisition for an order lies where the order does; one for no order is a plant-wide purchase.
  // A project's requisition lies where the project does too (issue 24).
  const requisition = { AND: [{ OR: [{ workOrderId: null }, { workOrder: { is: order } }] }, { OR: [{ projectId: null }, { project: { is: project } }] }] };
  const budget = { OR: [{ locationId: null }, { location: { is: inSites } }] };
  const ticket = { OR: [{ asset: { is: asset } }, { assetId: null, location: { is: inSites } }] };
  // KPIs are computed for the plant, each top-level site and each category: a scoped user reads those of
  // the top-level sites he is scoped to ("/12/" is location 12).
  // A warehouse stands in a location; one placed nowhere is the plant's, for users of the whole plant.
  const warehouse = { location: { is: inSites } };
  // Incidents happen at a location; an audit covers a location's subtree, or the whole plant (none).
  const incident = { location: { is: inSites } };
  const audit = { OR: [{ locationId: null }, { location: { is: inSites } }] };
  const topLevelSites = paths.filter((path) => /^\/\d+\/$/.test(path)).map((path) => Number(path.slice(1, -1)));
  const read: Record<string, Record<string, unknown>> = {
    Location: inSites,
    Asset: asset,
    MeasurementPoint: { asset: { is: asset } },
    Reading: { measurementPoint: { is: { asset: { is: asset } } } },
    MaintenanceSchedule: { asset: { is: asset } },
    WorkRequest: request,
    WorkOrder: order,
    WorkOrderStepValue: { workOrder: { is: order } },
    WorkOrderShare: { workOrder: { is: order } },
    WorkOrderClosure: { workOrder: { is: order } },
    WorkOrderMaterial: { workOrder: { is: order } },
    WorkOrderNote: { workOrder: { is: order } },
    Requisition: requisition,
    RequisitionItem: { requisition: { is: requisition } },
    Document: document,
    DocumentRevision: revision,
    RevisionSigner: { revision: { is: revision } },
    DocumentSignature: { revision: { is: revision } },
    SignatureAudit: { revision: { is: revision } },
    KpiSnapshot: { scope: 'SITE', scopeId: { in: topLevelSites } },
    ErpSyncConflict: { requisition: { is: requisition } },
    RequisitionApproval: { requisition: { is: requisition } },
    GoodsReceipt: { requisition: { is: requisition } },
    // A budget lies in its cost centre's location; a department's budget is plant-wide.
    Budget: budget,
    BudgetLine: { budget: { is: budget } },
    BudgetLineMonth: { budgetLine: { is: { budget: { is: budget } } } },
    BudgetActual: { budgetLine: { is: { budget: { is: budget } } } },
    // A ticket lies where its asset does, or where its location does when it names no asset.
    Ticket: ticket,
    TicketNote: { ticket: { is: ticket } },
    Warehouse: warehouse,
    Bin: { warehouse: { is: warehouse } },
    StockLevel: { warehouse: { is: warehouse } },
    StockMovement: { warehouse: { is: warehouse } },
    Reservation: { warehouse: { is: warehouse } },
    // safety (issue 23)
    IsolationPoint: { asset: { is: asset } },
    WorkPermit: { asset: { is: asset } },
    PermitIsolation: { permit: { is: { asset: { is: asset } } } },
    PermitGasTest: { permit: { is: { asset: { is: asset } } } },
    PermitSignature: { permit: { is: { asset: { is: asset } } } },
    // health (issue 25)
    DowntimeEvent: { asset: { is: asset } },
    AssetHealth: { asset: { is: asset } },
    PointTrend: { measurementPoint: { is: { asset: { is: asset } } } },
    // incidents and audits (issue 23)
    SafetyIncident: incident,
    SafetyHoursWorked: { location: { is: inSites } },
    Audit: audit,
    AuditFinding: { audit: { is: audit } },
    AuditEvidence: { finding: { is: { audit: { is: audit } } } },
    CorrectiveAction: { OR: [{ incident: { is: incident } }, { finding: { is: { audit: { is: audit } } } }, { workOrder: { is: order } }] },
    // energy (issue 25)
    SiteProduction: { location: { is: inSites } },
    // projects and service contracts (issue 24)
    Project: project,
    ProjectTask: { project: { is: project } },
    ProjectTaskDependency: { task: { is: { project: { is: project } } } },
    ServiceContractAsset: { asset: { is: asset } },
    ServiceContractLocation: { location: { is: inSites } },
    // transmittals (issue 24): a revision sent lies where its document does; a transmittal, with its
    // recipients and acknowledgements, where every revision it sends lies (an empty draft: plant-wide).
    TransmittalDocument: { revision: { is: revision } },
    ...transmittalSites(revision),
  };
  // A transmittal is written by whoever may write its revisions: adding one outside his sites is refused
  // on the revision (TransmittalDocument); the transmittal itself and its recipients are not narrowed
  // further on writes (a new draft has no revisions to place it yet).
  const { Transmittal: _t, TransmittalRecipient: _r, TransmittalAcknowledgement: _a, ...placedOnWrite } = read;
  return {
    read,
    // A location is written only below a site: its parent inside one (the path is set by a trigger from
    // the parent; a site's own root is not moved nor renamed by those scoped to it).
    write: { ...placedOnWrite, Location: { parent: { is: inSites } } } as Record<string, Record<string, unknown>>,
  };
}

/** Where a transmittal and what hangs from it lie: where every revision it sends lies. */
function transmittalSites(revision: Record<string, unknown>) {
  const transmittal = { documents: { every: { revision: { is: revision } } } };
  return {
    Transmittal: transmittal,
    TransmittalRecipient: { transmittal: { is: transmittal } },
    TransmittalAcknowledgement: { transmittal: { is: transmittal } },
  };
}

/** Technicians who serve the sites of `paths`: those scoped to no site (a crew of the whole plant) and
 * those whose own sites overlap one of them (a site inside his, or his inside one; "/1/5/" lies in 1 and 5). */
export function techniciansServing(paths: string[]) {
  const inside = paths.map((path) => ({ path: { startsWith: path } }));
  const around = [...new Set(paths.flatMap((path) => path.split('/').filter(Boolean).map(Number)))];
  return {
    OR: [{ user: { is: { sites: { none: {} } } } }, { user: { is: { sites: { some: { location: { is: { OR: [...inside, { id: { in: around } }] } } } } } } }],
  };
}

/** The references that place a row of `model` in a site (an asset's location, an order's asset). */
export function siteReferencesOf(model: Prisma.ModelName, paths: string[]): string[] {
  const condition = siteConditions(paths).write[model];
  if (!condition) return [];
  const names = new Set<string>();
  const visit = (part: unknown): void => {
    if (Array.isArray(part)) return part.forEach(visit);
    if (part === null || typeof part !== 'object') return;
    for (const [key, value] of Object.entries(part))
      if (key === 'AND' || key === 'OR') visit(value);
      else if (value !== null && typeof value === 'object' && 'is' in value) names.add(key);
  };
  visit(condition);
  return [...names];
}

type Can = AbilityBuilder<AppAbility>['can'];

/** `can`, with each rule on a scoped model narrowed to the rows inside the sites of `paths` (an own-orders
 * rule of a technician stays, and the site is added to it). Rules on other models are unchanged. */
function withinSites(can: Can, paths: string[]): Can {
  const conditions = siteConditions(paths);
  return ((action: Action | Action[], subjects: Subject | Subject[], rowConditions?: Record<string, unknown>) => {
    const models = (Array.isArray(subjects) ? subjects : [subjects]) as Prisma.ModelName[];
    const reads = (Array.isArray(action) ? action : [action]).every((a) => a === 'read' || a === 'export');
    for (const model of models) {
      const site = (reads ? conditions.read : conditions.write)[model];
      if (!SITE_SCOPED.includes(model) || !site) can(action, model, rowConditions as never);
      else can(action, model, both(rowConditions, site) as never);
    }
  }) as Can;
}

/** Two rule conditions that must both hold: merged when they name different fields, else under AND. */
function both(first: Record<string, unknown> | undefined, second: Record<string, unknown>): Record<string, unknown> {
  if (!first) return second;
  const overlap = Object.keys(first).some((key) => key in second);
  return overlap ? { AND: [first, second] } : { ...first, ...second };
}

/** A technician's orders, as row conditions: those assigned to him, and those shared with him (by id,
 * see AccessProfile.sharedOrderIds; no condition at all when none is shared, so his lists and counts
 * are an index scan of his own). */
function ordersOfTechnician(user: AccessProfile): Record<string, unknown>[] {
  const mine = { technicianId: user.technicianId ?? -1 };
  return user.sharedOrderIds.length ? [mine, { id: { in: user.sharedOrderIds } }] : [mine];
}

/** Read a document (by one of `conditions`), its revisions, named signers, signatures and audit. */
function readDocuments(can: Can, conditions: Record<string, unknown>[]) {
  for (const document of conditions) {
    can('read', 'Document', document);
    can('read', 'DocumentRevision', { document: { is: document } });
    can('read', ['RevisionSigner', 'DocumentSignature', 'SignatureAudit'], { revision: { is: { document: { is: document } } } });
  }
}

/** The Prisma `where` of the rows this ability may `action` in `model`; null when none at all. */
export function accessibleWhere(ability: AppAbility, action: Action, model: Prisma.ModelName): Record<string, unknown> | null {
  if (!ability.can(action, model)) return null;
  return accessibleBy(ability, action).ofType(model) as Record<string, unknown>;
}

/** A record as the subject of an in-memory rule check (conditions on relations need them loaded). */
export function asSubject(model: Prisma.ModelName, record: Record<string, unknown>): Subject {
  return caslSubject(model, record) as unknown as Subject;
}

/** A user asked for something the rules do not allow him; answered 403, nothing written. */
export class AccessDeniedError extends Error {
  constructor(
    readonly action: string,
    readonly subjectType: string,
    /** The message a person reads, where a page says more than AdminJS's own "forbiddenError". */
    readonly messageKey = 'forbiddenError',
  ) {
    super(`not allowed to ${action} ${subjectType}`);
    this.name = 'AccessDeniedError';
  }
}
