// One run of the SIG scrape: read the open tickets page by page, create those we do not have yet (at
// most `limit` per run, the rest in the next runs), and record the run. The ticket number is a unique
// key and rows are inserted with ON CONFLICT DO NOTHING, so two overlapping runs never duplicate one:
// the second counts it as skipped. A failure is recorded with its named reason, never as "0 new".
import type { Prisma } from '@prisma/client';
import type { SigClient } from '../../integrations/sig/sig-client.js';
import { SigError } from '../../integrations/sig/sig-error.js';
import type { SigTicketRow } from '../../integrations/sig/sig-pages.js';
import type { Db } from '../../prisma/client.js';
import { parseSigDate } from './plant-time.js';
import { ticketPriorityOf, ticketTypeOf } from './sig-ticket-values.js';

/** New tickets one run creates at most (the current system's limit). */
export const SIG_SYNC_LIMIT = 100;

export type SigSyncRunRecord = Prisma.SigSyncRunGetPayload<object>;

function ticketOf(row: SigTicketRow, timeZone: string, now: Date): Prisma.TicketCreateManyInput {
  return {
    number: row.number.slice(0, 40),
    source: 'SIG',
    type: ticketTypeOf(row.type),
    priority: ticketPriorityOf(row.priority),
    description: row.description || '(sin descripción en el SIG)',
    requester: (row.requester || '(sin solicitante en el SIG)').slice(0, 150),
    callerAddress: row.address ? row.address.slice(0, 300) : null,
    reportedAt: parseSigDate(row.reportedAt, timeZone) ?? now,
    sigRow: row.raw,
  };
}

export async function syncSigTickets(
  db: Db,
  client: SigClient,
  options: { timeZone: string; limit?: number; now?: () => Date },
): Promise<SigSyncRunRecord> {
  const limit = options.limit ?? SIG_SYNC_LIMIT;
  const now = options.now ?? (() => new Date());
  const run = await db.sigSyncRun.create({ data: { startedAt: now() } });
  const counts = { pagesRead: 0, found: 0, created: 0, skipped: 0 };
  try {
    for await (const page of client.openTicketPages()) {
      counts.pagesRead++;
      const numbers = page.rows.map((row) => row.number.slice(0, 40));
      const known = new Set(
        (await db.ticket.findMany({ where: { number: { in: numbers } }, select: { number: true } })).map((t) => t.number),
      );
      const fresh: SigTicketRow[] = [];
      for (const row of page.rows) {
        if (counts.created + fresh.length >= limit) break;
        counts.found++;
        if (known.has(row.number.slice(0, 40)) || fresh.some((f) => f.number === row.number)) counts.skipped++;
        else fresh.push(row);
      }
      if (fresh.length > 0) {
        // Another run may have taken some of them since we looked: ON CONFLICT DO NOTHING, counted as skipped.
        const { count } = await db.ticket.createMany({ data: fresh.map((row) => ticketOf(row, options.timeZone, now())), skipDuplicates: true });
        counts.created += count;
        counts.skipped += fresh.length - count;
      }
      if (counts.created >= limit) break;
    }
    return await db.sigSyncRun.update({ where: { id: run.id }, data: { ...counts, state: 'SUCCEEDED', finishedAt: now() } });
  } catch (error) {
    const failure =
      error instanceof SigError
        ? { errorCode: error.code, errorValues: error.values }
        : { errorCode: 'sigUnexpected', errorValues: { message: String((error as Error).message ?? error).slice(0, 300) } };
    return db.sigSyncRun.update({ where: { id: run.id }, data: { ...counts, ...failure, state: 'FAILED', finishedAt: now() } });
  }
}
