// The sync jobs' streak alerts (domain/budgets/erp-sync-alert.ts, domain/call-center/sig-sync-alert.ts),
// told to the active administrators, once per streak (the event key is the run that completed it).
import type { ErpSyncAlert } from '../../budgets/erp-sync-alert.js';
import type { SigSyncAlert } from '../../call-center/sig-sync-alert.js';
import { erpSyncFailing, sigSyncFailing } from '../kinds/sync-failing.kind.js';
import { notify } from '../notify.js';
import type { NotifyDb } from '../notify-db.js';
import { membersOf } from '../recipients.js';
import { plantDateTime } from './plant-text.js';

export async function notifyErpSyncFailing(db: NotifyDb, alert: ErpSyncAlert, timeZone: string) {
  return notify(db, {
    kind: erpSyncFailing,
    key: `erp-sync-failing:${alert.record.id}`,
    recordId: alert.record.id,
    values: { ...alert.values, since: plantDateTime(new Date(alert.values.since), timeZone), title: `#${alert.record.id}` },
    recipients: await membersOf(db, ['ADMINISTRATORS']),
  });
}

export async function notifySigSyncFailing(db: NotifyDb, alert: SigSyncAlert) {
  return notify(db, {
    kind: sigSyncFailing,
    key: `sig-sync-failing:${alert.record.id}`,
    recordId: alert.record.id,
    values: { failures: alert.values.failures, title: `#${alert.record.id}` },
    recipients: await membersOf(db, ['ADMINISTRATORS']),
  });
}
