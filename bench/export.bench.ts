// npm run bench:export — "Exportar a Excel" of a filtered work-order list on the demo plant (50 000
// assets, 250 000 orders): a filter holding ~200 000 orders, downloaded over HTTP as a signed-in
// supervisor (his list's filter, rules, joins, labels, the whole .xlsx read by the client), against the
// machine's floor measured in the same run: exceljs's streaming writer writing the same cells from
// memory (no database, no HTTP), with the same shared column styles ours uses. Also the naive use of
// that writer (a style per cell), and the web process's memory growth during an export.
// Target (issue 17): at least 5x faster than the 31.6 s the old export took, i.e. <= 6.3 s.
import './support/fail-loudly.js';
import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Writable } from 'node:stream';
import { Filter, populator, type ActionContext, type BaseRecord } from 'adminjs';
import ExcelJS from 'exceljs';
import { pino } from 'pino';
import { createAdmin } from '../admin/admin.js';
import { joinedRowsReader } from '../admin/exports/joined-rows.js';
import { listSheet } from '../admin/exports/list-sheet.js';
import { writeWorkbook } from '../admin/exports/stream-export.js';
import { loadCurrentUser } from '../domain/access/current-user.js';
import { setUserPassword } from '../domain/users/password.js';
import { applyMigrations } from '../prisma/migrate.js';
import { seedDemoPlant } from '../prisma/seed/demo.js';
import { startBackOffice } from '../server/back-office.js';
import { loadConfig } from '../server/config.js';
import { connectDatabase } from '../server/database.js';
import { freePort, startEmbeddedPostgres } from '../server/embedded-postgres.js';
import { HttpClient } from '../test/support/http-client.js';

