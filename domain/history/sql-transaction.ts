// A transaction on a plain pg connection whose writes the change history records as the actor's, for
// the bulk paths (Excel imports) that send a few large set-based statements. Prisma's interactive
// transaction costs a round trip through its engine per statement and serializes every parameter array
// itself; for a 2 000-row batch that was a quarter of the import's time. The history triggers read the
// same transaction settings either way (actorSettings), so the record is the same.
import type pg from 'pg';
import { actorSettings, type Actor } from '../../prisma/actor.js';

/** The two raw-query calls the import's SQL uses, as Prisma's client and transactions also offer them. */
export interface SqlRunner {
  $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number>;
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
}

export function sqlRunnerOf(client: pg.ClientBase): SqlRunner {
  return {
    $executeRawUnsafe: async (query, ...values) => (await client.query(query, values)).rowCount ?? 0,
    $queryRawUnsafe: async <T>(query: string, ...values: unknown[]) => (await client.query(query, values)).rows as T,
  };
}

/** Runs `work` in one transaction on its own connection, the actor set first; rolls back if it throws. */
export async function sqlTransactionAs<T>(pool: pg.Pool, actor: Actor, work: (db: SqlRunner) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined; // a connection that cannot even roll back is closed, not reused
  try {
    await client.query('BEGIN');
    const settings = actorSettings(actor);
    await client.query(
      `SELECT ${settings.map((_, i) => `set_config($${2 * i + 1}, $${2 * i + 2}, true)`).join(', ')}`,
      settings.flat(),
    );
    const result = await work(sqlRunnerOf(client));
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch((rollbackError: Error) => {
      broken = rollbackError;
    });
    throw error;
  } finally {
    client.release(broken);
  }
}
