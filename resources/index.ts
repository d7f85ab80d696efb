// Every AdminJS resource, in navigation order.
import type { ResourceWithOptions } from 'adminjs';
import type { Db } from '../prisma/client.js';
import type { ResourceSettings } from './define-resource.js';
import { assetCategoryResource } from './assets/asset-category.resource.js';
import { assetResource } from './assets/asset.resource.js';
import { importRunResource } from './assets/import-run.resource.js';
import { locationResource } from './assets/location.resource.js';
import { changeHistoryResource } from './core/change-history.resource.js';
import { documentRevisionResource } from './documents/document-revision.resource.js';
import { documentSignatureResource } from './documents/document-signature.resource.js';
import { documentResource } from './documents/document.resource.js';
import { revisionSignerResource } from './documents/revision-signer.resource.js';
import { signatureAuditResource } from './documents/signature-audit.resource.js';
import { groupResource } from './core/group.resource.js';
import { userGroupResource } from './core/user-group.resource.js';
import { userSiteResource } from './core/user-site.resource.js';
import { userProfileResource } from './core/user-profile.resource.js';
import { userResource } from './core/user.resource.js';
import { calendarHolidayResource } from './maintenance/calendar-holiday.resource.js';
import { failureCodeResource } from './maintenance/failure-code.resource.js';
import { frequencyResource } from './maintenance/frequency.resource.js';
import { maintenanceScheduleResource } from './maintenance/maintenance-schedule.resource.js';
import { maintenanceTypeResource } from './maintenance/maintenance-type.resource.js';
import { procedureStepResource } from './maintenance/procedure-step.resource.js';
import { procedureResource } from './maintenance/procedure.resource.js';
import { routineResource } from './maintenance/routine.resource.js';
import { technicianResource } from './maintenance/technician.resource.js';
import { workCalendarResource } from './maintenance/work-calendar.resource.js';
import { workOrderClosureResource } from './maintenance/work-order-closure.resource.js';
import { workOrderMaterialResource } from './maintenance/work-order-material.resource.js';
import { workOrderShareResource } from './maintenance/work-order-share.resource.js';
import { workOrderStepValueResource } from './maintenance/work-order-step-value.resource.js';
import { workOrderNoteResource } from './maintenance/work-order-note.resource.js';
import { workOrderResource } from './maintenance/work-order.resource.js';
import { workRequestResource } from './maintenance/work-request.resource.js';
import { measurementPointResource } from './monitoring/measurement-point.resource.js';
import { readingResource } from './monitoring/reading.resource.js';
import { kpiSnapshotResource } from './services/kpi-snapshot.resource.js';
import { requisitionItemResource } from './budgets/requisition-item.resource.js';
import { requisitionResource } from './budgets/requisition.resource.js';
import { erpSyncConflictResource } from './budgets/erp-sync-conflict.resource.js';
import { erpSyncRunResource } from './budgets/erp-sync-run.resource.js';
import { budgetActualResource } from './budgets/budget-actual.resource.js';
import { budgetLineMonthResource } from './budgets/budget-line-month.resource.js';
import { budgetLineResource } from './budgets/budget-line.resource.js';
import { budgetResource } from './budgets/budget.resource.js';
import { requisitionApprovalResource } from './budgets/requisition-approval.resource.js';
// goods receipts (issue 20)
import { goodsReceiptResource } from './budgets/goods-receipt.resource.js';
import { budgetSettingResource } from './budgets/budget-setting.resource.js';
import { ticketResource } from './call-center/ticket.resource.js';
import { ticketNoteResource } from './call-center/ticket-note.resource.js';
import { ticketSlaResource } from './call-center/ticket-sla.resource.js';
import { sigSyncRunResource } from './call-center/sig-sync-run.resource.js';
import { binResource } from './inventory/bin.resource.js';
import { materialResource } from './inventory/material.resource.js';
import { reservationResource } from './inventory/reservation.resource.js';
import { routineMaterialResource } from './inventory/routine-material.resource.js';
import { stockLevelResource } from './inventory/stock-level.resource.js';
import { stockMovementResource } from './inventory/stock-movement.resource.js';
import { vendorResource } from './inventory/vendor.resource.js';
import { warehouseResource } from './inventory/warehouse.resource.js';
// safety (issue 23)
import { isolationPointResource } from './safety/isolation-point.resource.js';
import { permitGasTestResource } from './safety/permit-gas-test.resource.js';
import { permitIsolationResource } from './safety/permit-isolation.resource.js';
import { permitKindResource } from './safety/permit-kind.resource.js';
import { permitRequirementResource } from './safety/permit-requirement.resource.js';
import { permitSignatureResource } from './safety/permit-signature.resource.js';
import { workPermitResource } from './safety/work-permit.resource.js';
// health (issue 25)
import { assetHealthResource } from './health/asset-health.resource.js';
import { categoryReliabilityResource } from './health/category-reliability.resource.js';
import { downtimeEventResource } from './health/downtime-event.resource.js';
import { pointTrendResource } from './health/point-trend.resource.js';
// incidents and audits (issue 23)
import { safetyIncidentResource } from './safety/safety-incident.resource.js';
import { safetyHoursWorkedResource } from './safety/safety-hours-worked.resource.js';
import { auditChecklistResource } from './audits/audit-checklist.resource.js';
import { auditEvidenceResource } from './audits/audit-evidence.resource.js';
import { auditFindingResource } from './audits/audit-finding.resource.js';
import { auditResource } from './audits/audit.resource.js';
import { correctiveActionResource } from './audits/corrective-action.resource.js';
// energy (issue 25)
import { siteProductionResource } from './energy/site-production.resource.js';
import { integrationTokenResource } from './energy/integration-token.resource.js';
// projects and service contracts (issue 24)
import { projectResource } from './projects/project.resource.js';
import { projectTaskResource } from './projects/project-task.resource.js';
import { projectTaskDependencyResource } from './projects/project-task-dependency.resource.js';
import { serviceContractResource } from './services/service-contract.resource.js';
import { serviceContractAssetResource, serviceContractLocationResource } from './services/service-contract-coverage.resource.js';
// transmittals (issue 24)
import { externalContactResource } from './transmittals/external-contact.resource.js';
import { transmittalAcknowledgementResource } from './transmittals/transmittal-acknowledgement.resource.js';
import { transmittalDocumentResource } from './transmittals/transmittal-document.resource.js';
import { transmittalRecipientResource } from './transmittals/transmittal-recipient.resource.js';
import { transmittalResource } from './transmittals/transmittal.resource.js';
import { templateResource } from './templates/template.resource.js';

