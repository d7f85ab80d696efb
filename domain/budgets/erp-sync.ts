// The ERP sync (issue 20): push approved requisitions the ERP does not have yet, then read back the status
// of those still moving there. The ERP is the source of truth after approval: its status (erp_status) is
// the requisition's status from then on (our `state` keeps our approval decision and who made it), and
// the name it holds wins; where a person changed the name here since the last sync, the overruled value
// is kept as a conflict and shown on the requisition.
//  - Idempotent: our number is the ERP's external key (integrations/erp-dynamics), so a push retried after
//    a timeout finds the requisition made by the first attempt instead of making a second one.
//  - Bounded: requisitions are read, pushed and written in batches; the driver keeps `concurrency`
//    requests in flight; a run stops after `maxPerRun` pushes and the next run goes on.
//  - Transient failures (timeouts, 5xx, 429) are retried with backoff inside the run, then left PENDING for
//    the next run; a requisition the ERP refuses is FAILED until someone presses "Reintentar sincronización".
//  - One run at a time (a unique index on the RUNNING row); each run is logged in erp_sync_runs.
import type { ErpError as ErpErrorType, ErpRequisitionDraft, ErpRequisitionState, ErpSystem } from '../../integrations/erp-dynamics/erp.js';
import { ErpError, FINAL_ERP_STATUSES } from '../../integrations/erp-dynamics/erp.js';
import type { Db } from '../../prisma/client.js';

export interface ErpSyncOptions {
  /** Requisitions read, looked up and written together. */
  batchSize?: number;
  /** Most requisitions pushed in one run; the rest wait for the next run. */
  maxPerRun?: number;
  /** Pushes in flight at once. */
  concurrency?: number;
  /** Tries of one requisition within a run on transient failures, and the first wait between them. */
  attempts?: number;
  backoffMs?: number;
}

export interface ErpSyncResult {
  runId: number | null;
  outcome: 'SUCCEEDED' | 'FAILED' | 'SKIPPED';
  pushed: number;
  pulled: number;
  failed: number;
  conflicts: number;
  error?: string;
}

/** A run older than the sync queue's expiry (15 min) that never finished: its worker died. */
const ABANDONED_AFTER_MINUTES = 15;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Candidate = { id: number; number: string; title: string; requester: string };
type Outcome = { id: number; state?: ErpRequisitionState; error?: ErpErrorType | Error };

export async function syncRequisitionsWithErp(db: Db, erp: ErpSystem, options: ErpSyncOptions = {}): Promise<ErpSyncResult> {
  const batchSize = options.batchSize ?? 250;
  const maxPerRun = options.maxPerRun ?? 5_000;
  const concurrency = options.concurrency ?? 8;
  const attempts = options.attempts ?? 3;
  const backoffMs = options.backoffMs ?? 1_000;

  const runId = await startRun(db);
  const result: ErpSyncResult = { runId, outcome: 'SUCCEEDED', pushed: 0, pulled: 0, failed: 0, conflicts: 0 };
  if (runId === null) return { ...result, outcome: 'SKIPPED' };
  let stoppedBy: Error | undefined;
  try {
    // Push: keyset over the approved requisitions waiting, each tried once per run.
    let after = 0;
    let tried = 0;
    while (tried < maxPerRun && !stoppedBy) {
      const batch = await db.$queryRawUnsafe<Candidate[]>(
        `SELECT r.id, r.number, r.title, u.name AS requester
           FROM requisitions r JOIN users u ON u.id = r.requested_by_id
          WHERE r.state = 'APPROVED' AND r.erp_id IS NULL AND r.erp_sync_state = 'PENDING' AND r.id > $1
          ORDER BY r.id LIMIT $2`,
        after,
        Math.min(batchSize, maxPerRun - tried),
      );
      if (batch.length === 0) break;
      after = batch.at(-1)!.id;
      tried += batch.length;
      const outcomes = await pushBatch(db, erp, batch, { concurrency, attempts, backoffMs });
      stoppedBy = outcomes.find((o) => o.error instanceof ErpError && o.error.stopsTheRun)?.error;
      await recordPushes(db, outcomes);
      result.pushed += outcomes.filter((o) => o.state).length;
      result.failed += outcomes.filter((o) => o.error).length;
    }
    // Pull: the status of every requisition the ERP may still move.
    after = 0;
    while (!stoppedBy) {
      const batch = await db.$queryRawUnsafe<PullCandidate[]>(
        `SELECT id, erp_id, erp_etag, title, erp_synced_at < updated_at AS changed_here
           FROM requisitions
          WHERE erp_id IS NOT NULL AND erp_status <> ALL($1::text[]) AND id > $2
          ORDER BY id LIMIT $3`,
        FINAL_ERP_STATUSES,
        after,
        batchSize,
      );
      if (batch.length === 0) break;
      after = batch.at(-1)!.id;
      try {
        const states = await erp.readRequisitions(batch.map((r) => r.erp_id));
        const applied = await applyErpStates(db, batch, states);
        result.pulled += applied.pulled;
        result.conflicts += applied.conflicts;
      } catch (error) {
        if (!(error instanceof ErpError)) throw error;
        stoppedBy = error;
      }
    }
  } catch (error) {
    stoppedBy = error as Error;
  }
  // A run fails when the ERP could not be worked with at all: stopped, or nothing it tried got through.
  if (stoppedBy || (result.failed > 0 && result.pushed === 0 && result.pulled === 0)) {
    result.outcome = 'FAILED';
    result.error = (stoppedBy ?? new Error(`${result.failed} requisition(s) could not be sent`)).message.slice(0, 1000);
  }
  await db.$executeRawUnsafe(
    `UPDATE erp_sync_runs SET outcome = $2, finished_at = now(), pushed = $3, pulled = $4, failed = $5, conflicts = $6, error = $7 WHERE id = $1`,
    runId, result.outcome, result.pushed, result.pulled, result.failed, result.conflicts, result.error ?? null,
  );
  return result;
}

