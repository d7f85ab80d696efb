// What the demo seed's writers share: the one connection they write on (inside seedDemoPlant's
// transaction), and the sequence behind a table's id.
import type pg from 'pg';

export type Sql = pg.PoolClient;

export async function serialSequence(client: Sql, table: string): Promise<string> {
  const { rows } = await client.query<{ sequence: string }>(`SELECT pg_get_serial_sequence($1, 'id') AS sequence`, [table]);
  const sequence = rows[0]?.sequence;
  if (!sequence) throw new Error(`${table}.id has no sequence`);
  return sequence;
}
