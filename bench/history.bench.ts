// npm run bench:history — what recording change history costs, measured with history on and with
// history off (its triggers disabled) in the same run, alternating which side goes first:
//   - a 50 000-row import written by the import's own writer (upsertRows in batches of
//     IMPORT_BATCH_SIZE, each batch one transaction with the importer as actor, as the worker writes
//     them after parsing), first as new rows, then re-imported with every description changed;
//   - the same as a narrow five-column upsert in batches of 1 000 (less work per row besides history,
//     so history weighs more: shown for comparison);
//   - single-record saves through our Prisma client.
// Each import starts from the same state: an empty, vacuumed table and a checkpoint.
import './support/fail-loudly.js';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { actAs } from '../prisma/actor.js';
import { sqlTransactionAs } from '../domain/history/sql-transaction.js';
import { importDefinition } from '../domain/imports/definitions/index.js';
import type { CandidateRow } from '../domain/imports/parse-row.js';
import { upsertRows } from '../domain/imports/upsert-rows.js';
import { IMPORT_BATCH_SIZE } from '../jobs/import-workbook.job.js';
import { applyMigrations } from '../prisma/migrate.js';
import { connectDatabase } from '../server/database.js';
import { freePort, startEmbeddedPostgres } from '../server/embedded-postgres.js';

const ROWS = Number(process.env.BENCH_ROWS ?? 50_000);
const NARROW_BATCH = 1_000;
const SAVES = Number(process.env.BENCH_SAVES ?? 500);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const TARGET_BULK_RATIO = 1.3;
const HISTORY_TRIGGERS = ['history_insert', 'history_update', 'history_delete'];

const dataDir = await mkdtemp(path.join(os.tmpdir(), 'cmms-bench-history-'));
const postgres = await startEmbeddedPostgres({ dataDir, port: await freePort() });
const db = connectDatabase(postgres.url, { max: 4 });
await applyMigrations(db.pool);
const locations = await Promise.all(
  Array.from({ length: 200 }, (_, i) => db.prisma.location.create({ data: { code: `LOC-${i}`, name: `Ubicación ${i}` } })),
);
const categories = await Promise.all(
  ['Bombas', 'Motores', 'Válvulas'].map((name, i) => db.prisma.assetCategory.create({ data: { code: `CAT-${i}`, name } })),
);
const assets = importDefinition('assets')!;
// The bulk writes go through one connection, so one PostgreSQL backend does all their work and its CPU
// time (from /proc) can be read beside the wall clock: steadier than wall time on a shared machine,
// though it leaves out waiting for the disk.
const writer = new pg.Pool({ connectionString: postgres.url, max: 1 });
const backendPid = Number((await writer.query('SELECT pg_backend_pid() AS pid')).rows[0].pid);
async function backendCpuMs(): Promise<number> {
  const fields = (await readFile(`/proc/${backendPid}/stat`, 'utf8')).split(') ')[1]!.split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, in ticks of 1/100 s
}

async function setHistory(on: boolean) {
  for (const trigger of HISTORY_TRIGGERS) await db.pool.query(`ALTER TABLE assets ${on ? 'ENABLE' : 'DISABLE'} TRIGGER ${trigger}`);
}

async function freshStart(emptyTable: boolean, history: boolean) {
  if (emptyTable) {
    await setHistory(false);
    await db.pool.query('DELETE FROM assets');
  }
  await db.pool.query('VACUUM assets');
  await db.pool.query('CHECKPOINT');
  await setHistory(history);
}

/** The rows as the import's parser hands them to the writer: typed values, references resolved. */
function parsedRows(run: number): CandidateRow[] {
  return Array.from({ length: ROWS }, (_, i) => ({
    rowNumber: i + 2,
    key: JSON.stringify([`a-${i}`]),
    errors: [],
    values: {
      code: `A-${String(i).padStart(6, '0')}`,
      description: `Bomba centrífuga ${i} (carga ${run})`,
      location: locations[i % locations.length]!.id,
      category: categories[i % categories.length]!.id,
      status: 'IN_SERVICE',
      criticality: ['A', 'B', 'C'][i % 3],
      manufacturer: 'KSB',
      model: 'Etanorm 50-200',
      serialNumber: `SN-${i}`,
      installedOn: new Date(Date.UTC(2015 + (i % 10), i % 12, 1 + (i % 28))),
      parentAsset: null,
    },
  }));
}

interface Timing { wallMs: number; cpuMs: number }

async function timed(work: () => Promise<void>): Promise<Timing> {
  const [wall, cpu] = [performance.now(), await backendCpuMs()];
  await work();
  return { wallMs: performance.now() - wall, cpuMs: (await backendCpuMs()) - cpu };
}

/** The import's writer: one transaction per batch, the importer as actor (history on or off alike). */
function importWriter(rows: CandidateRow[]): Promise<Timing> {
  return timed(async () => {
    for (let offset = 0; offset < rows.length; offset += IMPORT_BATCH_SIZE) {
      const batch = rows.slice(offset, offset + IMPORT_BATCH_SIZE);
      const { inserted, updated } = await sqlTransactionAs(writer, { label: 'import:bench' }, (tx) => upsertRows(tx, assets, batch));
      const written = inserted + updated;
      if (written !== batch.length) throw new Error(`wrote ${written} of ${batch.length}`);
    }
  });
}

