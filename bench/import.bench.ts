// npm run bench:import — bulk Excel import end to end: a 50 000-asset workbook uploaded over HTTP to a
// back office, worked by a separate worker process (npm run worker), timed until its ImportRun is done;
// against a row-by-row ORM upsert (the users' current way: one upsert per row through Prisma, history
// recorded) measured in the same run; then the worker's peak RSS after a 200 000-row file.
// Targets: >= 20 000 rows/s, >= 20x the baseline, <= 300 MB peak RSS.
// Issue 17 adds, in the same run: the floor (INSERT … SELECT of the same parsed rows into the real
// table, with its foreign keys, indexes and history, from a temporary table: what the machine needs to
// write them at all), the end to end against it (target <= 1.3x), and "Validar sin importar" of the
// same 50 000 rows against the import itself (target <= 0.5x). Three rounds of preview, import and floor,
// each with a workbook of its own new rows; medians printed, with each round's ratios. The floor is also
// measured on two connections at once (half the rows each): the import writes two batches at once.
import './support/fail-loudly.js';
import { randomBytes } from 'node:crypto';
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { actAs } from '../prisma/actor.js';
import { importDefinition } from '../domain/imports/definitions/index.js';
import { rowParser, type CandidateRow, type RowParser } from '../domain/imports/parse-row.js';
import { readSheetRows } from '../domain/imports/read-workbook.js';
import { locateHeader } from '../domain/imports/sheet-layout.js';
import { columnArrays, resolveReferences, upsertRows } from '../domain/imports/upsert-rows.js';
import { sqlTransactionAs } from '../domain/history/sql-transaction.js';
import { IMPORT_BATCH_SIZE } from '../jobs/import-workbook.job.js';
import { loadConfig } from '../server/config.js';
import { startBackOffice } from '../server/back-office.js';
import { freePort, startEmbeddedPostgres } from '../server/embedded-postgres.js';
import { HttpClient } from '../test/support/http-client.js';
import { aLargeWorkbook } from '../test/support/workbooks.js';

const ROWS = Number(process.env.BENCH_ROWS ?? 50_000);
const BASELINE_ROWS = Number(process.env.BENCH_BASELINE_ROWS ?? 5_000);
const RSS_ROWS = Number(process.env.BENCH_RSS_ROWS ?? 200_000);
/** Rounds of preview, import and floor, each with a workbook of new rows: the figures are their medians. */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const TARGET_RATE = 20_000;
const TARGET_RATIO = 20;
const TARGET_RSS_MB = 300;
const ADMIN = { email: 'bench@cmms.local', password: randomBytes(12).toString('base64url') }; // fresh each run
const HEADERS = ['Código', 'Descripción', 'Ubicación', 'Categoría', 'Estado', 'Criticidad', 'Fabricante', 'Modelo', 'Número de serie', 'Fecha de instalación'];
const ROOT = path.resolve(import.meta.dirname, '..');

const dir = await mkdtemp(path.join(os.tmpdir(), 'cmms-bench-import-'));
const pgDir = await mkdtemp(path.join(os.tmpdir(), 'cmms-bench-import-pg-'));
const postgres = await startEmbeddedPostgres({ dataDir: pgDir, port: await freePort() });
const config = loadConfig({
  NODE_ENV: 'test', DATABASE_URL: postgres.url, DATA_DIR: dir, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'silent',
  SESSION_SECRET: randomBytes(32).toString('base64url'), ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password,
  WORKERS_IN_PROCESS: 'false', IMPORT_MAX_ROWS: String(RSS_ROWS),
});
const office = await startBackOffice(config, pino({ level: 'silent' }));
const { prisma } = office.database;
// The same command as `npm run worker` (its heap cap keeps V8 from growing lazily into the RSS).
const worker = spawn(process.execPath, ['--max-old-space-size=256', '--max-semi-space-size=4', '--import', 'tsx', 'server/worker.ts'], {
  cwd: ROOT,
  env: { PATH: process.env.PATH, DATABASE_URL: postgres.url, DATA_DIR: dir, LOG_LEVEL: 'warn' },
  stdio: ['ignore', 'inherit', 'inherit'],
});

