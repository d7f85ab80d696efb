// Four failed ERP sync runs in a row: the administrators are told, once per streak (at the fourth).
// This returns who is told what; the sync job sends it (domain/notifications/triggers/sync-alerts.ts).
import type { Db } from '../../prisma/client.js';

export const FAILED_RUNS_BEFORE_ALERT = 4;

export interface ErpSyncAlert {
  kind: 'erp-sync-failing';
  /** Who is told: every active member of the administrators' group. */
  recipients: { group: 'ADMINISTRATORS' };
  /** The record it is about: the last failed run. */
  record: { model: 'ErpSyncRun'; id: number };
  messageKey: 'erpSyncFailing';
  values: { runs: number; since: string; lastError: string };
}

export async function erpSyncAlert(db: Db): Promise<ErpSyncAlert | null> {
  const runs = await db.erpSyncRun.findMany({
    where: { outcome: { in: ['SUCCEEDED', 'FAILED'] } },
    orderBy: { id: 'desc' },
    take: FAILED_RUNS_BEFORE_ALERT + 1,
    select: { id: true, outcome: true, startedAt: true, error: true },
  });
  const streak = runs.slice(0, FAILED_RUNS_BEFORE_ALERT);
  if (streak.length < FAILED_RUNS_BEFORE_ALERT || streak.some((run) => run.outcome !== 'FAILED')) return null;
  // Only when the streak reaches four, not at every failed run after it.
  if (runs[FAILED_RUNS_BEFORE_ALERT]?.outcome === 'FAILED') return null;
  return {
    kind: 'erp-sync-failing',
    recipients: { group: 'ADMINISTRATORS' },
    record: { model: 'ErpSyncRun', id: streak[0]!.id },
    messageKey: 'erpSyncFailing',
    values: { runs: FAILED_RUNS_BEFORE_ALERT, since: streak.at(-1)!.startedAt.toISOString(), lastError: streak[0]!.error ?? '' },
  };
}
