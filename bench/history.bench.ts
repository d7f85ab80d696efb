// npm run bench:history — what recording change history costs: a 50 000-row import of new rows and a
// re-import changing all of them (upserted in batches of 1 000, as the import pipeline writes), and
// single-record saves through our Prisma client, each measured with history on and with history off
// (its triggers disabled) in the same run.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type pg from 'pg';
import { actAs } from '../domain/history/actor.js';
import { applyMigrations } from '../prisma/migrate.js';
import { connectDatabase } from '../server/database.js';
import { freePort, startEmbeddedPostgres } from '../server/embedded-postgres.js';

const ROWS = Number(process.env.BENCH_ROWS ?? 50_000);
const BATCH = 1_000;
const SAVES = Number(process.env.BENCH_SAVES ?? 500);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const TARGET_BULK_RATIO = 1.3;
const HISTORY_TRIGGERS = ['history_insert', 'history_update', 'history_delete'];

const dataDir = await mkdtemp(path.join(os.tmpdir(), 'cmms-bench-history-'));
const postgres = await startEmbeddedPostgres({ dataDir, port: await freePort() });
const db = connectDatabase(postgres.url, { max: 4 });
await applyMigrations(db.pool);
const location = await db.prisma.location.create({ data: { code: 'BENCH', name: 'Planta de pruebas' } });
const category = await db.prisma.assetCategory.create({ data: { code: 'BENCH', name: 'Bombas' } });

async function setHistory(on: boolean) {
  for (const trigger of HISTORY_TRIGGERS) await db.pool.query(`ALTER TABLE assets ${on ? 'ENABLE' : 'DISABLE'} TRIGGER ${trigger}`);
}

/** One import: 50 batches of 1 000 rows upserted by code, each batch in its own transaction. */
async function importAssets(pool: pg.Pool, run: number, history: boolean): Promise<number> {
  const started = performance.now();
  for (let offset = 0; offset < ROWS; offset += BATCH) {
    const rows = Array.from({ length: Math.min(BATCH, ROWS - offset) }, (_, i) => ({
      code: `IMP-${offset + i}`,
      description: `Bomba centrífuga ${offset + i} (corrida ${run})`,
      criticality: ['A', 'B', 'C'][(offset + i) % 3],
    }));
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      if (history) await client.query(`SELECT set_config('cmms.actor_label', 'import:bench', true)`);
      await client.query(
        `INSERT INTO assets (code, description, criticality, location_id, category_id)
         SELECT r.code, r.description, r.criticality, $2, $3 FROM jsonb_to_recordset($1::jsonb) AS r(code text, description text, criticality text)
         ON CONFLICT (code) DO UPDATE SET description = EXCLUDED.description, criticality = EXCLUDED.criticality`,
        [JSON.stringify(rows), location.id, category.id],
      );
      await client.query('COMMIT');
    } finally {
      client.release();
    }
  }
  return performance.now() - started;
}

/** Single saves as the back office makes them: one update each, through our Prisma client. */
async function saveOneByOne(history: boolean): Promise<number> {
  const assets = await db.prisma.asset.findMany({ take: SAVES, orderBy: { id: 'asc' }, select: { id: true } });
  const started = performance.now();
  const save = async (id: number, i: number) => db.prisma.asset.update({ where: { id }, data: { manufacturer: `Fabricante ${i}-${Date.now()}` } });
  if (history) await actAs({ userId: 1, label: 'user:bench@cmms.local', requestId: 'bench', ip: '127.0.0.1' }, async () => {
    for (const [i, { id }] of assets.entries()) await save(id, i);
  });
  else for (const [i, { id }] of assets.entries()) await save(id, i);
  return performance.now() - started;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
type Side = { insert: number[]; update: number[]; saves: number[] };
const timings: Record<'off' | 'on', Side> = { off: { insert: [], update: [], saves: [] }, on: { insert: [], update: [], saves: [] } };
// Each import starts from the same state: an empty, vacuumed table (emptied with history off) and a
// checkpoint, so neither side inherits the other's dead rows or pending writes.
async function freshStart(emptyTable: boolean, history: boolean) {
  if (emptyTable) {
    await setHistory(false);
    await db.pool.query('DELETE FROM assets');
  }
  await db.pool.query('VACUUM assets');
  await db.pool.query('CHECKPOINT');
  await setHistory(history);
}
try {
  for (let run = 0; run < RUNS; run++) {
    // Alternate the order so warm-up effects fall on both sides.
    for (const history of run % 2 ? [true, false] : [false, true]) {
      const side = timings[history ? 'on' : 'off'];
      await freshStart(true, history);
      side.insert.push(await importAssets(db.pool, 0, history)); // 50 000 new rows
      await freshStart(false, history);
      side.update.push(await importAssets(db.pool, run + 1, history)); // the same rows, every description changed
      side.saves.push(await saveOneByOne(history));
    }
  }
  await setHistory(true);
  const entries = Number((await db.pool.query(`SELECT count(*) FROM change_history WHERE table_name = 'assets'`)).rows[0].count);
  const rate = (ms: number) => `${Math.round(ROWS / (ms / 1000)).toLocaleString('en-US')} rows/s`;
  const line = (label: string, off: number, on: number) =>
    console.log(`${label.padEnd(34)} history off ${(off / 1000).toFixed(2)} s (${rate(off)})   on ${(on / 1000).toFixed(2)} s (${rate(on)})   ratio ${(on / off).toFixed(2)}x`);
  const insertOff = median(timings.off.insert), insertOn = median(timings.on.insert);
  const updateOff = median(timings.off.update), updateOn = median(timings.on.update);
  const bulkRatio = Math.max(insertOn / insertOff, updateOn / updateOff);
  const savesRatio = median(timings.on.saves) / median(timings.off.saves);
  console.log(`\nChange-history overhead (${RUNS} runs each, medians; ${entries.toLocaleString('en-US')} history entries written)`);
  line(`import of ${ROWS.toLocaleString('en-US')} new rows:`, insertOff, insertOn);
  line(`re-import changing all of them:`, updateOff, updateOn);
  console.log(`${`${SAVES} single saves through Prisma:`.padEnd(34)} history off ${(median(timings.off.saves) / SAVES).toFixed(2)} ms/save   on ${(median(timings.on.saves) / SAVES).toFixed(2)} ms/save   ratio ${savesRatio.toFixed(2)}x`);
  console.log(`target: bulk ratio (the worse of the two imports) <= ${TARGET_BULK_RATIO}x -> ${bulkRatio.toFixed(2)}x ${bulkRatio <= TARGET_BULK_RATIO ? 'met' : 'NOT met'}\n`);
} finally {
  await db.close();
  await postgres.stop();
  await rm(dataDir, { recursive: true, force: true });
}
