// npm run bench:history-sites — the global change history read by a supervisor scoped to one of two
// plants (admin/history/visible-history.ts): each entry checked against its table's site rule by the
// database. Two plants of ASSETS assets and ORDERS orders each, every order of the first plant updated
// once; then, as the scoped supervisor: the first list page, a deep page, the count (all tables, and
// filtered to work orders), and the Excel export's id batches over all his entries. Printed with the
// same reads by an unscoped administrator for comparison. BENCH_EXPLAIN=1 (or =analyze) prints the plans
// of the count and the first page first; BENCH_EXPLAIN_ONLY=1 stops there.
import './support/fail-loudly.js';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { defineAbilitiesFor } from '../domain/access/abilities.js';
import { AUDITED_TABLES } from '../domain/history/audited-tables.js';
import { historyScopeOf, openHistoryWhere } from '../admin/history/visibility.js';
import { historyReader, visibleEntrySql } from '../admin/history/visible-history.js';
import { EXPORT_BATCH_ROWS } from '../admin/exports/stream-export.js';
import { applyMigrations } from '../prisma/migrate.js';
import { connectDatabase } from '../server/database.js';
import { freePort, startEmbeddedPostgres } from '../server/embedded-postgres.js';

const ASSETS = Number(process.env.BENCH_ASSETS ?? 20_000);
const ORDERS = Number(process.env.BENCH_ORDERS ?? 60_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

const dataDir = await mkdtemp(path.join(os.tmpdir(), 'cmms-bench-history-sites-'));
const postgres = await startEmbeddedPostgres({ dataDir, port: await freePort() });
const db = connectDatabase(postgres.url, { max: 4 });
try {
  await applyMigrations(db.pool);
  const category = await db.prisma.assetCategory.create({ data: { code: 'CAT', name: 'Bombas' } });
  const sites: { id: number; path: string }[] = [];
  for (const code of ['NORTE', 'SUR']) {
    const site = await db.prisma.location.create({ data: { code, name: `Planta ${code}` } });
    const room = await db.prisma.location.create({ data: { code: `${code}-SALA`, name: 'Sala', parentId: site.id } });
    await db.pool.query(
      `INSERT INTO assets (code, description, location_id, category_id)
       SELECT $1 || '-' || i, 'Bomba ' || i, $2, $3 FROM generate_series(1, $4) i`,
      [code, room.id, category.id, ASSETS],
    );
    await db.pool.query(
      `INSERT INTO work_orders (kind, asset_id, planned_on, description)
       SELECT 'CORRECTIVE', a.id, DATE '2026-11-20', 'Revisar ' || a.code
         FROM assets a, generate_series(1, $2) k WHERE a.location_id = $1 ORDER BY k, a.id LIMIT $3`,
      [room.id, Math.ceil(ORDERS / ASSETS), ORDERS],
    );
    sites.push({ id: site.id, path: (await db.prisma.location.findUniqueOrThrow({ where: { id: site.id } })).path });
  }
  await db.pool.query(`UPDATE work_orders SET priority = 'HIGH' WHERE asset_id IN (SELECT a.id FROM assets a JOIN locations l ON l.id = a.location_id WHERE l.path LIKE $1 || '%')`, [sites[0]!.path]);
  await db.pool.query('VACUUM ANALYZE');
  const entries = Number((await db.pool.query('SELECT count(*) FROM change_history')).rows[0].count);

  const profile = (groups: ('SUPERVISORS' | 'ADMINISTRATORS')[], sitePaths: string[]) =>
    defineAbilitiesFor({ userId: 1, groups, technicianId: null, sharedOrderIds: [], canReadHistory: true, approvalLimit: null, sitePaths });
  const scope = historyScopeOf(profile(['SUPERVISORS'], [sites[0]!.path]), AUDITED_TABLES)!;
  const everything = historyScopeOf(profile(['ADMINISTRATORS'], []), AUDITED_TABLES)!;
  const scoped = historyReader(db.prisma, scope);
  const admin = { allowed: openHistoryWhere(everything)!, rows: db.prisma.changeHistory };

  const reads = {
    'first page (25)': (r: Reader, allowed: object) => r.findMany({ where: allowed, orderBy: [{ id: 'desc' }], take: 25 }),
    'page 200 (25)': (r: Reader, allowed: object) => r.findMany({ where: allowed, orderBy: [{ id: 'desc' }], take: 25, skip: 199 * 25 }),
    'count, all tables': (r: Reader, allowed: object) => r.count({ where: allowed }),
    'count, work orders': (r: Reader, allowed: object) => r.count({ where: { AND: [allowed, { tableName: 'work_orders' }] } }),
    'export ids (keyset)': async (r: Reader, allowed: object) => {
      let after: bigint | undefined;
      let total = 0;
      for (;;) {
        const page = await r.findMany({ where: after === undefined ? allowed : { AND: [allowed, { id: { lt: after } }] }, orderBy: { id: 'desc' }, take: EXPORT_BATCH_ROWS, select: { id: true } });
        total += page.length;
        if (page.length < EXPORT_BATCH_ROWS) return total;
        after = page.at(-1)!.id as bigint;
      }
    },
  };
  if (process.env.BENCH_EXPLAIN) {
    for (const [label, tail] of [['count', ''], ['first page', ' ORDER BY h.id DESC LIMIT 25']] as const) {
      const values: unknown[] = [];
      const select = tail ? 'h.id' : 'count(*)';
      const sql = `EXPLAIN ${process.env.BENCH_EXPLAIN === 'analyze' ? '(ANALYZE, TIMING OFF)' : ''} SELECT ${select} FROM change_history_entries h WHERE ${visibleEntrySql(scope, values, tail ? 'per entry' : 'as sets')}${tail}`;
      const client = await db.pool.connect();
      try {
        await client.query(`SET statement_timeout = '120s'`);
        const plan = await client.query(sql, values);
        console.log(`\n${label}:\n${plan.rows.map((r) => r['QUERY PLAN']).join('\n')}`);
      } catch (error) {
        console.log(`\n${label}: ${String(error)}`);
      } finally {
        await client.query('RESET statement_timeout');
        client.release();
      }
    }
  }
  console.log(`history of ${entries} entries; two plants of ${ASSETS} assets and ${ORDERS} orders; median of ${RUNS} runs`);
  for (const [name, read] of Object.entries(process.env.BENCH_EXPLAIN_ONLY ? {} : reads)) {
    const scopedMs = await median(() => read(scoped as Reader, {}));
    const adminMs = await median(() => read(admin.rows as unknown as Reader, admin.allowed));
    const result = await read(scoped as Reader, {});
    console.log(`${name.padEnd(22)} scoped ${scopedMs.toFixed(1).padStart(8)} ms   administrator ${adminMs.toFixed(1).padStart(8)} ms   (scoped: ${Array.isArray(result) ? `${result.length} rows` : result})`);
  }
} finally {
  await db.close();
  await postgres.stop();
  await rm(dataDir, { recursive: true, force: true });
}

type Reader = { count(args: { where: object }): Promise<number>; findMany(args: object): Promise<Record<string, unknown>[]> };

async function median(run: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
}
