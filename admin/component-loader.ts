// Every custom React component AdminJS bundles, registered in one place.
import { ComponentLoader } from 'adminjs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const componentLoader = new ComponentLoader();

export const Components = {
  Login: componentLoader.override('Login', path.join(here, 'components/login')),
  Dashboard: componentLoader.add('Dashboard', path.join(here, 'components/dashboard')),
  RelatedRecords: componentLoader.add('RelatedRecords', path.join(here, 'components/related-records')),
  HistoryTimeline: componentLoader.add('HistoryTimeline', path.join(here, 'components/history-timeline')),
  HistoryChanges: componentLoader.add('HistoryChanges', path.join(here, 'components/history-changes')),
  WorkOrderForm: componentLoader.add('WorkOrderForm', path.join(here, 'components/work-order-form')),
  RejectForm: componentLoader.add('RejectForm', path.join(here, 'components/reject-form')),
  // safety (issue 23): the steps of a permit that need input (checklist, password, lock number)
  PermitActionForm: componentLoader.add('PermitActionForm', path.join(here, 'components/permit-action-form')),
  // safety (issue 23): the monthly incident figures and rates
  IncidentRates: componentLoader.add('IncidentRates', path.join(here, 'components/incident-rates')),
  // transmittals (issue 24): the cover sheet's download and whether e-mail can go out
  TransmittalCover: componentLoader.add('TransmittalCover', path.join(here, 'components/transmittal-cover')),
  // documents
  UploadRevision: componentLoader.add('UploadRevision', path.join(here, 'components/upload-revision')),
  SignRevision: componentLoader.add('SignRevision', path.join(here, 'components/sign-revision')),
  VerifyRevision: componentLoader.add('VerifyRevision', path.join(here, 'components/verify-revision')),
  DocumentRevisions: componentLoader.add('DocumentRevisions', path.join(here, 'components/document-revisions')),
  Attachments: componentLoader.add('Attachments', path.join(here, 'components/attachments')),
  DocumentSearch: componentLoader.add('DocumentSearch', path.join(here, 'components/document-search')),
  ImportWorkbook: componentLoader.add('ImportWorkbook', path.join(here, 'components/import-workbook')),
  ImportMigration: componentLoader.add('ImportMigration', path.join(here, 'components/import-migration')),
  // planning calendar
  PlanningCalendar: componentLoader.add('PlanningCalendar', path.join(here, 'components/planning-calendar')),
  // call centre
  TicketForm: componentLoader.add('TicketForm', path.join(here, 'components/ticket-form')),
  CallCentreBoard: componentLoader.add('CallCentreBoard', path.join(here, 'components/call-centre-board')),
  // inventory
  StockMoveForm: componentLoader.add('StockMoveForm', path.join(here, 'components/stock-move-form')),
  OpeningBalancesForm: componentLoader.add('OpeningBalancesForm', path.join(here, 'components/opening-balances-form')),
  CountSheetForm: componentLoader.add('CountSheetForm', path.join(here, 'components/count-sheet-form')),
  WorkOrderCost: componentLoader.add('WorkOrderCost', path.join(here, 'components/work-order-cost')),
  ExportList: componentLoader.add('ExportList', path.join(here, 'exports/export-list')),
  // budgets: the ERP module
  ErpModuleNotice: componentLoader.add('ErpModuleNotice', path.join(here, 'components/erp-module-notice')),
  // budgets (issue 20): a budget's lines, month by month
  BudgetFigures: componentLoader.add('BudgetFigures', path.join(here, 'components/budget-figures')),
  // projects and service contracts (issue 24): a project's Gantt and figures; an order's SLA and its hand-over
  // to a contractor; SLA compliance per vendor
  ProjectOverview: componentLoader.add('ProjectOverview', path.join(here, 'components/project-overview')),
  ServiceLevel: componentLoader.add('ServiceLevel', path.join(here, 'components/service-level')),
  LinkContractForm: componentLoader.add('LinkContractForm', path.join(here, 'components/link-contract-form')),
  SlaCompliance: componentLoader.add('SlaCompliance', path.join(here, 'components/sla-compliance')),
  // budgets (issue 20): a requisition's Enviar / Aprobar / Rechazar with its line's figures and the password
  RequisitionDecisionForm: componentLoader.add('RequisitionDecisionForm', path.join(here, 'components/requisition-decision-form')),
  // health (issue 25): the reasons of a health score, and an asset's health panel with its reading charts
  HealthReasons: componentLoader.add('HealthReasons', path.join(here, 'components/health-reasons')),
  AssetHealthPanel: componentLoader.add('AssetHealthPanel', path.join(here, 'components/asset-health-panel')),
  // jobs monitor (a page for administrators)
  JobsMonitor: componentLoader.add('JobsMonitor', path.join(here, 'components/jobs-monitor')),
  // notifications (issue 18): the centre and the preferences, AdminJS pages
  NotificationCentre: componentLoader.add('NotificationCentre', path.join(here, 'components/notification-centre')),
  NotificationPreferences: componentLoader.add('NotificationPreferences', path.join(here, 'components/notification-preferences')),
  // energy (issue 25): the energy page, and the form that creates an integration token (shown once)
  EnergyPage: componentLoader.add('EnergyPage', path.join(here, 'components/energy-page')),
  AvailabilityPage: componentLoader.add('AvailabilityPage', path.join(here, 'components/availability-page')),
  IntegrationTokenForm: componentLoader.add('IntegrationTokenForm', path.join(here, 'components/integration-token-form')),
  // printables (issue 24): print an order, a technician's day, the asset list's QR labels; a template's preview
  PrintWorkOrder: componentLoader.add('PrintWorkOrder', path.join(here, 'printables/print-work-order')),
  PrintTechnicianDay: componentLoader.add('PrintTechnicianDay', path.join(here, 'printables/print-technician-day')),
  PrintLabels: componentLoader.add('PrintLabels', path.join(here, 'printables/print-labels')),
  TemplatePreview: componentLoader.add('TemplatePreview', path.join(here, 'printables/template-preview')),
  // Not rendered: loading it makes one-click actions POST (see the file).
  PostOneClickActions: componentLoader.add('PostOneClickActions', path.join(here, 'components/post-one-click-actions')),
  // Not rendered either: a stylesheet that lets AdminJS's notices fit a phone.
  PhoneLayout: componentLoader.add('PhoneLayout', path.join(here, 'components/phone-layout')),
};

// AdminJS's own pieces, replaced where they showed the database instead of the plant: values, dates,
// yes/no and drop-downs in the user's language; references named and searched like the forms' pickers.
const OVERRIDES: Record<string, string> = {
  DefaultPropertyValue: 'property-value',
  BooleanPropertyValue: 'boolean-value',
  DefaultDatetimeListProperty: 'date-list',
  DefaultDatetimeShowProperty: 'date-show',
  DefaultReferenceEditProperty: 'reference-edit',
  DefaultReferenceFilterProperty: 'reference-filter',
  DefaultEditProperty: 'choice-edit',
  DefaultFilterProperty: 'choice-filter',
  DefaultBooleanFilterProperty: 'choice-filter',
  TopBar: 'top-bar',
  ActionHeader: 'action-header',
  NoRecords: 'no-records',
  SidebarPages: 'sidebar-pages',
};
for (const [name, file] of Object.entries(OVERRIDES)) componentLoader.override(name as never, path.join(here, 'components/overrides', file));
