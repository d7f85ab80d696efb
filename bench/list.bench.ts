// npm run bench:list — p50/p95 of the list API on the demo plant (default 50k assets, 250k work orders):
// assets and work orders with the default sort, by location subtree, by state, and by text search; the
// same lists as a supervisor scoped to one area (a site).
// Ours is measured end to end over HTTP (sign-in, AdminJS list action, our adapter, population of
// references) and, like the baseline, in-process at the adapter (count + one page + references).
// Baseline: the plain @adminjs/prisma Resource with the closest request it can express (exact location
// instead of subtree, case- and accent-sensitive `contains` instead of our search).
import './support/fail-loudly.js';
import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { pino } from 'pino';
import { Resource } from '@adminjs/prisma';
import { Filter, type ActionContext, type BaseResource } from 'adminjs';
import { loadCurrentUser } from '../domain/access/current-user.js';
import { CmmsPrismaResource } from '../admin/adapter/prisma-resource.js';
import { getModel } from '../admin/dmmf.js';
import { seedDemoPlant } from '../prisma/seed/demo.js';
import { applyMigrations } from '../prisma/migrate.js';
import { loadConfig } from '../server/config.js';
import { connectDatabase } from '../server/database.js';
import { startEmbeddedPostgres } from '../server/embedded-postgres.js';
import { startBackOffice } from '../server/back-office.js';
import { setUserPassword } from '../domain/users/password.js';
import { HttpClient } from '../test/support/http-client.js';

const ASSETS = Number(process.env.BENCH_ASSETS ?? 50_000);
const ORDERS = Number(process.env.BENCH_ORDERS ?? 250_000);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 60);
const TARGET_P95_MS = 50;
// Fresh passwords each run: both accounts are (re)set below, so nothing fixed signs in to a bench database.
const BENCH_ADMIN = { email: 'bench@cmms.local', password: randomBytes(18).toString('base64url') };
const BENCH_SITE_SUPERVISOR = { email: 'bench-site@cmms.local', password: randomBytes(18).toString('base64url') };

