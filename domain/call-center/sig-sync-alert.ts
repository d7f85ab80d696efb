// Three failed SIG runs in a row tell the administrators (once per streak, on the third failure).
import type { Db } from '../../prisma/client.js';

export const SIG_FAILURES_BEFORE_ALERT = 3;

/** Who should be told what (the notifications contract of HELPERS.md: the lead wires it to the mechanism). */
export interface SigSyncAlert {
  kind: 'sig-sync-failing';
  record: { model: 'SigSyncRun'; id: number };
  recipients: { groups: ['ADMINISTRATORS'] };
  messageKey: 'sigSyncFailingAlert';
  values: { failures: number; errorCode: string };
}

/** The alert the latest run calls for, if it is the third failure in a row; undefined otherwise. */
export async function sigSyncFailureAlert(db: Db): Promise<SigSyncAlert | undefined> {
  const latest = await db.sigSyncRun.findMany({
    where: { state: { in: ['SUCCEEDED', 'FAILED'] } },
    orderBy: { id: 'desc' },
    take: SIG_FAILURES_BEFORE_ALERT + 1,
    select: { id: true, state: true, errorCode: true },
  });
  const streak = latest.slice(0, SIG_FAILURES_BEFORE_ALERT);
  if (streak.length < SIG_FAILURES_BEFORE_ALERT || streak.some((run) => run.state !== 'FAILED')) return undefined;
  // A longer streak was reported when it reached three.
  if (latest[SIG_FAILURES_BEFORE_ALERT]?.state === 'FAILED') return undefined;
  const [last] = streak;
  return {
    kind: 'sig-sync-failing',
    record: { model: 'SigSyncRun', id: last!.id },
    recipients: { groups: ['ADMINISTRATORS'] },
    messageKey: 'sigSyncFailingAlert',
    values: { failures: SIG_FAILURES_BEFORE_ALERT, errorCode: last!.errorCode ?? 'sigUnexpected' },
  };
}
