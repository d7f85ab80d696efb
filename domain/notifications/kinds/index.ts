// Every kind of notification. Adding one: declare it in <name>.kind.ts (defineNotificationKind) and
// list it here; its trigger calls notify() (../notify.ts). The preferences page offers them in this order.
import type { NotificationKind } from '../kind.js';
import { importFinished } from './import-finished.kind.js';
import { jobExhaustedRetries, queueTooDeep, scheduleLate } from './job-alerts.kind.js';
import { erpSyncFailing, sigSyncFailing } from './sync-failing.kind.js';
import { overdueDigest } from './overdue-digest.kind.js';
import { readingOutOfLimits } from './reading-out-of-limits.kind.js';
import { requisitionAwaitingApproval } from './requisition-awaiting-approval.kind.js';
import { signatureRequested } from './signature-requested.kind.js';
import { stockAtReorderPoint, stockLedgerMismatch } from './stock-alerts.kind.js';
import { ticketResolutionOverdue, ticketResponseOverdue } from './ticket-overdue.kind.js';
import { workOrderAssigned } from './work-order-assigned.kind.js';
import { workOrderOverdue } from './work-order-overdue.kind.js';
import { workRequestWaiting } from './work-request-waiting.kind.js';
import { serviceContractExpiring } from './service-contract-expiring.kind.js';
import { workPermitExpired } from './work-permit-expired.kind.js';
import { readingTrendCrossing } from './reading-trend-crossing.kind.js';
import { correctiveActionOverdue } from './corrective-action-overdue.kind.js';
import { energyOutOfPattern } from './energy-out-of-pattern.kind.js';
// transmittals (issue 24)
import { transmittalAcknowledgementOverdue } from './transmittal-acknowledgement-overdue.kind.js';

export const NOTIFICATION_KINDS: NotificationKind[] = [
  workOrderAssigned,
  workOrderOverdue,
  overdueDigest,
  workRequestWaiting,
  readingOutOfLimits,
  importFinished,
  signatureRequested,
  requisitionAwaitingApproval,
  // Other modules' kinds join below, one line each.
  erpSyncFailing,
  sigSyncFailing,
  // The storeroom's and the call centre's alerts.
  stockAtReorderPoint,
  ticketResponseOverdue,
  ticketResolutionOverdue,
  stockLedgerMismatch,
  // safety (issue 23)
  workPermitExpired,
  // health (issue 25)
  readingTrendCrossing,
  correctiveActionOverdue,
  // energy (issue 25)
  energyOutOfPattern,
  // services (issue 24)
  serviceContractExpiring,
  // transmittals (issue 24)
  transmittalAcknowledgementOverdue,
  // The jobs monitor's, for administrators.
  jobExhaustedRetries,
  queueTooDeep,
  scheduleLate,
];

const BY_NAME = new Map(NOTIFICATION_KINDS.map((kind) => [kind.name, kind]));

export function notificationKind(name: string): NotificationKind | undefined {
  return BY_NAME.get(name);
}