// A plant of its own under .data/bench, kept between runs so the seed is paid once.
const dataDir = path.resolve('.data/bench');
await mkdir(dataDir, { recursive: true });
const embedded = process.env.BENCH_DATABASE_URL ? undefined : await startEmbeddedPostgres({ dataDir, port: 54_390 });
const databaseUrl = process.env.BENCH_DATABASE_URL ?? embedded!.url;
const db = connectDatabase(databaseUrl);
await applyMigrations(db.pool);
const { rows } = await db.pool.query<{ assets: number; orders: number }>(
  'SELECT (SELECT count(*) FROM assets)::int AS assets, (SELECT count(*) FROM work_orders)::int AS orders',
);
if (rows[0]!.assets !== ASSETS || rows[0]!.orders !== ORDERS) {
  console.log(`Seeding the demo plant (${ASSETS} assets, ${ORDERS} work orders)...`);
  const summary = await seedDemoPlant(db.pool, { assets: ASSETS, orders: ORDERS, reset: true });
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
}
const cases: Case[] = [
  { name: 'assets, default sort', resource: 'Asset', query: {}, baselineQuery: {} },
  { name: 'assets, location subtree', resource: 'Asset', query: { 'filters.location': String(area) }, baselineQuery: { 'filters.location': String(areaLeaf) } },
  { name: 'assets, by status', resource: 'Asset', query: { 'filters.status': 'OUT_OF_SERVICE' }, baselineQuery: { 'filters.status': 'OUT_OF_SERVICE' } },
  { name: 'assets, text "bomba centrifuga"', resource: 'Asset', query: { 'filters.description': 'bomba centrifuga' }, baselineQuery: { 'filters.description': 'Bomba Centrífuga' } },
  { name: 'work orders, default sort', resource: 'WorkOrder', query: {}, baselineQuery: {} },
  { name: 'work orders, location subtree', resource: 'WorkOrder', query: { 'filters.location': String(area) }, baselineQuery: {} },
  { name: 'work orders, by state', resource: 'WorkOrder', query: { 'filters.state': 'IN_PROGRESS' }, baselineQuery: { 'filters.state': 'IN_PROGRESS' } },
  { name: 'work orders, text "rodamiento"', resource: 'WorkOrder', query: { 'filters.description': 'rodamiento' }, baselineQuery: { 'filters.description': 'rodamiento' } },
  // The worst case: a word in a third of all orders, so the exact count reads ~80 000 rows.
  { name: 'work orders, text "inspeccion" (broad)', resource: 'WorkOrder', query: { 'filters.description': 'inspeccion' }, baselineQuery: { 'filters.description': 'Inspección' } },
];
const DEFAULT_SORT = { Asset: { sortBy: 'code', direction: 'asc' as const }, WorkOrder: { sortBy: 'plannedOn', direction: 'desc' as const } };
const REFERENCES = { Asset: ['location', 'category'], WorkOrder: ['asset', 'technician'] };

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function timed(run: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  for (let i = 0; i < 5; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

/** What AdminJS's list action asks of an adapter: the count, one page, and the referenced records. */
async function adapterList(resources: Record<string, BaseResource>, name: 'Asset' | 'WorkOrder', query: Record<string, string>) {
  const resource = resources[name]!;
  const filters = Object.fromEntries(Object.entries(query).map(([k, v]) => [k.replace(/^filters\./, ''), v]));
  const filter = new Filter(filters, resource);
  const [records] = await Promise.all([
    resource.find(filter, { limit: 10, offset: 0, sort: DEFAULT_SORT[name] }, adminContext),
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
const ours = make(CmmsPrismaResource as unknown as typeof Resource);
const plain = make(Resource);

console.log(`\nList API on the demo plant: ${ASSETS.toLocaleString('en-US')} assets, ${ORDERS.toLocaleString('en-US')} work orders; ${SAMPLES} samples each, 10 rows a page`);
console.log('request'.padEnd(40), 'ours HTTP p50/p95'.padEnd(20), 'ours adapter p50/p95'.padEnd(22), 'plain adapter p50/p95'.padEnd(23), 'p95 ratio plain/ours');
const fmt = (t: { p50: number; p95: number }) => `${t.p50.toFixed(1)} / ${t.p95.toFixed(1)} ms`;
let worstHttpP95 = 0;
for (const c of cases) {
  const url = `/admin/api/resources/${c.resource}/actions/list?${new URLSearchParams(c.query)}`;
  const http = await timed(async () => {
    const response = await client.request(url);
    if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
    await response.arrayBuffer();
  });
  const adapter = await timed(() => adapterList(ours, c.resource, c.query));
  const baseline = await timed(() => adapterList(plain, c.resource, c.baselineQuery));
  worstHttpP95 = Math.max(worstHttpP95, http.p95);
  console.log(c.name.padEnd(40), fmt(http).padEnd(20), fmt(adapter).padEnd(22), fmt(baseline).padEnd(23), `${(baseline.p95 / adapter.p95).toFixed(2)}x`);
}

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
const siteCases = cases.filter((c) => !c.query['filters.location']);
for (const c of siteCases) {
  const url = `/admin/api/resources/${c.resource}/actions/list?${new URLSearchParams(c.query)}`;
  const http = await timed(async () => {
    const response = await siteClient.request(url);
    if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
    await response.arrayBuffer();
  });
  worstHttpP95 = Math.max(worstHttpP95, http.p95);
  console.log(`site supervisor: ${c.name}`.padEnd(40), fmt(http));
}
console.log(`target: p95 <= ${TARGET_P95_MS} ms over HTTP for every request -> worst ${worstHttpP95.toFixed(1)} ms: ${worstHttpP95 <= TARGET_P95_MS ? 'met' : 'NOT met'}\n`);

await office.stop();
await db.close();
await embedded?.stop();