// By task: a supervisor's day first (orders, requests, planning, assets), reference data after.
const RESOURCES = [
  // Mantenimiento
  workOrderResource,
  workRequestResource,
  maintenanceScheduleResource,
  technicianResource,
  workOrderClosureResource,
  // Activos
  assetResource,
  locationResource,
  assetCategoryResource,
  importRunResource,
  // Monitoreo
  measurementPointResource,
  readingResource,
  // Energía (issue 25)
  siteProductionResource,
  // Salud de activos (issue 25)
  assetHealthResource,
  downtimeEventResource,
  pointTrendResource,
  categoryReliabilityResource,
  // Catálogo de mantenimiento
  routineResource,
  frequencyResource,
  procedureResource,
  maintenanceTypeResource,
  failureCodeResource,
  workCalendarResource,
  // Documentos
  documentResource,
  documentRevisionResource,
  revisionSignerResource,
  documentSignatureResource,
  signatureAuditResource,
  // Inventario
  stockLevelResource,
  materialResource,
  reservationResource,
  stockMovementResource,
  warehouseResource,
  vendorResource,
  // Seguridad (issue 23)
  workPermitResource,
  isolationPointResource,
  permitRequirementResource,
  permitKindResource,
  permitSignatureResource,
  // incidents and the hours their rates are figured on (issue 23)
  safetyIncidentResource,
  safetyHoursWorkedResource,
  // Auditorías (issue 23)
  correctiveActionResource,
  auditResource,
  auditFindingResource,
  auditChecklistResource,
  // Presupuestos
  budgetResource,
  budgetActualResource,
  // goods receipts (issue 20)
  goodsReceiptResource,
  requisitionResource,
  erpSyncRunResource,
  erpSyncConflictResource,
  // budgets (issue 20): the overdraft tolerance, administrators'
  budgetSettingResource,
  // Centro de llamadas
  ticketResource,
  ticketSlaResource,
  sigSyncRunResource,
  // Proyectos (issue 24)
  projectResource,
  projectTaskResource,
  // Servicios / KPI
  serviceContractResource,
  kpiSnapshotResource,
  // Administración
  userResource,
  groupResource,
  userSiteResource,
  userProfileResource,
  // energy (issue 25): the tokens of outside systems
  integrationTokenResource,
  // printables (issue 24): templates of print-outs and messages
  templateResource,
  // Auditoría
  changeHistoryResource,
  // Rows that live inside their parents' pages (an order's step values and shares, a user's groups, a
  // procedure's steps...): reachable from there, not from the navigation (JOIN_TABLES).
  workOrderStepValueResource,
  workOrderMaterialResource,
  workOrderShareResource,
  requisitionItemResource,
  // budgets: approval steps live in their requisition's page (issue 20)
  requisitionApprovalResource,
  budgetLineResource,
  budgetLineMonthResource,
  binResource,
  routineMaterialResource,
  procedureStepResource,
  calendarHolidayResource,
  userGroupResource,
  ticketNoteResource,
  // journeys (issue 16): notes live in their order's page
  workOrderNoteResource,
  // safety (issue 23): a permit's isolations and gas tests live in its page
  permitIsolationResource,
  permitGasTestResource,
  // audits (issue 23): a finding's evidence lives in its page
  auditEvidenceResource,
  // projects and service contracts (issue 24): dependencies live in their task's page, coverage in its contract's
  projectTaskDependencyResource,
  serviceContractAssetResource,
  serviceContractLocationResource,
  // Comunicaciones (issue 24): transmittals and the contacts outside the plant; what a transmittal sends
  // and to whom live in its page
  transmittalResource,
  transmittalAcknowledgementResource,
  externalContactResource,
  transmittalDocumentResource,
  transmittalRecipientResource,
];

const JOIN_TABLES = new Set(['WorkOrderStepValue', 'WorkOrderMaterial', 'WorkOrderShare', 'RequisitionItem', 'Bin', 'RoutineMaterial', 'ProcedureStep', 'CalendarHoliday', 'UserGroup', 'BudgetLine', 'BudgetLineMonth', 'TicketNote', 'WorkOrderNote', 'RequisitionApproval', 'PermitIsolation', 'PermitGasTest', 'AuditEvidence', 'ProjectTaskDependency', 'ServiceContractAsset', 'ServiceContractLocation',
  // transmittals (issue 24)
  'TransmittalDocument', 'TransmittalRecipient']);

export function allResources(prisma: Db, settings: ResourceSettings): ResourceWithOptions[] {
  return RESOURCES.map((resource) => {
    const defined = resource(prisma, settings);
    const model = (defined.resource as { model?: { name?: string } }).model?.name ?? '';
    return JOIN_TABLES.has(model) ? { ...defined, options: { ...defined.options, navigation: false } } : defined;
  });
}
