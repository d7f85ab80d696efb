// A permit whose window has ended no longer covers the work: every ACTIVE permit past its end is
// suspended (EXPIRED), the order it covers goes on hold if it was under way, and the people of the
// permit (its requester, its approver, the order's technician) are told. Run every minute by
// jobs/suspend-expired-permits.job.ts; run twice, it suspends and tells nobody twice.
import type { Db } from '../../prisma/client.js';
import { notify } from '../notifications/notify.js';
import { workPermitExpired } from '../notifications/kinds/work-permit-expired.kind.js';

/** "30/11/2026 14:05" in the plant's time zone: when the permit ended, as the plant's clocks said it. */
export function plantDateTime(instant: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(instant).map((p) => [p.type, p.value]),
  );
  return `${parts.day}/${parts.month}/${parts.year} ${parts.hour}:${parts.minute}`;
}

export async function suspendExpiredPermits(db: Db, timeZone: string, now = new Date()) {
  const expired = await db.workPermit.findMany({
    where: { state: 'ACTIVE', validUntil: { lte: now } },
    select: { id: true },
    orderBy: { id: 'asc' },
    take: 500,
  });
  const suspended: number[] = [];
  for (const { id } of expired) {
    const done = await db.transactionAs(async (tx) => {
      // Re-checked under the row lock: a person may have suspended or closed it meanwhile.
      const moved = await tx.workPermit.updateMany({ where: { id, state: 'ACTIVE', validUntil: { lte: now } }, data: { state: 'SUSPENDED', suspendedAt: now, suspensionReason: 'EXPIRED' } });
      if (!moved.count) return false;
      const permit = await tx.workPermit.findUniqueOrThrow({
        where: { id },
        include: { workOrder: { select: { id: true, number: true, technician: { select: { userId: true } } } } },
      });
      await tx.workOrder.updateMany({ where: { id: permit.workOrderId, state: 'IN_PROGRESS' }, data: { state: 'ON_HOLD' } });
      const recipients = [permit.requestedById, permit.approvedById, permit.workOrder.technician?.userId].filter((u): u is number => typeof u === 'number');
      await notify(tx, {
        kind: workPermitExpired,
        key: `work-permit-expired:${id}:${permit.validUntil.toISOString()}`,
        recordId: id,
        values: { title: permit.number, until: plantDateTime(permit.validUntil, timeZone), order: permit.workOrder.number },
        recipients,
      });
      return true;
    });
    if (done) suspended.push(id);
  }
  return { suspended };
}
