// A fresh, migrated database per test file, cloned from the template the global setup prepared.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { connectDatabase, type Database } from '../../server/database.js';
import { TEMPLATE_DATABASE, withDatabase } from '../global-setup.js';

export interface TestDatabase extends Database {
  name: string;
  drop(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = inject('serverUrl');
  const name = `cmms_test_${randomBytes(6).toString('hex')}`;
  await withAdminClient(serverUrl, (client) => client.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DATABASE}`));
  return droppable(connectDatabase(withDatabase(serverUrl, name), { max: 10 }), name, async () => {
    await withAdminClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  });
}

/** A connected test database that `drop()` closes and then removes (once, however often it is called). */
export function droppable(database: Database, name: string, remove: () => Promise<unknown>): TestDatabase {
  let dropped = false;
  return {
    ...database,
    name,
    drop: async () => {
      if (dropped) return;
      dropped = true;
      await database.close();
      await remove();
    },
  };
}

async function withAdminClient<T>(serverUrl: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}