/** Peak resident memory of a process so far (Linux: VmHWM), in MB. */
async function peakRssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)![1]) / 1024;
}

/** Resident memory of a process now (Linux: VmRSS), in MB. */
async function rssNowMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) / 1024;
}

/** The worker's child processes (the sheet reader it keeps between imports). */
async function workerChildren(): Promise<number[]> {
  const tasks = await readdir(`/proc/${worker.pid}/task`);
  const children = await Promise.all(tasks.map((task) => readFile(`/proc/${worker.pid}/task/${task}/children`, 'utf8').catch(() => '')));
  return children.join(' ').split(/\s+/).filter(Boolean).map(Number);
}

async function aWorkbookOf(name: string, rows: number, prefix: string): Promise<string> {
  const file = path.join(dir, name);
  await aLargeWorkbook(file, HEADERS, rows, (i) => [
    `${prefix}-${String(i).padStart(6, '0')}`, `Bomba centrífuga ${i}`, `LOC-${i % 200}`, ['Bombas', 'Motores', 'Válvulas'][i % 3]!,
    'En servicio', ['A', 'B', 'C'][i % 3]!, 'KSB', 'Etanorm 50-200', `SN-${i}`, new Date(Date.UTC(2015 + (i % 10), i % 12, 1 + (i % 28))),
  ]);
  return file;
}

/** Upload to ImportRun done, over HTTP as a signed-in administrator (a preview: "Validar sin importar"). */
interface EndToEnd {
  ms: number;
  state: string;
  written: number;
  new: number;
  /** Where the time went: the upload's answer, the queue's pick-up (job started), the job itself. */
  uploadMs: number;
  pickUpMs: number;
  jobMs: number;
}

