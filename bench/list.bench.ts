// npm run bench:list — p50/p95 of the list API on the demo plant (default 50k assets, 250k work orders):
// assets and work orders with the default sort, by location subtree, by state, and by text search, the
// deepest page a list offers (and the refusal of the next); the same lists as a supervisor scoped to one
// area (a site), whose counts stop at their cap ("more than 1,000").
// `npm run bench:list -- --scale 20` (or BENCH_SCALE=20): the plant-sized database, 1 000 000 assets and
// 5 000 000 work orders, seeded once with `seed:demo --scale` into BENCH_DATA_DIR and reused after.
// Ours is measured end to end over HTTP (sign-in, AdminJS list action, our adapter, population of
// references). The floor is the machine's: the very SQL statements one such request sent (captured from
// the pg driver in this process), replayed straight through pg on one connection, in the same run.
// Each figure is the median over BENCH_RUNS rounds (default 3) of that round's p50/p95; the load average
// is printed beside it (other work shares the 2 cores).
// Baseline (demo plant only; its exact counts take seconds at scale): the plain @adminjs/prisma Resource
// in-process with the closest request it can express (exact location instead of subtree, case- and
// accent-sensitive `contains` instead of our search), against ours in-process at the adapter.
import './support/fail-loudly.js';
import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { pino } from 'pino';
import { Resource } from '@adminjs/prisma';
import { Filter, type ActionContext, type BaseResource } from 'adminjs';
import { loadCurrentUser } from '../domain/access/current-user.js';
import { CmmsPrismaResource, LIST_WINDOW, RELATED_LIST_WINDOW } from '../admin/adapter/prisma-resource.js';
import { getModel } from '../admin/dmmf.js';
import { seedDemoPlant } from '../prisma/seed/demo.js';
import { applyMigrations } from '../prisma/migrate.js';
import { loadConfig } from '../server/config.js';
import { connectDatabase } from '../server/database.js';
import { freePort, startEmbeddedPostgres } from '../server/embedded-postgres.js';
import { DEMO_PLANT_UNIT } from '../prisma/seed/plan.js';
import { startBackOffice } from '../server/back-office.js';
import { setUserPassword } from '../domain/users/password.js';
import { HttpClient } from '../test/support/http-client.js';

const { values: args } = parseArgs({ options: { scale: { type: 'string' } } });
const scaleText = args.scale ?? process.env.BENCH_SCALE;
const SCALE = scaleText ? Number(scaleText) : undefined;
const ASSETS = SCALE ? DEMO_PLANT_UNIT.assets * SCALE : Number(process.env.BENCH_ASSETS ?? DEMO_PLANT_UNIT.assets);
const ORDERS = SCALE ? DEMO_PLANT_UNIT.orders * SCALE : Number(process.env.BENCH_ORDERS ?? DEMO_PLANT_UNIT.orders);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 60);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
// The plain adapter counts every row exactly: seconds a request at scale, so it is left out there.
const WITH_BASELINE = !SCALE;
const TARGET_P95_MS = 50;
// Fresh passwords each run: both accounts are (re)set below, so nothing fixed signs in to a bench database.
const BENCH_ADMIN = { email: 'bench@cmms.local', password: randomBytes(18).toString('base64url') };
const BENCH_SITE_SUPERVISOR = { email: 'bench-site@cmms.local', password: randomBytes(18).toString('base64url') };

// A plant of its own (.data/bench, or BENCH_DATA_DIR), kept between runs so the seed is paid once.
const dataDir = path.resolve(process.env.BENCH_DATA_DIR ?? '.data/bench');
await mkdir(dataDir, { recursive: true });
const embedded = process.env.BENCH_DATABASE_URL ? undefined : await startEmbeddedPostgres({ dataDir, port: await freePort() });
const databaseUrl = process.env.BENCH_DATABASE_URL ?? embedded!.url;
const db = connectDatabase(databaseUrl);
await applyMigrations(db.pool);
const { rows } = await db.pool.query<{ assets: number; orders: number }>(
  'SELECT (SELECT count(*) FROM assets)::int AS assets, (SELECT count(*) FROM work_orders)::int AS orders',
);
if (rows[0]!.assets !== ASSETS || rows[0]!.orders !== ORDERS) {
  console.log(`Seeding the demo plant (${ASSETS} assets, ${ORDERS} work orders)...`);
  const summary = await seedDemoPlant(db.pool, { assets: ASSETS, orders: ORDERS, ...(SCALE && { scale: SCALE }), reset: true });
  console.log(`  seeded in ${(summary.elapsedMs / 1000).toFixed(1)} s`);
}