const ASSETS = Number(process.env.BENCH_ASSETS ?? 50_000);
const ORDERS = Number(process.env.BENCH_ORDERS ?? 250_000);
const EXPORT_ROWS = Number(process.env.BENCH_EXPORT_ROWS ?? 200_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
// The export this module replaced, measured once in the same run (set 0 to skip it: it takes a minute).
const OLD_RUNS = Number(process.env.BENCH_OLD_RUNS ?? 1);
const OLD_EXPORT_S = 31.6; // the export before this module, measured on the same plant (issue 16/17)
const TARGET_SPEEDUP = 5;
const ADMIN = { email: 'bench@cmms.local', password: randomBytes(12).toString('base64url') };

// A plant of its own, kept between runs so the seed (~45 s) is paid once.
const dataDir = path.resolve('.data/bench-export');
await mkdir(dataDir, { recursive: true });
const embedded = process.env.BENCH_DATABASE_URL ? undefined : await startEmbeddedPostgres({ dataDir, port: await freePort() });
const databaseUrl = process.env.BENCH_DATABASE_URL ?? embedded!.url;
const db = connectDatabase(databaseUrl);
await applyMigrations(db.pool);
const counts = (await db.pool.query<{ assets: number; orders: number }>('SELECT (SELECT count(*) FROM assets)::int AS assets, (SELECT count(*) FROM work_orders)::int AS orders')).rows[0]!;
if (counts.assets !== ASSETS || counts.orders !== ORDERS) {
  console.log(`Seeding the demo plant (${ASSETS} assets, ${ORDERS} work orders)...`);
  await seedDemoPlant(db.pool, { assets: ASSETS, orders: ORDERS, reset: true });
}
// The filter: orders planned from the day that leaves ~EXPORT_ROWS of them (the list's date filter).
const from = (await db.pool.query<{ day: string }>(`SELECT planned_on::text AS day FROM work_orders ORDER BY planned_on DESC OFFSET $1 LIMIT 1`, [EXPORT_ROWS - 1])).rows[0]!.day;
const rows = (await db.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM work_orders WHERE planned_on >= $1`, [from])).rows[0]!.n;

const config = loadConfig({
  DATABASE_URL: databaseUrl, DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'silent', WORKERS_IN_PROCESS: 'false',
  SESSION_SECRET: randomBytes(32).toString('base64url'), ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password,
});
const office = await startBackOffice(config, pino({ level: 'silent' }));
const benchAdmin = await db.prisma.user.findUnique({ where: { email: ADMIN.email } });
if (!benchAdmin) throw new Error(`${ADMIN.email} is missing: this database has another administrator; use a fresh .data/bench-export`);
await setUserPassword(db.prisma, benchAdmin.id, ADMIN.password);
// A supervisor exports: the group that filters and exports work orders day to day.
const supervisors = await db.prisma.group.findUniqueOrThrow({ where: { code: 'SUPERVISORS' } });
await db.prisma.userGroup.upsert({ where: { userId_groupId: { userId: benchAdmin.id, groupId: supervisors.id } }, create: { userId: benchAdmin.id, groupId: supervisors.id }, update: {} });
const client = new HttpClient(office.url);
await client.signIn(ADMIN.email, ADMIN.password);

/** The export over HTTP, read to its last byte by the client; the web process's RSS growth meanwhile. */
async function overHttp(): Promise<{ ms: number; bytes: number; rssGrowthMb: number }> {
  const rssBefore = process.memoryUsage().rss;
  let rssPeak = rssBefore;
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss)), 50);
  const started = performance.now();
  const response = await client.request(`/admin/exports/WorkOrder.xlsx?${new URLSearchParams({ 'filters.plannedOn~~from': from, lang: 'es' })}`);
  if (response.status !== 200) throw new Error(`the export answered ${response.status}: ${await response.text()}`);
  let bytes = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) bytes += chunk.length;
  const ms = performance.now() - started;
  clearInterval(sampler);
  return { ms, bytes, rssGrowthMb: (rssPeak - rssBefore) / 1024 / 1024 };
}

// The same cells in memory, for the floor: the export's own sheet, read once outside the timing.
const admin = createAdmin(db.prisma, { language: 'es', timeZone: config.timeZone });
const sheet = listSheet(admin.findResource('WorkOrder'), 'WorkOrder', 'es');
const read = joinedRowsReader(sheet, db.pool, config.timeZone);
const memoryRows: unknown[][] = [];
for (let after = 0; ; ) {
  const ids = (await db.prisma.workOrder.findMany({ where: { plannedOn: { gte: new Date(from) }, id: { gt: after } }, orderBy: { id: 'asc' }, take: 5_000, select: { id: true } })).map((r) => r.id);
  if (!ids.length) break;
  memoryRows.push(...(await read(ids)));
  after = ids.at(-1)!;
}
const memoryCells = memoryRows.map((row) => sheet.columns.map((column, i) => column.cell(row[i + 1])));
const discard = () => new Writable({ write: (_chunk, _encoding, done) => done() });

/** The floor: exceljs's streaming writer, the cells already made, one shared style object per column. */
async function floor(): Promise<number> {
  const started = performance.now();
  await writeWorkbook(Object.assign(discard(), {}), { sheet: { ...sheet, columns: sheet.columns.map((c) => ({ ...c, cell: (v: unknown) => v as ExcelJS.CellValue })) }, language: 'es' }, (async function* () {
    for (let i = 0; i < memoryCells.length; i += 5_000) yield memoryCells.slice(i, i + 5_000).map((cells) => [0, ...cells]);
  })());
  return performance.now() - started;
}

/** The writer as most code uses it: column styles, so exceljs registers a style for every cell. */
async function naiveWriter(): Promise<number> {
  const started = performance.now();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: discard(), useStyles: true });
  const worksheet = workbook.addWorksheet(sheet.sheetName);
  worksheet.columns = sheet.columns.map((c) => ({ header: c.header, width: c.width, style: c.format === 'date' ? { numFmt: 'dd/mm/yyyy' } : {} }));
  for (const cells of memoryCells) worksheet.addRow(cells).commit();
  worksheet.commit();
  await workbook.commit();
  return performance.now() - started;
}

/** The export before this module (admin/generic-list-export.ts until this branch), in-process and
 * without HTTP: pages of 1 000 through the adapter by OFFSET, references populated page by page. */
async function oldExport(): Promise<number> {
  const resource = admin.findResource('WorkOrder');
  const context = { currentAdmin: await loadCurrentUser(db.prisma, benchAdmin!.id), resource, _admin: admin } as unknown as ActionContext;
  const filter = await new Filter({ 'plannedOn~~from': from }, resource).populate(context);
  const properties = resource.decorate().getProperties({ where: 'list' });
  const started = performance.now();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: discard(), useStyles: true });
  const worksheet = workbook.addWorksheet('WorkOrder');
  worksheet.columns = properties.map((p) => ({ header: p.name(), key: p.name(), width: 24 }));
  const cell = (record: BaseRecord, name: string, type: string) => {
    const value = record.params[name];
    if (value === undefined || value === null || value === '') return null;
    if (type === 'reference') return record.populated[name]?.title ?? value;
    if (type === 'date' || type === 'datetime') return new Date(String(value));
    return value;
  };
  for (let offset = 0; offset < 200_000; offset += 1_000) {
    const records = await populator(await resource.find(filter, { limit: 1_000, offset, sort: { sortBy: 'id', direction: 'asc' } }, context), context);
    for (const record of records) worksheet.addRow(Object.fromEntries(properties.map((p) => [p.name(), cell(record, p.name(), p.type())]))).commit();
    if (records.length < 1_000) break;
  }
  worksheet.commit();
  await workbook.commit();
  return performance.now() - started;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
try {
  await overHttp(); // warm-up: first use compiles the paths and fills the caches; not timed
  const http: number[] = [];
  const floors: number[] = [];
  let bytes = 0;
  let rssGrowth = 0;
  for (let run = 0; run < RUNS; run++) {
    const ours = await overHttp();
    http.push(ours.ms);
    bytes = ours.bytes;
    rssGrowth = Math.max(rssGrowth, ours.rssGrowthMb);
    floors.push(await floor());
  }
  const naive = await naiveWriter();
  const olds: number[] = [];
  for (let run = 0; run < OLD_RUNS; run++) olds.push(await oldExport());
  const oursS = median(http) / 1000;
  const floorS = median(floors) / 1000;
  const rate = (s: number) => `${Math.round(rows / s).toLocaleString('en-US')} rows/s`;
  console.log(`\nbench:export — work orders planned from ${from} (${rows.toLocaleString('en-US')} of ${ORDERS.toLocaleString('en-US')}), ${sheet.columns.length} columns, ${(bytes / 1e6).toFixed(1)} MB .xlsx; medians of ${RUNS} runs\n`);
  console.log(`${'ours, over HTTP as a supervisor'.padEnd(52)} ${`${oursS.toFixed(2)} s`.padStart(9)}   ${rate(oursS)}   runs: ${http.map((ms) => (ms / 1000).toFixed(2)).join(' ')}`);
  console.log(`${'floor: exceljs streaming writer, cells in memory'.padEnd(52)} ${`${floorS.toFixed(2)} s`.padStart(9)}   ${rate(floorS)}   runs: ${floors.map((ms) => (ms / 1000).toFixed(2)).join(' ')}`);
  console.log(`${'  (the same writer, a style per cell, once)'.padEnd(52)} ${`${(naive / 1000).toFixed(2)} s`.padStart(9)}   ${rate(naive / 1000)}`);
  console.log(`${'ratio ours / floor'.padEnd(52)} ${`${(oursS / floorS).toFixed(2)}x`.padStart(9)}`);
  const speedup = OLD_EXPORT_S / oursS;
  console.log(`${`speed-up against the old export's ${OLD_EXPORT_S} s (issue)`.padEnd(52)} ${`${speedup.toFixed(1)}x`.padStart(9)}   target >= ${TARGET_SPEEDUP}x: ${speedup >= TARGET_SPEEDUP ? 'met' : 'NOT met'}`);
  if (olds.length) {
    const oldS = median(olds) / 1000;
    console.log(`${'the old export, in this run (in-process, no HTTP)'.padEnd(52)} ${`${oldS.toFixed(2)} s`.padStart(9)}   ${rate(oldS)}`);
    console.log(`${'speed-up against the old export in this run'.padEnd(52)} ${`${(oldS / oursS).toFixed(1)}x`.padStart(9)}   target >= ${TARGET_SPEEDUP}x: ${oldS / oursS >= TARGET_SPEEDUP ? 'met' : 'NOT met'}`);
  }
  console.log(`${'web process RSS growth during an export (peak)'.padEnd(52)} ${`${rssGrowth.toFixed(0)} MB`.padStart(9)}\n`);
} finally {
  await office.stop();
  await db.close();
  await embedded?.stop();
}