/** A narrow upsert: three columns from the file plus two references, batches of 1 000. */
function narrowUpsert(run: number): Promise<Timing> {
  return timed(async () => {
    for (let offset = 0; offset < ROWS; offset += NARROW_BATCH) {
      const rows = Array.from({ length: Math.min(NARROW_BATCH, ROWS - offset) }, (_, i) => ({
        code: `N-${offset + i}`,
        description: `Bomba centrífuga ${offset + i} (carga ${run})`,
        criticality: ['A', 'B', 'C'][(offset + i) % 3],
      }));
      await sqlTransactionAs(writer, { label: 'import:bench' }, (tx) =>
        tx.$executeRawUnsafe(
          `INSERT INTO assets (code, description, criticality, location_id, category_id)
           SELECT r.code, r.description, r.criticality, $2, $3 FROM jsonb_to_recordset($1::jsonb) AS r(code text, description text, criticality text)
           ON CONFLICT (code) DO UPDATE SET description = EXCLUDED.description, criticality = EXCLUDED.criticality`,
          JSON.stringify(rows), locations[0]!.id, categories[0]!.id,
        ),
      );
    }
  });
}

/** Single saves as the back office makes them: one update each, through our Prisma client. */
async function saveOneByOne(history: boolean): Promise<number> {
  const ids = await db.prisma.asset.findMany({ take: SAVES, orderBy: { id: 'asc' }, select: { id: true } });
  const started = performance.now();
  const save = async (id: number, i: number) => db.prisma.asset.update({ where: { id }, data: { manufacturer: `Fabricante ${i}-${Date.now()}` } });
  if (history) await actAs({ userId: 1, label: 'user:bench@cmms.local', requestId: 'bench', ip: '127.0.0.1' }, async () => {
    for (const [i, { id }] of ids.entries()) await save(id, i);
  });
  else for (const [i, { id }] of ids.entries()) await save(id, i);
  return performance.now() - started;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const bulk = ['insert', 'update', 'narrowInsert', 'narrowUpdate'] as const;
type Bulk = (typeof bulk)[number];
type Side = Record<Bulk, Timing[]> & { saves: number[] };
const emptySide = (): Side => ({ insert: [], update: [], narrowInsert: [], narrowUpdate: [], saves: [] });
const timings = { off: emptySide(), on: emptySide() };
try {
  for (let run = 0; run < RUNS; run++) {
    for (const history of run % 2 ? [true, false] : [false, true]) {
      const side = timings[history ? 'on' : 'off'];
      await freshStart(true, history);
      side.insert.push(await importWriter(parsedRows(0))); // 50 000 new rows
      await freshStart(false, history);
      side.update.push(await importWriter(parsedRows(run + 1))); // the same rows, every description changed
      side.saves.push(await saveOneByOne(history));
      await freshStart(true, history);
      side.narrowInsert.push(await narrowUpsert(0));
      await freshStart(false, history);
      side.narrowUpdate.push(await narrowUpsert(run + 1));
    }
  }
  await setHistory(true);
  const entries = Number((await db.pool.query(`SELECT count(*) FROM change_history WHERE table_name = 'assets'`)).rows[0].count);
  const rate = (ms: number) => `${Math.round(ROWS / (ms / 1000)).toLocaleString('en-US')} rows/s`;
  // The ratio of each run's pair (on and off measured back to back, so both see the same machine),
  // then the median over the runs: steadier on a shared machine than a ratio of two medians.
  const pairedRatios = (measure: Bulk, of: keyof Timing) => timings.on[measure].map((on, i) => on[of] / timings.off[measure][i]![of]);
  const ratioOf = (measure: Bulk, of: keyof Timing = 'wallMs') => median(pairedRatios(measure, of));
  const line = (label: string, measure: Bulk) => {
    const [off, on] = [median(timings.off[measure].map((t) => t.wallMs)), median(timings.on[measure].map((t) => t.wallMs))];
    const ratios = pairedRatios(measure, 'wallMs');
    console.log(`${label.padEnd(40)} off ${(off / 1000).toFixed(2)} s (${rate(off)})  on ${(on / 1000).toFixed(2)} s (${rate(on)})  ratio ${ratioOf(measure).toFixed(2)}x (runs ${Math.min(...ratios).toFixed(2)}-${Math.max(...ratios).toFixed(2)}); PostgreSQL CPU ${ratioOf(measure, 'cpuMs').toFixed(2)}x`);
  };
  console.log(`\nChange-history overhead (${RUNS} runs each side, medians; ${entries.toLocaleString('en-US')} history entries written)`);
  line(`import writer, ${ROWS.toLocaleString('en-US')} new rows:`, 'insert');
  line(`import writer, re-import changing all:`, 'update');
  line(`narrow 5-column upsert, new rows:`, 'narrowInsert');
  line(`narrow 5-column upsert, changing all:`, 'narrowUpdate');
  const saves = timings.on.saves.map((on, i) => on / timings.off.saves[i]!);
  console.log(`${`${SAVES} single saves through Prisma:`.padEnd(40)} off ${(median(timings.off.saves) / SAVES).toFixed(2)} ms/save  on ${(median(timings.on.saves) / SAVES).toFixed(2)} ms/save  ratio ${median(saves).toFixed(2)}x`);
  console.log('(ratio: the median over the runs of on/off measured back to back; PostgreSQL CPU: the same for the writing backend\'s CPU time)');
  const bulkRatio = Math.max(ratioOf('insert'), ratioOf('update'));
  console.log(`target: import ratio (the worse of new rows and re-import) <= ${TARGET_BULK_RATIO}x -> ${bulkRatio.toFixed(2)}x ${bulkRatio <= TARGET_BULK_RATIO ? 'met' : 'NOT met'}\n`);
} finally {
  await writer.end();
  await db.close();
  await postgres.stop();
  await rm(dataDir, { recursive: true, force: true });
}