/** Starts a run, or returns null when another one is under way. A run whose worker died is closed. */
async function startRun(db: Db): Promise<number | null> {
  await db.$executeRawUnsafe(
    `UPDATE erp_sync_runs SET outcome = 'ABANDONED', finished_at = now()
      WHERE outcome = 'RUNNING' AND started_at < now() - make_interval(mins => $1)`,
    ABANDONED_AFTER_MINUTES,
  );
  const rows = await db.$queryRawUnsafe<{ id: number }[]>(
    `INSERT INTO erp_sync_runs (outcome) VALUES ('RUNNING') ON CONFLICT DO NOTHING RETURNING id`,
  );
  return rows[0]?.id ?? null;
}

async function pushBatch(
  db: Db,
  erp: ErpSystem,
  batch: Candidate[],
  options: { concurrency: number; attempts: number; backoffMs: number },
): Promise<Outcome[]> {
  const items = await db.$queryRawUnsafe<{ requisition_id: number; description: string; quantity: string; unit: string; unit_price: string }[]>(
    `SELECT requisition_id, description, quantity::text, unit, unit_price::text
       FROM requisition_items WHERE requisition_id = ANY($1::int[]) ORDER BY requisition_id, id`,
    batch.map((r) => r.id),
  );
  const drafts = new Map<number, ErpRequisitionDraft>(
    batch.map((r) => [r.id, { number: r.number, title: r.title, requester: r.requester, lines: [] }]),
  );
  for (const item of items) {
    const lines = drafts.get(item.requisition_id)!.lines;
    lines.push({ lineNumber: lines.length + 1, description: item.description, quantity: Number(item.quantity), unit: item.unit, unitPrice: Number(item.unit_price) });
  }

  let existing: Map<string, ErpRequisitionState>;
  try {
    existing = await withRetries(() => erp.findRequisitions(batch.map((r) => r.number)), options);
  } catch (error) {
    // Nobody in this batch can be pushed safely without knowing what the ERP already has.
    return batch.map((r) => ({ id: r.id, error: error as Error }));
  }

  const outcomes: Outcome[] = [];
  let next = 0;
  let stop = false;
  const worker = async () => {
    while (next < batch.length && !stop) {
      const requisition = batch[next++]!;
      const outcome = await pushOne(erp, drafts.get(requisition.id)!, existing.get(requisition.number), options);
      outcomes.push({ id: requisition.id, ...outcome });
      if (outcome.error instanceof ErpError && outcome.error.stopsTheRun) stop = true;
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency, batch.length) }, worker));
  return outcomes;
}

async function pushOne(
  erp: ErpSystem,
  draft: ErpRequisitionDraft,
  existing: ErpRequisitionState | undefined,
  options: { attempts: number; backoffMs: number },
): Promise<Omit<Outcome, 'id'>> {
  let lookedUp = true;
  try {
    return {
      state: await withRetries(async () => {
        // After a failed try, what the ERP holds under our number is read again before anything is created.
        if (!lookedUp) existing = (await erp.findRequisitions([draft.number])).get(draft.number);
        lookedUp = false;
        return erp.pushRequisition(draft, existing);
      }, options),
    };
  } catch (error) {
    return { error: error as Error };
  }
}

/** `work`, tried again with exponential backoff on transient ERP failures (a 429 the driver could not wait
 * out ends the tries: the ERP asked for a pause longer than a run should take). */
