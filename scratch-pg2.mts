import pg from 'pg';
import { readFileSync } from 'node:fs';
import { freePort, startEmbeddedPostgres } from './server/embedded-postgres.js';
const dataDir = process.argv[2]!;
const postgres = await startEmbeddedPostgres({ dataDir, port: await freePort() });
const pool = new pg.Pool({ connectionString: postgres.url, max: 1 });
const insertSql = readFileSync('/tmp/vg/f_ins_on.sql', 'utf8').split(/;\n\n/).find((s) => s.startsWith('INSERT INTO assets'))!;
const set = async (on: boolean) => { for (const t of ['history_insert', 'history_update']) await pool.query(`ALTER TABLE assets ${on ? 'ENABLE' : 'DISABLE'} TRIGGER ${t}`); };
try {
  for (let run = 0; run < 6; run++) {
    for (const on of run % 2 ? [true, false] : [false, true]) {
      await pool.query('ALTER TABLE assets DISABLE TRIGGER history_delete'); await pool.query('DELETE FROM assets'); await pool.query('VACUUM assets'); await pool.query('CHECKPOINT');
      await set(on);
      const r = await pool.query(`EXPLAIN (ANALYZE, BUFFERS, WAL) ${insertSql}`);
      const lines = r.rows.map((x) => x['QUERY PLAN'] as string);
      console.log(on ? 'on ' : 'off', lines.filter((l) => /Trigger|Execution Time|WAL:/.test(l) && !/RI_Constraint/.test(l)).map((l) => l.trim()).join(' | '));
    }
  }
} finally { await pool.end(); await postgres.stop(); }
