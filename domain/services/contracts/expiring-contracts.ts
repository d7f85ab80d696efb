// A contract about to end tells its owner once per renewal window: from `renewalNoticeDays` before its end
// to its last day (plant calendar), the daily job finds it and notify() writes the owner's notice under the
// key contract + end date, so a second run the same day, or the next days of the window, tell nobody again;
// a contract renewed (a later end) opens a new window and is told again when that one comes.
import type { Db } from '../../../prisma/client.js';
import { todayIn } from '../../dates.js';
import { serviceContractExpiring } from '../../notifications/kinds/service-contract-expiring.kind.js';
import { notify } from '../../notifications/notify.js';
import { plantDate } from '../../notifications/triggers/plant-text.js';

const DAY_MS = 86_400_000;

export async function notifyExpiringContracts(db: Db, timeZone: string, now = new Date()) {
  const today = todayIn(timeZone, now);
  // Column arithmetic (ends_on − notice days) Prisma's filters cannot say.
  const due = await db.$queryRaw<{ id: number; code: string; ends_on: Date; owner_id: number; vendor: string }[]>`
    SELECT c.id, c.code, c.ends_on, c.owner_id, v.name AS vendor
      FROM service_contracts c JOIN vendors v ON v.id = c.vendor_id
     WHERE c.ends_on >= ${today}::date AND c.ends_on - c.renewal_notice_days <= ${today}::date
     ORDER BY c.ends_on, c.id`;
  const told: number[] = [];
  for (const contract of due) {
    const endsOn = plantDate(contract.ends_on);
    const outcome = await notify(db, {
      kind: serviceContractExpiring,
      key: `service-contract-expiring:${contract.id}:${contract.ends_on.toISOString().slice(0, 10)}`,
      recordId: contract.id,
      values: { title: `${contract.code} · ${contract.vendor}`, endsOn, days: Math.round((contract.ends_on.getTime() - today.getTime()) / DAY_MS) },
      recipients: [contract.owner_id],
    });
    if (outcome.notified.length) told.push(contract.id);
  }
  return { due: due.length, told };
}