const config = loadConfig({
  DATABASE_URL: databaseUrl,
  DATA_DIR: dataDir,
  PORT: '0',
  LOG_LEVEL: 'silent',
  WORKERS_IN_PROCESS: 'false',
  SESSION_SECRET: randomBytes(32).toString('base64url'),
  ADMIN_EMAIL: BENCH_ADMIN.email,
  ADMIN_PASSWORD: BENCH_ADMIN.password,
});
const office = await startBackOffice(config, pino({ level: 'silent' }));
const benchAdmin = await db.prisma.user.findUnique({ where: { email: BENCH_ADMIN.email } });
if (!benchAdmin) throw new Error(`${BENCH_ADMIN.email} is missing: this database has another administrator; use a fresh .data/bench`);
await setUserPassword(db.prisma, benchAdmin.id, BENCH_ADMIN.password);
// Our adapter applies the role rules of the signed-in user: the in-process calls act as the bench administrator.
const adminContext = { currentAdmin: await loadCurrentUser(db.prisma, benchAdmin.id) } as unknown as ActionContext;
const client = new HttpClient(office.url);
await client.signIn(BENCH_ADMIN.email, BENCH_ADMIN.password);

// An area-level location (depth 1) holds roughly an eighth of the plant.
const area = (await db.pool.query<{ id: number }>(`SELECT id FROM locations WHERE depth = 1 ORDER BY id LIMIT 1`)).rows[0]!.id;
const areaLeaf = (await db.pool.query<{ id: number }>(`SELECT location_id AS id FROM assets a JOIN locations l ON l.id = a.location_id WHERE l.path LIKE (SELECT path FROM locations WHERE id = $1) || '%' LIMIT 1`, [area])).rows[0]!.id;

interface Case {
  name: string;
  resource: 'Asset' | 'WorkOrder';
  query: Record<string, string>;
  baselineQuery: Record<string, string>;
  /** Deep pages read and skip every row before them: fewer samples. */
  samples?: number;
  /** Measured for the site supervisor too (his lists carry the site's rule), with this query. */
  forSite?: { name: string; query: Record<string, string> };
}
// The back office's page size (admin.ts settings.defaultPerPage): the list requests below ask for no other.
const PER_PAGE = 25;
// The deepest page a list offers: the last of its first LIST_WINDOW rows. A page past it is refused
// (400), timed once below.
const deepPage = Math.max(2, Math.floor(LIST_WINDOW / PER_PAGE));
// A list chosen through another table (the site's rule) offers its first RELATED_LIST_WINDOW rows.
const siteDeepPage = Math.max(2, Math.floor(RELATED_LIST_WINDOW / PER_PAGE));
const cases: Case[] = [
  { name: 'assets, default sort', resource: 'Asset', query: {}, baselineQuery: {} },
  { name: 'assets, location subtree', resource: 'Asset', query: { 'filters.location': String(area) }, baselineQuery: { 'filters.location': String(areaLeaf) } },
  { name: 'assets, by status', resource: 'Asset', query: { 'filters.status': 'OUT_OF_SERVICE' }, baselineQuery: { 'filters.status': 'OUT_OF_SERVICE' } },
  { name: 'assets, text "bomba centrifuga"', resource: 'Asset', query: { 'filters.description': 'bomba centrifuga' }, baselineQuery: { 'filters.description': 'Bomba Centrífuga' } },
  { name: 'work orders, default sort', resource: 'WorkOrder', query: {}, baselineQuery: {} },
  { name: 'work orders, location subtree', resource: 'WorkOrder', query: { 'filters.location': String(area) }, baselineQuery: {} },
  { name: 'work orders, by state', resource: 'WorkOrder', query: { 'filters.state': 'IN_PROGRESS' }, baselineQuery: { 'filters.state': 'IN_PROGRESS' } },
  { name: 'work orders, text "rodamiento"', resource: 'WorkOrder', query: { 'filters.description': 'rodamiento' }, baselineQuery: { 'filters.description': 'rodamiento' } },
  // The worst case: a word in a third of all orders, so an exact count reads a third of the table.
  { name: 'work orders, text "inspeccion" (broad)', resource: 'WorkOrder', query: { 'filters.description': 'inspeccion' }, baselineQuery: { 'filters.description': 'Inspección' } },
  { name: 'work orders, page 2', resource: 'WorkOrder', query: { page: '2' }, baselineQuery: { page: '2' } },
  { name: `work orders, page ${deepPage.toLocaleString('en-US')} (the last offered)`, resource: 'WorkOrder', query: { page: String(deepPage) }, baselineQuery: { page: String(deepPage) }, samples: Math.min(SAMPLES, 20),
    forSite: { name: `work orders, page ${siteDeepPage} (the last offered)`, query: { page: String(siteDeepPage) } } },
];
const DEFAULT_SORT = { Asset: { sortBy: 'code', direction: 'asc' as const }, WorkOrder: { sortBy: 'plannedOn', direction: 'desc' as const } };
const REFERENCES = { Asset: ['location', 'category'], WorkOrder: ['asset', 'technician'] };

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
const median = (values: number[]) => percentile(values, 50);