async function withRetries<T>(work: () => Promise<T>, options: { attempts: number; backoffMs: number }): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await work();
    } catch (error) {
      const retry = error instanceof ErpError && error.transient && error.kind !== 'throttled' && attempt < options.attempts;
      if (!retry) throw error;
      await sleep(options.backoffMs * 2 ** (attempt - 1));
    }
  }
}

/** Writes a batch's pushes in one statement: the ERP's id and status, or the error and attempt. */
async function recordPushes(db: Db, outcomes: Outcome[]): Promise<void> {
  if (outcomes.length === 0) return;
  const permanent = (o: Outcome) => !!o.error && !(o.error instanceof ErpError && o.error.transient) && !(o.error instanceof ErpError && o.error.stopsTheRun);
  await db.transactionAs((tx) =>
    tx.$executeRawUnsafe(
      `UPDATE requisitions r SET
          erp_id = COALESCE(u.erp_id, r.erp_id), erp_status = COALESCE(u.erp_status, r.erp_status), erp_etag = COALESCE(u.erp_etag, r.erp_etag),
          erp_sync_state = CASE WHEN u.erp_id IS NOT NULL THEN 'SENT' WHEN u.permanent THEN 'FAILED' ELSE r.erp_sync_state END,
          erp_synced_at = CASE WHEN u.erp_id IS NOT NULL THEN now() ELSE r.erp_synced_at END,
          erp_last_attempt_at = now(), erp_last_error = u.error, erp_attempts = r.erp_attempts + 1
        FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::text[], $6::boolean[]) AS u(id, erp_id, erp_status, erp_etag, error, permanent)
       WHERE r.id = u.id AND r.erp_id IS NULL`,
      outcomes.map((o) => o.id),
      outcomes.map((o) => o.state?.erpId ?? null),
      outcomes.map((o) => o.state?.status ?? null),
      outcomes.map((o) => o.state?.etag ?? null),
      outcomes.map((o) => (o.error ? o.error.message.slice(0, 1000) : null)),
      outcomes.map(permanent),
    ),
  );
}

type PullCandidate = { id: number; erp_id: string; erp_etag: string | null; title: string; changed_here: boolean | null };

/** The ERP's word on each requisition: its status, and its name where it differs (ERP wins). */
async function applyErpStates(db: Db, batch: PullCandidate[], states: Map<string, ErpRequisitionState>) {
  const updates: { id: number; status: string; etag: string; title: string; error: string | null }[] = [];
  const conflicts: { id: number; field: 'title'; local: string; erp: string }[] = [];
  for (const requisition of batch) {
    const erp = states.get(requisition.erp_id);
    if (!erp) {
      updates.push({ id: requisition.id, status: '', etag: requisition.erp_etag ?? '', title: requisition.title, error: `${requisition.erp_id} is no longer in the ERP` });
      continue;
    }
    if (erp.etag && erp.etag === requisition.erp_etag) continue; // unchanged there since we last read it
    // We send at most 60 characters of the title (the ERP's field length).
    const title = erp.name && erp.name !== requisition.title.slice(0, 60) ? erp.name : requisition.title;
    if (requisition.changed_here && title !== requisition.title) conflicts.push({ id: requisition.id, field: 'title', local: requisition.title, erp: title });
    updates.push({ id: requisition.id, status: erp.status, etag: erp.etag, title, error: null });
  }
  if (updates.length === 0) return { pulled: 0, conflicts: 0 };
  await db.transactionAs(async (tx) => {
    await tx.$executeRawUnsafe(
      `UPDATE requisitions r SET
          erp_status = COALESCE(NULLIF(u.status, ''), r.erp_status), erp_etag = u.etag, title = u.title,
          erp_synced_at = CASE WHEN u.error IS NULL THEN now() ELSE r.erp_synced_at END,
          erp_last_attempt_at = now(), erp_last_error = u.error
        FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::text[]) AS u(id, status, etag, title, error)
       WHERE r.id = u.id`,
      updates.map((u) => u.id), updates.map((u) => u.status), updates.map((u) => u.etag), updates.map((u) => u.title), updates.map((u) => u.error),
    );
    if (conflicts.length)
      await tx.$executeRawUnsafe(
        `INSERT INTO erp_sync_conflicts (requisition_id, field, local_value, erp_value)
         SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::text[])`,
        conflicts.map((c) => c.id), conflicts.map((c) => c.field), conflicts.map((c) => c.local.slice(0, 200)), conflicts.map((c) => c.erp.slice(0, 200)),
      );
  });
  return { pulled: updates.filter((u) => !u.error).length, conflicts: conflicts.length };
}
