// The jobs monitor's findings, told to the administrators it names: each finding once (its event key).
import type { JobAlert } from '../../jobs-monitor/job-alerts.js';
import { jobExhaustedRetries, queueTooDeep, scheduleLate } from '../kinds/job-alerts.kind.js';
import { notify } from '../notify.js';
import type { NotifyDb } from '../notify-db.js';
import { plantDateTime } from './plant-text.js';

const KINDS = { jobExhaustedRetries, queueTooDeep, scheduleLate };

export async function notifyJobAlerts(db: NotifyDb, alerts: JobAlert[], timeZone: string): Promise<number> {
  let told = 0;
  for (const alert of alerts) {
    // A moment reads in plant time, as everywhere else people read one.
    const values = typeof alert.values.since === 'string' ? { ...alert.values, since: plantDateTime(new Date(alert.values.since), timeZone) } : alert.values;
    const { notified } = await notify(db, { kind: KINDS[alert.kind], key: alert.eventKey, values, recipients: alert.recipients });
    told += notified.length;
  }
  return told;
}
