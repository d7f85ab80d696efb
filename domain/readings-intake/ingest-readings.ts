// Storing a checked batch of readings from an outside system (issue 25), set-based: the points resolved by
// code in one query, then one INSERT … SELECT FROM unnest(…) ON CONFLICT (point, moment) DO NOTHING, so a
// batch sent again (a retry after a lost answer) stores nothing twice and a batch of 10 000 is a handful
// of statements, not 10 000. Everything the readings trigger does follows from that one statement: the
// condition requests of excursions (cmms_open_condition_requests sees exactly the rows inserted) and the
// change history, whose entries carry the system's name as their author ("integration:SCADA Norte").
//
// Good rows are stored and bad ones listed (row, point, field, why), rather than all or nothing: a SCADA
// batch mixes hundreds of tags, and one tag renamed in the historian must not hold back every other
// reading; the sender gets the list and re-sends only those rows (re-sending all is harmless too).
import type pg from 'pg';
import type { Actor } from '../../prisma/actor.js';
import { sqlTransactionAs } from '../history/sql-transaction.js';
import type { ParsedBatch, RowError } from './parse-readings.js';

export interface IntakeOutcome {
  received: number;
  /** Rows written now. */
  stored: number;
  /** Good rows whose point already had a reading at that moment (an earlier batch): left as they were. */
  alreadyStored: number;
  rejected: number;
  errors: RowError[];
}

/** The author of a system's writes in the change history. */
export const systemActor = (name: string, requestId?: string, ip?: string): Actor => ({ label: `integration:${name}`, requestId, ip });

export async function ingestReadings(pool: pg.Pool, actor: Actor, batch: ParsedBatch, options: { timeZone: string; source?: 'SCADA' }): Promise<IntakeOutcome> {
  const codes = [...new Set(batch.readings.map((r) => r.point))];
  const { rows: points } = await pool.query<{ id: number; code: string }>('SELECT id, code FROM measurement_points WHERE code = ANY($1::text[])', [codes]);
  const idOf = new Map(points.map((p) => [p.code, p.id]));
  const errors = [...batch.errors];
  const known = batch.readings.filter((reading) => {
    if (idOf.has(reading.point)) return true;
    errors.push({ row: reading.row, point: reading.point, field: 'point', code: 'unknownPoint' });
    return false;
  });
  errors.sort((a, b) => a.row - b.row);
  let stored = 0;
  if (known.length > 0)
    stored = await sqlTransactionAs(pool, actor, (db) =>
      // Local moments become instants in the plant's zone here, in PostgreSQL, which knows its DST rules.
      db.$executeRawUnsafe(
        `INSERT INTO readings (measurement_point_id, taken_at, value, source)
         SELECT i.point_id, CASE WHEN i.has_offset THEN i.taken::timestamptz ELSE i.taken::timestamp AT TIME ZONE $5 END, i.value, $6
           FROM unnest($1::int[], $2::text[], $3::boolean[], $4::numeric[]) AS i(point_id, taken, has_offset, value)
          ORDER BY 1, 2
         ON CONFLICT (measurement_point_id, taken_at) DO NOTHING`,
        known.map((r) => idOf.get(r.point)!),
        known.map((r) => r.takenAt),
        known.map((r) => r.hasOffset),
        known.map((r) => r.value),
        options.timeZone,
        options.source ?? 'SCADA',
      ),
    );
  return { received: batch.received, stored, alreadyStored: known.length - stored, rejected: errors.length, errors };
}