interface Timing { p50: number; p95: number; load: number }

/** RUNS rounds of (5 warm-ups, `samples` timed calls): the median of the rounds' p50 and p95, and the
 * 1-minute load average at the end. */
async function timed(run: () => Promise<unknown>, samples = SAMPLES): Promise<Timing> {
  const rounds: { p50: number; p95: number }[] = [];
  for (let round = 0; round < RUNS; round++) {
    for (let i = 0; i < Math.min(5, samples); i++) await run();
    const times: number[] = [];
    for (let i = 0; i < samples; i++) {
      const start = performance.now();
      await run();
      times.push(performance.now() - start);
    }
    rounds.push({ p50: percentile(times, 50), p95: percentile(times, 95) });
  }
  return { p50: median(rounds.map((r) => r.p50)), p95: median(rounds.map((r) => r.p95)), load: os.loadavg()[0]! };
}

// The SQL one request sends, as the pg driver in this process sees it (the web tier runs in-process).
type Statement = { text: string; values?: unknown[] };
let captured: Statement[] | null = null;
const clientQuery = pg.Client.prototype.query as (...args: unknown[]) => unknown;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  const [first, second] = args;
  if (captured) {
    if (typeof first === 'string') captured.push({ text: first, values: Array.isArray(second) ? second : undefined });
    else if (first && typeof first === 'object' && 'text' in first)
      captured.push({ text: (first as Statement).text, values: (first as Statement).values ?? (Array.isArray(second) ? second : undefined) });
  }
  return clientQuery.apply(this, args);
} as typeof pg.Client.prototype.query;

async function captureStatements(run: () => Promise<unknown>): Promise<Statement[]> {
  captured = [];
  await run();
  const statements = captured;
  captured = null;
  return statements;
}

// The floor: the same statements straight through pg on one connection of its own, one after another.
const floorClient = new pg.Client({ connectionString: databaseUrl });
await floorClient.connect();
async function replay(statements: Statement[]): Promise<void> {
  for (const statement of statements) await floorClient.query({ text: statement.text, values: statement.values as unknown[], rowMode: 'array' });
}

/** What AdminJS's list action asks of an adapter: the count, one page, and the referenced records. */
async function adapterList(resources: Record<string, BaseResource>, name: 'Asset' | 'WorkOrder', query: Record<string, string>) {
  const resource = resources[name]!;
  const page = Number(query.page ?? 1);
  const filters = Object.fromEntries(Object.entries(query).filter(([k]) => k.startsWith('filters.')).map(([k, v]) => [k.replace(/^filters\./, ''), v]));
  const filter = new Filter(filters, resource);
  const [records] = await Promise.all([
    resource.find(filter, { limit: 10, offset: (page - 1) * 10, sort: DEFAULT_SORT[name] }, adminContext),
    resource.count(filter, adminContext),
  ]);
  for (const reference of REFERENCES[name]) {
    const target = resource.property(reference)?.reference();
    const ids = [...new Set(records.map((r) => r.get(reference)).filter((id) => id !== undefined && id !== null))];
    if (target && ids.length) await resources[target]!.findMany(ids as string[], adminContext);
  }
}

const make = (Adapter: typeof Resource) =>
  Object.fromEntries(['Asset', 'WorkOrder', 'Location', 'AssetCategory', 'Technician'].map((m) => [m, new Adapter({ model: getModel(m), client: db.prisma } as never)]));
const ourAdapters = make(CmmsPrismaResource as unknown as typeof Resource);
const plain = make(Resource);

type ListMeta = { total: number; totalIsEstimate?: boolean; totalIsMoreThan?: boolean };
async function listOnce(http: HttpClient, url: string): Promise<{ total: number; estimated: boolean; moreThan: boolean }> {
  const response = await http.request(url);
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
  const { meta } = (await response.json()) as { meta: ListMeta };
  return { total: meta.total, estimated: meta.totalIsEstimate === true, moreThan: meta.totalIsMoreThan === true };
}

