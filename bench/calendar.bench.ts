// npm run bench:calendar — p50/p95 of the planning calendar's data route on the demo plant (default 50k
// assets, 250k work orders): this week and this month for an unscoped supervisor (by technician, and by
// location), and this week for a supervisor scoped to one area. Baseline, in the same run: the work-order
// list API filtered to the same week (one page of 25 and its count), the page a supervisor used before.
import './support/fail-loudly.js';
import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { pino } from 'pino';
import { todayIn } from '../domain/dates.js';
import { calendarRange } from '../domain/maintenance/planning-calendar.js';
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
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 30);
const SUPERVISOR = { email: 'bench-calendar@cmms.local', password: randomBytes(18).toString('base64url') };
const SITE_SUPERVISOR = { email: 'bench-calendar-site@cmms.local', password: randomBytes(18).toString('base64url') };
const ADMIN = { email: 'bench@cmms.local', password: randomBytes(18).toString('base64url') };

// The same plant as bench:list, under .data/bench, seeded once.
const dataDir = path.resolve('.data/bench');
await mkdir(dataDir, { recursive: true });
const embedded = process.env.BENCH_DATABASE_URL ? undefined : await startEmbeddedPostgres({ dataDir, port: 54_393 });
const databaseUrl = process.env.BENCH_DATABASE_URL ?? embedded!.url;
const db = connectDatabase(databaseUrl);
await applyMigrations(db.pool);
const { rows } = await db.pool.query<{ assets: number; orders: number }>('SELECT (SELECT count(*) FROM assets)::int AS assets, (SELECT count(*) FROM work_orders)::int AS orders');
if (rows[0]!.assets !== ASSETS || rows[0]!.orders !== ORDERS) {
  console.log(`Seeding the demo plant (${ASSETS} assets, ${ORDERS} work orders)...`);
  const summary = await seedDemoPlant(db.pool, { assets: ASSETS, orders: ORDERS, reset: true });
  console.log(`  seeded in ${(summary.elapsedMs / 1000).toFixed(1)} s`);
}
const config = loadConfig({
  DATABASE_URL: databaseUrl, DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'silent', WORKERS_IN_PROCESS: 'false',
  SESSION_SECRET: randomBytes(32).toString('base64url'), ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password,
});
const office = await startBackOffice(config, pino({ level: 'silent' }));

async function supervisor(account: { email: string; password: string }, name: string, siteId?: number): Promise<HttpClient> {
  const user = await db.prisma.user.upsert({
    where: { email: account.email },
    update: { isActive: true },
    create: { email: account.email, name, groups: { create: { group: { connect: { code: 'SUPERVISORS' } } } } },
  });
  await setUserPassword(db.prisma, user.id, account.password);
  await db.prisma.userSite.deleteMany({ where: { userId: user.id } });
  if (siteId) await db.prisma.userSite.create({ data: { userId: user.id, locationId: siteId } });
  const client = new HttpClient(office.url);
  await client.signIn(account.email, account.password);
  return client;
}
const area = (await db.pool.query<{ id: number }>('SELECT id FROM locations WHERE depth = 1 ORDER BY id LIMIT 1')).rows[0]!.id;
const plant = await supervisor(SUPERVISOR, 'Supervisor de planta (bench)');
const site = await supervisor(SITE_SUPERVISOR, 'Supervisor de área (bench)', area);

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
async function timed(client: HttpClient, url: string): Promise<{ p50: number; p95: number; orders: number }> {
  let orders = 0;
  const once = async () => {
    const response = await client.request(url);
    if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
    const body = (await response.json()) as { orders?: unknown[]; records?: unknown[] };
    orders = (body.orders ?? body.records ?? []).length;
  };
  for (let i = 0; i < 3; i++) await once();
  const times: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const start = performance.now();
    await once();
    times.push(performance.now() - start);
  }
  return { p50: percentile(times, 50), p95: percentile(times, 95), orders };
}

const today = todayIn(config.timeZone);
const week = calendarRange('week', today);
const iso = (day: Date) => day.toISOString().slice(0, 10);
const cases: [string, HttpClient, string][] = [
  ['baseline: order list, this week (25 rows)', plant, `/admin/api/resources/WorkOrder/actions/list?${new URLSearchParams({ 'filters.plannedOn~~from': iso(week.from), 'filters.plannedOn~~to': iso(week.to) })}`],
  ['calendar: week by technician', plant, '/admin/calendar/orders?view=week&groupBy=technician'],
  ['calendar: week by location', plant, '/admin/calendar/orders?view=week&groupBy=location'],
  ['calendar: week of one area', plant, `/admin/calendar/orders?view=week&locationId=${area}`],
  ['calendar: month', plant, '/admin/calendar/orders?view=month'],
  ['site supervisor: week by technician', site, '/admin/calendar/orders?view=week&groupBy=technician'],
  ['site supervisor: month', site, '/admin/calendar/orders?view=month'],
];
console.log(`\nPlanning calendar on the demo plant: ${ASSETS.toLocaleString('en-US')} assets, ${ORDERS.toLocaleString('en-US')} work orders; ${SAMPLES} samples each, over HTTP`);
console.log('request'.padEnd(44), 'orders'.padEnd(8), 'p50 / p95');
let baseline = 0;
for (const [name, client, url] of cases) {
  const t = await timed(client, url);
  if (!baseline) baseline = t.p95;
  console.log(name.padEnd(44), String(t.orders).padEnd(8), `${t.p50.toFixed(1)} / ${t.p95.toFixed(1)} ms`, name.startsWith('baseline') ? '' : `(p95 ${(t.p95 / baseline).toFixed(1)}x the list page)`);
}
await office.stop();
await db.close();
await embedded?.stop();