async function importEndToEnd(client: HttpClient, file: string, preview = false): Promise<EndToEnd> {
  const body = new Uint8Array(await readFile(file));
  const started = performance.now();
  const response = await client.json<{ id: number }>(`/admin/imports/assets?mode=VALID_ROWS&fileName=activos.xlsx&preview=${preview ? 1 : 0}`, {
    method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body,
  });
  if (response.status !== 202) throw new Error(`upload refused: ${response.status} ${JSON.stringify(response.body)}`);
  const uploadMs = performance.now() - started;
  for (;;) {
    const { body: status } = await client.json<{ finished: boolean; state: string; rowsWritten: number; rowsNew: number }>(`/admin/imports/runs/${response.body.id}/status`);
    if (status.finished) {
      const ms = performance.now() - started;
      const run = await prisma.importRun.findUniqueOrThrow({ where: { id: response.body.id } });
      const [created, begun, ended] = [run.createdAt, run.startedAt!, run.finishedAt!].map((d) => d.getTime());
      return { ms, state: status.state, written: status.rowsWritten, new: status.rowsNew, uploadMs, pickUpMs: begun! - created!, jobMs: ended! - begun! };
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The parts on their own, for what the machine allows: exceljs reading the file (no parsing of ours),
 * and the import's own SQL writing the already-parsed rows (no upload, queue or reading), in the same
 * batches and transactions as the worker, history on. The end-to-end rate cannot beat the slower. */
async function partsAlone(file: string): Promise<{ readMs: number; writeMs: number; floorMs: number; twoFloorMs: number }> {
  let started = performance.now();
  let count = 0;
  for await (const chunk of readSheetRows(file, { inProcess: true })) count += chunk.length;
  const readMs = performance.now() - started;
  const definition = importDefinition('assets')!;
  let parser: RowParser | undefined;
  const rows: CandidateRow[] = [];
  for await (const chunk of readSheetRows(file, { inProcess: true })) {
    if (!parser) parser = rowParser(definition, locateHeader(definition, chunk.slice(0, 10)), 'America/Tegucigalpa');
    for (const row of chunk) if (row.number > 1) rows.push(parser.parse(row));
  }
  for (const row of rows) row.values.code = `F${row.values.code as string}`; // new rows, as in the import measured
  const cache = new Map();
  const batches: CandidateRow[][] = [];
  for (let i = 0; i < rows.length; i += IMPORT_BATCH_SIZE) batches.push(rows.slice(i, i + IMPORT_BATCH_SIZE));
  started = performance.now();
  // Two batches at once, each in its own transaction, as the worker writes them.
  await Promise.all([0, 1].map(async (first) => {
    for (let i = first; i < batches.length; i += 2) {
      const batch = batches[i]!;
      await sqlTransactionAs(office.database.pool, { label: 'bench:writes-alone' }, async (db) => {
        await resolveReferences(db, definition, parser!, batch, { cache, earlierRows: new Set(), pendingId: null });
        const { inserted } = await upsertRows(db, definition, batch);
        if (inserted !== batch.length) throw new Error(`wrote ${inserted} of ${batch.length}`);
      });
    }
  }));
  const writeMs = performance.now() - started;
  if (count !== ROWS + 1) throw new Error(`read ${count} rows`);

  // The floor: the same parsed rows (references resolved, new codes) put into a temporary table
  // untimed, then one INSERT … SELECT into assets as an import would, history recorded. Then the same
  // on two connections at once, half the rows each: what the machine's two cores allow.
  for (const row of rows) row.values.code = `L${row.values.code as string}`;
  const floorMs = await insertSelect([rows]);
  for (const row of rows) row.values.code = `D${row.values.code as string}`;
  const twoFloorMs = await insertSelect([rows.slice(0, rows.length / 2), rows.slice(rows.length / 2)]);
  return { readMs, writeMs, floorMs, twoFloorMs };

  /** INSERT … SELECT of each part from its temporary table, on one connection per part, all at once. */
  async function insertSelect(parts: CandidateRow[][]): Promise<number> {
    const columns = definition.columns.map((c) => `"${c.sqlColumn}"`).join(', ');
    const types = { text: 'text', numeric: 'numeric', int: 'int', date: 'date', timestamptz: 'timestamptz', boolean: 'boolean', 'int[]': 'text' } as const;
    let ready!: () => void;
    const allReady = new Promise<void>((resolve) => (ready = resolve));
    let waiting = parts.length;
    const times = await Promise.all(parts.map((part) =>
      sqlTransactionAs(office.database.pool, { label: 'bench:floor' }, async (db) => {
        await db.$executeRawUnsafe(
          `CREATE TEMP TABLE floor_rows ON COMMIT DROP AS SELECT * FROM unnest(${definition.columns.map((c, i) => `$${i + 1}::${types[c.sqlType]}[]`).join(', ')}) AS i(${columns})`,
          ...columnArrays(definition, part),
        );
        await db.$executeRawUnsafe('ANALYZE floor_rows');
        if (--waiting === 0) ready();
        await allReady;
        const floorStarted = performance.now();
        const inserted = await db.$executeRawUnsafe(`INSERT INTO assets (${columns}) SELECT ${columns} FROM floor_rows`);
        if (inserted !== part.length) throw new Error(`the floor inserted ${inserted} of ${part.length}`);
        return [floorStarted, performance.now()] as const;
      })));
    return Math.max(...times.map((t) => t[1])) - Math.min(...times.map((t) => t[0]));
  }
}

/** The baseline: each row upserted on its own through the ORM, references looked up once and cached. */
async function rowByRow(file: string, limit: number): Promise<number> {
  const locations = new Map((await prisma.location.findMany()).map((l) => [l.code, l.id]));
  const categories = new Map((await prisma.assetCategory.findMany()).map((c) => [c.name, c.id]));
  const started = performance.now();
  let done = 0;
  await actAs({ label: 'bench:row-by-row' }, async () => {
    for await (const row of (async function* () {
      for await (const chunk of readSheetRows(file, { inProcess: true })) yield* chunk;
    })()) {
      if (row.number === 1) continue;
      const [, code, description, location, category, , criticality, manufacturer, model, serialNumber, installedOn] = row.values as string[];
      const data = {
        description: description!, locationId: locations.get(location!)!, categoryId: categories.get(category!)!, criticality: criticality!,
        manufacturer, model, serialNumber, installedOn: installedOn as unknown as Date,
      };
      await prisma.asset.upsert({ where: { code: `RB${code!}` }, create: { code: `RB${code!}`, ...data }, update: data });
      if (++done >= limit) break;
    }
  });
  return performance.now() - started;
}

const timeline = (run: EndToEnd) =>
  `upload ${(run.uploadMs / 1000).toFixed(2)} s, queue pick-up ${(run.pickUpMs / 1000).toFixed(2)} s, job ${(run.jobMs / 1000).toFixed(2)} s`;

try {
  await prisma.location.createMany({ data: Array.from({ length: 200 }, (_, i) => ({ code: `LOC-${i}`, name: `Ubicación ${i}` })) });
  await prisma.assetCategory.createMany({ data: ['Bombas', 'Motores', 'Válvulas'].map((name, i) => ({ code: `CAT-${i}`, name })) });
  const client = new HttpClient(office.url);
  await client.signIn(ADMIN.email, ADMIN.password);
  const files: string[] = [];
  for (let round = 0; round < ROUNDS; round++) files.push(await aWorkbookOf(`activos-50k-${round}.xlsx`, ROWS, `A${round}`));
  const file = files[0]!;
  const rssFile = await aWorkbookOf('activos-200k.xlsx', RSS_ROWS, 'R');
  // Warm-up: the worker's first job compiles and connects; a small file is not timed.
  await importEndToEnd(client, await aWorkbookOf('calentamiento.xlsx', 500, 'W'));
  const restingRss = await rssNowMb(worker.pid!);

  // Each round: the preview first, while every row of its file is still new (it compares them all), then
  // the import, then the parts alone and the floors, at the same size of the table.
  const rounds: { preview: EndToEnd; ours: EndToEnd; parts: Awaited<ReturnType<typeof partsAlone>> }[] = [];
  for (const roundFile of files) {
    const preview = await importEndToEnd(client, roundFile, true);
    if (preview.new !== ROWS || preview.written !== 0) throw new Error(`the preview counted ${preview.new} new rows and wrote ${preview.written} (${preview.state}: ${(await prisma.importRun.findFirst({ orderBy: { id: 'desc' } }))?.errorMessage})`);
    const ours = await importEndToEnd(client, roundFile);
    if (ours.written !== ROWS) throw new Error(`the import wrote ${ours.written} of ${ROWS} rows (${ours.state})`);
    rounds.push({ preview, ours, parts: await partsAlone(roundFile) });
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  /** The round whose end to end is the median (its timeline is printed). */
  const ours = [...rounds].sort((a, b) => a.ours.ms - b.ours.ms)[Math.floor(rounds.length / 2)]!.ours;
  const preview = [...rounds].sort((a, b) => a.preview.ms - b.preview.ms)[Math.floor(rounds.length / 2)]!.preview;
  const parts = {
    readMs: median(rounds.map((r) => r.parts.readMs)), writeMs: median(rounds.map((r) => r.parts.writeMs)),
    floorMs: median(rounds.map((r) => r.parts.floorMs)), twoFloorMs: median(rounds.map((r) => r.parts.twoFloorMs)),
  };
  const each = (ratio: (round: (typeof rounds)[number]) => number) => rounds.map((r) => ratio(r).toFixed(2)).join(', ');
  const baselineMs = await rowByRow(file, BASELINE_ROWS);
  const oursRate = ROWS / (ours.ms / 1000);
  const baselineRate = BASELINE_ROWS / (baselineMs / 1000);

  const big = await importEndToEnd(client, rssFile);
  if (big.written !== RSS_ROWS) throw new Error(`the 200k import wrote ${big.written} of ${RSS_ROWS} rows (${big.state}): ${JSON.stringify(await prisma.importRunError.findMany({ take: 3, orderBy: { id: 'desc' } }))}`);
  const rss = await peakRssMb(worker.pid!);
  const readerRss = (await Promise.all((await workerChildren()).map(peakRssMb))).reduce((a, b) => Math.max(a, b), 0);

  const line = (label: string, value: string, target: string, ok: boolean) => console.log(`${label.padEnd(46)} ${value.padStart(16)}   target ${target.padEnd(10)} ${ok ? 'ok' : 'MISSED'}`);
  console.log(`\nbench:import — ${ROWS} assets end to end (upload → ImportRun done), worker process, history on; medians of ${ROUNDS} rounds\n`);
  line('our import (rows/s)', `${Math.round(oursRate)}`, `>= ${TARGET_RATE}`, oursRate >= TARGET_RATE);
  console.log(`${'  50 000 rows end to end'.padEnd(46)} ${`${(ours.ms / 1000).toFixed(2)} s`.padStart(16)}   (${timeline(ours)})`);
  const rateOf = (ms: number) => `${Math.round(ROWS / (ms / 1000))} rows/s`;
  console.log(`${'  the parts alone: reading the file'.padEnd(46)} ${`${(parts.readMs / 1000).toFixed(2)} s`.padStart(16)}   (${rateOf(parts.readMs)})`);
  console.log(`${'  the parts alone: our SQL writing parsed rows'.padEnd(46)} ${`${(parts.writeMs / 1000).toFixed(2)} s`.padStart(16)}   (${rateOf(parts.writeMs)}; two batches at once; history, foreign keys, 8 indexes)`);
  console.log(`${'  the floor: INSERT … SELECT from a temp table'.padEnd(46)} ${`${(parts.floorMs / 1000).toFixed(2)} s`.padStart(16)}   (${rateOf(parts.floorMs)}; one statement, same table, history on)`);
  console.log(`${'  the same on two connections, half each'.padEnd(46)} ${`${(parts.twoFloorMs / 1000).toFixed(2)} s`.padStart(16)}   (${rateOf(parts.twoFloorMs)}; what two cores allow)`);
  line('end to end / floor', `${(ours.ms / parts.floorMs).toFixed(2)}x`, '<= 1.3x', ours.ms / parts.floorMs <= 1.3);
  console.log(`${'  each round'.padEnd(46)} ${each((r) => r.ours.ms / r.parts.floorMs).padStart(16)}`);
  line('  end to end / floor on two connections', `${(ours.ms / parts.twoFloorMs).toFixed(2)}x`, '', true);
  line('  our write path / floor on two connections', `${(parts.writeMs / parts.twoFloorMs).toFixed(2)}x`, '', true);
  line('"Validar sin importar" / import (50 000 rows)', `${(preview.ms / ours.ms).toFixed(2)}x`, '<= 0.5x', preview.ms / ours.ms <= 0.5);
  console.log(`${'  each round'.padEnd(46)} ${each((r) => r.preview.ms / r.ours.ms).padStart(16)}`);
  console.log(`${'  the preview end to end'.padEnd(46)} ${`${(preview.ms / 1000).toFixed(2)} s`.padStart(16)}   (${timeline(preview)})`);
  line(`row-by-row ORM upsert (rows/s, ${BASELINE_ROWS} rows)`, `${Math.round(baselineRate)}`, '', true);
  line('ratio ours / baseline', `${(oursRate / baselineRate).toFixed(1)}x`, `>= ${TARGET_RATIO}x`, oursRate / baselineRate >= TARGET_RATIO);
  console.log(`${`  ${RSS_ROWS} rows end to end`.padEnd(46)} ${`${(big.ms / 1000).toFixed(2)} s`.padStart(16)}   (${Math.round(RSS_ROWS / (big.ms / 1000))} rows/s)`);
  line(`worker peak RSS (MB), after ${RSS_ROWS} rows`, rss.toFixed(0), `<= ${TARGET_RSS_MB}`, rss <= TARGET_RSS_MB);
  // The sheet reader is a process of its own: its peak counts too, as if both peaked at once.
  line('  + its sheet reader process (MB)', `${(rss + readerRss).toFixed(0)}`, `<= ${TARGET_RSS_MB}`, rss + readerRss <= TARGET_RSS_MB);
  console.log(`${'  the reader alone (MB)'.padEnd(46)} ${readerRss.toFixed(0).padStart(16)}`);
  console.log(`${'  the worker at rest, after a 500-row import'.padEnd(46)} ${restingRss.toFixed(0).padStart(16)}`);
} catch (error) {
  console.error(error); // printed before the clean-up, which exits the process
  process.exitCode = 1;
} finally {
  worker.kill('SIGTERM');
  await new Promise((resolve) => worker.once('exit', resolve));
  await office.stop();
  await postgres.stop();
  await rm(dir, { recursive: true, force: true });
  await rm(pgDir, { recursive: true, force: true });
}