const fmt = (t: { p50: number; p95: number }) => `${t.p50.toFixed(1)} / ${t.p95.toFixed(1)}`;
const load = () => os.loadavg().map((l) => l.toFixed(2)).join(' ');
console.log(`\nList API on ${SCALE ? `the plant-sized database (--scale ${SCALE})` : 'the demo plant'}: ${ASSETS.toLocaleString('en-US')} assets, ${ORDERS.toLocaleString('en-US')} work orders`);
console.log(`${SAMPLES} samples a round (deep pages ${Math.min(SAMPLES, 20)}), median of ${RUNS} rounds, ${PER_PAGE} rows a page, ${os.cpus().length} cores; load average at start ${load()}`);
console.log(
  'request'.padEnd(44),
  'HTTP p50/p95 ms'.padEnd(17),
  'floor p50/p95'.padEnd(15),
  'p95/50ms'.padEnd(9),
  'p95/floor'.padEnd(10),
  'count shown'.padEnd(26),
  'load',
  WITH_BASELINE ? '   adapter p95 ours / plain' : '',
);
let worstHttpP95 = 0;
const misses: string[] = [];
async function measure(label: string, http: HttpClient, c: Case, withBaseline: boolean): Promise<void> {
  const url = `/admin/api/resources/${c.resource}/actions/list?${new URLSearchParams(c.query)}`;
  const { total, estimated, moreThan } = await listOnce(http, url);
  const statements = await captureStatements(() => listOnce(http, url));
  const ours = await timed(() => listOnce(http, url), c.samples);
  const floor = await timed(() => replay(statements), c.samples);
  let baseline = '';
  if (withBaseline) {
    const adapter = await timed(() => adapterList(ourAdapters, c.resource, c.query), c.samples);
    const plainAdapter = await timed(() => adapterList(plain, c.resource, c.baselineQuery), c.samples);
    baseline = `   ${adapter.p95.toFixed(1)} / ${plainAdapter.p95.toFixed(1)} ms (${(plainAdapter.p95 / adapter.p95).toFixed(2)}x)`;
  }
  worstHttpP95 = Math.max(worstHttpP95, ours.p95);
  if (ours.p95 > TARGET_P95_MS) misses.push(`${label} (${ours.p95.toFixed(1)} ms)`);
  console.log(
    label.padEnd(44),
    fmt(ours).padEnd(17),
    fmt(floor).padEnd(15),
    `${(ours.p95 / TARGET_P95_MS).toFixed(2)}x`.padEnd(9),
    `${(ours.p95 / floor.p95).toFixed(2)}x`.padEnd(10),
    `${estimated ? 'about ' : moreThan ? 'more than ' : ''}${total.toLocaleString('en-US')} (${statements.length} SQL)`.padEnd(26),
    ours.load.toFixed(2),
    baseline,
  );
}
for (const c of cases) await measure(c.name, client, c, WITH_BASELINE);

// A page past the window is refused before any SQL: the answer and its time, once.
const beyondUrl = `/admin/api/resources/WorkOrder/actions/list?page=${deepPage + 1}`;
const beyondStart = performance.now();
const beyond = await client.request(beyondUrl);
const beyondMs = performance.now() - beyondStart;
const beyondBody = (await beyond.json()) as { error?: string };
console.log(`work orders, page ${(deepPage + 1).toLocaleString('en-US')} (past the first ${LIST_WINDOW.toLocaleString('en-US')} rows): ${beyond.status} ${beyondBody.error ?? ''} in ${beyondMs.toFixed(1)} ms`);
if (beyond.status !== 400) misses.push(`page ${deepPage + 1} answered ${beyond.status}, not 400`);

// A supervisor scoped to one area (a site, UserSite): every list carries his site's row rule.
const siteSupervisor = await db.prisma.user.upsert({
  where: { email: BENCH_SITE_SUPERVISOR.email },
  update: { isActive: true },
  create: { email: BENCH_SITE_SUPERVISOR.email, name: 'Supervisor de área (bench)', groups: { create: { group: { connect: { code: 'SUPERVISORS' } } } } },
});
await setUserPassword(db.prisma, siteSupervisor.id, BENCH_SITE_SUPERVISOR.password);
await db.prisma.userSite.deleteMany({ where: { userId: siteSupervisor.id } });
await db.prisma.userSite.create({ data: { userId: siteSupervisor.id, locationId: area } });
const siteClient = new HttpClient(office.url);
await siteClient.signIn(BENCH_SITE_SUPERVISOR.email, BENCH_SITE_SUPERVISOR.password);
for (const c of cases.filter((c) => !c.query['filters.location'] && (!c.samples || c.forSite)))
  await measure(`site supervisor: ${c.forSite?.name ?? c.name}`, siteClient, c.forSite ? { ...c, ...c.forSite } : c, false);

console.log(`load average at end ${load()}`);
console.log(`target: p95 <= ${TARGET_P95_MS} ms over HTTP for every request -> worst ${worstHttpP95.toFixed(1)} ms: ${misses.length ? `NOT met by ${misses.join(', ')}` : 'met'}\n`);

await floorClient.end();
await office.stop();
await db.close();
await embedded?.stop();
