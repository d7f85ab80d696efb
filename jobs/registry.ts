// Every job the workers run. Adding a job: write jobs/<name>.job.ts and list it here.
import { checkStockLedgerJob } from './check-stock-ledger.job.js';
import { cleanTemporaryExportsJob } from './clean-temporary-exports.job.js';
import { computeKpisJob } from './compute-kpis.job.js';
import { detectJobAlertsJob } from './detect-job-alerts.job.js';
import { generatePreventiveOrdersJob } from './generate-preventive-orders.job.js';
import { importWorkbookJob } from './import-workbook.job.js';
import { indexDocumentsJob } from './index-documents.job.js';
import type { JobDefinition } from './job.js';
import { maintainChangeHistoryJob } from './maintain-change-history.job.js';
import { syncRequisitionsWithErpJob } from './sync-requisitions-with-erp.job.js';
// notifications (issue 18)
import { cleanNotificationsJob } from './clean-notifications.job.js';
import { deliverNotificationJob } from './deliver-notification.job.js';
import { notifyFromDatabaseJob } from './notify-from-database.job.js';
import { notifyOverdueOrdersJob } from './notify-overdue-orders.job.js';
import { notifyWaitingRequestsJob } from './notify-waiting-requests.job.js';
import { notifyOverdueTicketsJob } from './notify-overdue-tickets.job.js';
import { notifyReordersJob } from './notify-reorders.job.js';
import { syncSigTicketsJob } from './sync-sig-tickets.job.js';
// safety (issue 23)
import { suspendExpiredPermitsJob } from './suspend-expired-permits.job.js';
import { notifyOverdueActionsJob } from './notify-overdue-actions.job.js';
import { notifyExpiringContractsJob } from './notify-expiring-contracts.job.js';
// transmittals (issue 24)
import { notifyOverdueTransmittalsJob } from './notify-overdue-transmittals.job.js';
// document search (issue 22)
import { embedDocumentPassagesJob } from './embed-document-passages.job.js';
import { readScannedDocumentsJob } from './read-scanned-documents.job.js';
// energy (issue 25)
import { checkEnergyPatternsJob } from './check-energy-patterns.job.js';
// health (issue 25)
import { assessAssetHealthJob } from './assess-asset-health.job.js';

export const JOBS: JobDefinition<unknown>[] = [
  cleanTemporaryExportsJob,
  maintainChangeHistoryJob,
  generatePreventiveOrdersJob,
  computeKpisJob,
  importWorkbookJob as JobDefinition<unknown>,
  syncRequisitionsWithErpJob,
  // jobs monitor (#18)
  detectJobAlertsJob,
  // notifications (issue 18)
  deliverNotificationJob as JobDefinition<unknown>,
  notifyOverdueOrdersJob,
  notifyWaitingRequestsJob,
  notifyFromDatabaseJob,
  cleanNotificationsJob,
  notifyReordersJob,
  notifyOverdueTicketsJob,
  // call centre
  syncSigTicketsJob as JobDefinition<unknown>,
  checkStockLedgerJob,
  indexDocumentsJob as JobDefinition<unknown>,
  // safety (issue 23)
  suspendExpiredPermitsJob,
  notifyOverdueActionsJob,
  // services (issue 24)
  notifyExpiringContractsJob,
  // transmittals (issue 24)
  notifyOverdueTransmittalsJob,
  // document search (issue 22)
  embedDocumentPassagesJob as JobDefinition<unknown>,
  readScannedDocumentsJob as JobDefinition<unknown>,
  // energy (issue 25)
  checkEnergyPatternsJob,
  // health (issue 25)
  assessAssetHealthJob as JobDefinition<unknown>,
];
