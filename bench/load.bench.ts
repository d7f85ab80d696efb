// npm run bench:load — the back office under the whole plant at once (issue 26, Capacity): BENCH_USERS (100)
// signed-in people of all five groups on the demo plant, each doing what his group does (lists with filters,
// search, show pages, the dashboard, a technician recording a step, a supervisor closing out an order), with
// an export and an import running in the background. For each configuration (BENCH_WEB_CONCURRENCY, by
// default "1,2": one web process, then WEB_CONCURRENCY=2), started fresh as `npm start` starts it:
// - burst: every user's first request at the same instant on the cold server; time until the 100 answers
//   are out, in the generator's timing and in the server's own (its request log); the median of BENCH_BURSTS
//   (3) fresh starts;
// - steady: each user pausing 0–4 s between requests (BENCH_SECONDS, 60): p50/p95/p99 and errors;
// - saturation: no pause (BENCH_SATURATION_SECONDS, 30): requests/s, against the first configuration.
// Targets: steady p99 <= 300 ms with 0 errors, burst <= 1 s, saturation >= 3x the single process.
// `npm run bench:load -- --soak` (or BENCH_SOAK_MINUTES, 30) runs the steady load that long instead and
// prints every process's RSS at start and end, the growth of bookkeeping tables, and PostgreSQL
// connections at start and end. `--profile` writes a CPU profile of each web process (.data/bench-load/
// profiles) and prints its self time by module.
// BENCH_BACKGROUND=0 leaves the export and the import out (to compare what a user's request costs).
// The generator shares the machine's cores with the server: figures are printed with the load average.
import './support/fail-loudly.js';
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Agent } from 'undici';
import { applyMigrations } from '../prisma/migrate.js';
import { seedDemoPlant } from '../prisma/seed/demo.js';
import { connectDatabase } from '../server/database.js';
import { freePort, startEmbeddedPostgres } from '../server/embedded-postgres.js';
import { aLargeWorkbook } from '../test/support/workbooks.js';
import { against, byKind, fmtMs, latencyOf, loadAverage, median, percentile, type LatencyFigures } from './support/load-figures.js';
import { nextStep, landingStep } from './support/load-mix.js';
import { prepareLoadPlant, type LoadUser } from './support/load-plant.js';
import { LoadSession, type Sample } from './support/load-session.js';
import { cpuMsOf, postgresCpuMs, eventLoopDelay, loggedRequests, memoryOf, startServer, type RunningServer } from './support/load-server.js';
import { summariseProfile } from './support/cpu-profile.js';

const argv = process.argv.slice(2);
const USERS = Number(process.env.BENCH_USERS ?? 100);
const STEADY_SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const SATURATION_SECONDS = Number(process.env.BENCH_SATURATION_SECONDS ?? 30);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 10);
const BURSTS = Number(process.env.BENCH_BURSTS ?? 3);
const THINK_MS = Number(process.env.BENCH_THINK_MS ?? 4000);
const CONFIGS = (process.env.BENCH_WEB_CONCURRENCY ?? '1,2').split(',').map(Number);
const SOAK = argv.includes('--soak') || process.env.BENCH_SOAK_MINUTES !== undefined;
const SOAK_MINUTES = Number(process.env.BENCH_SOAK_MINUTES ?? 30);
const PROFILE = argv.includes('--profile') || process.env.BENCH_PROFILE === '1';
const ASSETS = Number(process.env.BENCH_ASSETS ?? 50_000);
const ORDERS = Number(process.env.BENCH_ORDERS ?? 250_000);
const IMPORT_ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 2_000);
const TARGET = { p99Ms: 300, errors: 0, burstMs: 1_000, saturationRatio: 3 };
const CORES = os.availableParallelism();

// The demo plant of its own, kept between runs (the seed is paid once), on a free port.
const dataDir = path.resolve('.data/bench-load');
const profileDir = path.join(dataDir, 'profiles');
const keptFile = path.join(dataDir, 'kept-sessions.json');
await mkdir(dataDir, { recursive: true });
const embedded = await startEmbeddedPostgres({ dataDir: path.join(dataDir, 'pg'), port: await freePort() });
const db = connectDatabase(embedded.url, { max: 4, applicationName: 'bench-load' });
await applyMigrations(db.pool);
const { rows: plantSize } = await db.pool.query<{ assets: number; orders: number }>(
  'SELECT (SELECT count(*) FROM assets WHERE code NOT LIKE $1)::int AS assets, (SELECT count(*) FROM work_orders)::int AS orders', ['CARGA-%'],
);
if (plantSize[0]!.assets !== ASSETS || plantSize[0]!.orders < ORDERS * 0.99) {
  console.log(`Seeding the demo plant (${ASSETS} assets, ${ORDERS} work orders)...`);
  const summary = await seedDemoPlant(db.pool, { assets: ASSETS, orders: ORDERS, reset: true });
  console.log(`  seeded in ${(summary.elapsedMs / 1000).toFixed(1)} s`);
}
// The bench accounts' password and the servers' session secret are kept with the plant, and so are the
// signed-in sessions (cookies): a later run reuses them instead of signing 100 people in again (argon2).
const kept = await readKept();
const plant = await prepareLoadPlant(db.pool, USERS, kept?.password ?? randomBytes(15).toString('base64url'), kept !== undefined);
const sessionSecret = kept?.sessionSecret ?? randomBytes(32).toString('base64url');
const launcherKnowsConcurrency = await import('node:fs/promises').then((fs) => fs.readFile('server/config.ts', 'utf8')).then((t) => t.includes('WEB_CONCURRENCY'));

// A workbook of assets for the background import (the same codes each time: the second run updates them).
const workbook = path.join(dataDir, 'load-import.xlsx');
const { rows: refs } = await db.pool.query<{ location: string; category: string }>(
  `SELECT (SELECT code FROM locations ORDER BY depth DESC, id LIMIT 1) AS location, (SELECT code FROM asset_categories ORDER BY id LIMIT 1) AS category`,
);
await aLargeWorkbook(workbook, ['Código', 'Descripción', 'Ubicación', 'Categoría', 'Criticidad'], IMPORT_ROWS, (i) => [
  `CARGA-${String(i).padStart(6, '0')}`, `Bomba de carga ${i}`, refs[0]!.location, refs[0]!.category, ['A', 'B', 'C'][i % 3]!,
]);
const workbookBytes = await import('node:fs/promises').then((fs) => fs.readFile(workbook));

console.log(`\nLoad on the demo plant (${ASSETS.toLocaleString('en-US')} assets, ${ORDERS.toLocaleString('en-US')} work orders): ${USERS} users`,
  `(${countBy(plant.users.map((u) => u.group))}), machine: ${(await import('node:os')).cpus().length} cores, load average ${loadAverage()}`);
if (!launcherKnowsConcurrency) console.log('  note: server/config.ts does not read WEB_CONCURRENCY yet: every configuration runs one web process');

interface Run {
  label: string;
  webConcurrency: number;
  /** Each burst's drain time, ms (fresh starts); `burst` is the median one. */
  bursts?: number[];
  burst?: { clientMs: number; serverMs: number; serverP99Ms: number; errors: number; eventLoop: Awaited<ReturnType<typeof eventLoopDelay>>; load: string; cpuMs: number };
  steady?: LatencyFigures & { load: string; kinds: string[]; background: string; cost: string };
  saturation?: LatencyFigures & { load: string; kinds: string[]; cost: string; cpuPerRequest: CpuPerRequest };
}

const sessions = new Map<string, LoadSession>();
let agent = new Agent({ connections: USERS + 4, keepAliveTimeout: 30_000, pipelining: 1 });

/** Sign everybody in once (sessions live in PostgreSQL: every later server process knows them). */
async function signInEverybody(server: RunningServer): Promise<void> {
  const start = performance.now();
  // Four at a time: argon2 verifies in libuv's four threads.
  const queue = [...plant.users];
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      for (let user = queue.shift(); user; user = queue.shift()) {
        const session = new LoadSession(server.url, agent, user.email);
        await session.signIn(plant.password);
        sessions.set(user.email, session);
      }
    }),
  );
  console.log(`  ${sessions.size} sessions signed in in ${fmtMs(performance.now() - start)}`);
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Users loop through their group's mix until `until`; samples finishing inside [from, until] are kept. */
async function drive(users: LoadUser[], thinkMs: number, from: number, until: number): Promise<Sample[]> {
  const samples: Sample[] = [];
  const record = (s: Sample) => {
    if (s.at >= from && s.at <= until) samples.push(s);
  };
  await Promise.all(
    users.map(async (user) => {
      const session = sessions.get(user.email)!;
      while (performance.now() < until) {
        if (thinkMs) await pause(Math.random() * thinkMs);
        if (performance.now() >= until) break;
        await nextStep(user)(session, user, plant, record);
      }
    }),
  );
  return samples;
}

/** The export and the import running in the background while users work; their own figures on the side. */
function background(until: number): { done: Promise<string> } {
  if (process.env.BENCH_BACKGROUND === '0') return { done: Promise.resolve('background: off (BENCH_BACKGROUND=0)') };
  const consultant = sessions.get(plant.users.find((u) => u.group === 'CONSULTANTS')!.email)!;
  const supervisor = sessions.get(plant.users.find((u) => u.group === 'SUPERVISORS')!.email)!;
  const exports: number[] = [];
  const imports: number[] = [];
  let failures = 0;
  const exporting = (async () => {
    while (performance.now() < until) {
      const start = performance.now();
      const answer = await consultant.call('/admin/exports/WorkOrder.xlsx?filters.state=IN_PROGRESS').catch(() => ({ status: 0, body: Buffer.alloc(0) }));
      if (answer.status === 200 && answer.body.length > 0) exports.push(performance.now() - start);
      else failures++;
    }
  })();
  const importing = (async () => {
    while (performance.now() < until) {
      const start = performance.now();
      const sent = await supervisor.call(`/admin/imports/assets?mode=VALID_ROWS&fileName=carga.xlsx`, { method: 'POST', body: workbookBytes, contentType: 'application/octet-stream' }).catch(() => null);
      const id = sent?.status === 202 ? (JSON.parse(sent.body.toString()) as { id: number }).id : undefined;
      if (id === undefined) {
        failures++;
        await pause(1000);
        continue;
      }
      for (;;) {
        await pause(500);
        const status = await supervisor.json<{ finished: boolean; state: string }>(`/admin/imports/runs/${id}/status`).catch(() => null);
        if (!status || status.status !== 200) { failures++; break; }
        if (status.body.finished) {
          imports.push(performance.now() - start);
          break;
        }
        if (performance.now() > until + 60_000) break;
      }
    }
  })();
  return {
    done: Promise.all([exporting, importing]).then(
      () => `background: ${exports.length} exports (median ${fmtMs(median(exports))}), ${imports.length} imports of ${IMPORT_ROWS} rows (median ${fmtMs(median(imports))}), ${failures} failed`,
    ),
  };
}

/** What a request costs, measured from now until the returned function is called: the server processes'
 * CPU time and PostgreSQL's transactions per request. Unlike latencies, these hardly depend on what else
 * the shared machine is running (the background export and import included: one tab each). */
/** CPU ms one request cost each party: the web processes, PostgreSQL, and this generator itself. */
interface CpuPerRequest {
  web: number;
  postgres: number;
  generator: number;
}

async function costMeter(server: RunningServer): Promise<(requests: number) => Promise<{ text: string; cpu: CpuPerRequest }>> {
  const transactions = async () => Number((await db.pool.query<{ n: string }>('SELECT xact_commit + xact_rollback AS n FROM pg_stat_database WHERE datname = current_database()')).rows[0]!.n);
  const generatorMs = () => {
    const usage = process.cpuUsage();
    return (usage.user + usage.system) / 1000;
  };
  const [cpu0, pg0, gen0, tx0] = [await cpuMsOf(server.pid), await postgresCpuMs(path.join(dataDir, 'pg', 'pg')), generatorMs(), await transactions()];
  return async (requests: number) => {
    const gen1 = generatorMs();
    await pause(1_000); // PostgreSQL publishes its counters within a second
    const [cpu1, pg1, tx1] = [await cpuMsOf(server.pid), await postgresCpuMs(path.join(dataDir, 'pg', 'pg')), await transactions()];
    const cpu = { web: (cpu1 - cpu0) / requests, postgres: (pg1 - pg0) / requests, generator: (gen1 - gen0) / requests };
    return {
      text: `server CPU ${cpu.web.toFixed(1)} ms/request, ${((tx1 - tx0) / requests).toFixed(2)} PostgreSQL transactions/request; PostgreSQL CPU ${cpu.postgres.toFixed(1)} ms/request, this generator ${cpu.generator.toFixed(1)} ms/request`,
      cpu,
    };
  };
}

async function burst(server: RunningServer): Promise<Run['burst']> {
  const samples: Sample[] = [];
  const cpuNow = async () => (await cpuMsOf(server.pid)) + (await postgresCpuMs(path.join(dataDir, 'pg', 'pg'))) + process.cpuUsage().user / 1000 + process.cpuUsage().system / 1000;
  const cpuBefore = await cpuNow();
  const wallStart = Date.now();
  const start = performance.now();
  await Promise.all(plant.users.map((user) => landingStep(user)(sessions.get(user.email)!, user, plant, (s) => samples.push(s))));
  const clientMs = performance.now() - start;
  const cpuMs = (await cpuNow()) - cpuBefore;
  const wallEnd = Date.now();
  const logged = await loggedRequests(server.logFile, wallStart - 5, wallEnd + 5);
  const serverStart = Math.min(...logged.map((r) => r.endMs - r.responseMs));
  const serverEnd = Math.max(...logged.map((r) => r.endMs));
  return {
    clientMs,
    serverMs: logged.length ? serverEnd - serverStart : NaN,
    serverP99Ms: percentile(logged.map((r) => r.responseMs), 99),
    errors: samples.filter((s) => s.status === 0 || s.status >= 400).length,
    eventLoop: await eventLoopDelay(server),
    load: loadAverage(),
    cpuMs,
  };
}

async function measure(webConcurrency: number): Promise<Run> {
  const run: Run = { label: `WEB_CONCURRENCY=${webConcurrency}`, webConcurrency };
  const start = () =>
    startServer({
      databaseUrl: embedded.url, dataDir, sessionSecret, webConcurrency,
      logFile: path.join(dataDir, `server-${webConcurrency}.log`),
      nodeOptions: PROFILE ? `--cpu-prof --cpu-prof-dir=${profileDir}/wc${webConcurrency}` : undefined,
    });
  let server = await start();
  try {
    // The burst is one shot of a second or two on a fresh server: BURSTS fresh starts, the median kept.
    const bursts: NonNullable<Run['burst']>[] = [];
    for (;;) {
      for (const session of sessions.values()) session.retarget(server.url, agent);
      bursts.push((await burst(server))!);
      console.log(`  ${run.label}: burst ${bursts.length} of ${BURSTS}: ${USERS} first requests drained in ${fmtMs(bursts.at(-1)!.clientMs)} (server ${fmtMs(bursts.at(-1)!.serverMs)}), load ${bursts.at(-1)!.load}`);
      if (bursts.length >= BURSTS) break;
      await server.stop();
      await agent.close();
      agent = new Agent({ connections: USERS + 4, keepAliveTimeout: 30_000, pipelining: 1 });
      server = await start();
    }
    run.burst = [...bursts].sort((a, b) => a.clientMs - b.clientMs)[Math.floor((bursts.length - 1) / 2)]!;
    run.bursts = bursts.map((b) => b.clientMs);

    const warmEnd = performance.now() + WARMUP_SECONDS * 1000;
    await drive(plant.users, THINK_MS, warmEnd, warmEnd);
    const steadyFrom = performance.now();
    const steadyUntil = steadyFrom + STEADY_SECONDS * 1000;
    const bg = background(steadyUntil + SATURATION_SECONDS * 1000);
    const steadyCost = await costMeter(server);
    const steadySamples = await drive(plant.users, THINK_MS, steadyFrom, steadyUntil);
    const steadyLoad = loadAverage();
    run.steady = { ...latencyOf(steadySamples, STEADY_SECONDS), load: steadyLoad, kinds: byKind(steadySamples), background: '', cost: (await steadyCost(steadySamples.length)).text };
    console.log(`  ${run.label}: steady p50/p95/p99 ${fmtMs(run.steady.p50)} / ${fmtMs(run.steady.p95)} / ${fmtMs(run.steady.p99)}, ${run.steady.errors} errors, load ${steadyLoad}`);

    const saturationFrom = performance.now() + 2_000; // the first two seconds ramp up
    const saturationUntil = saturationFrom + SATURATION_SECONDS * 1000;
    const saturationCost = await costMeter(server);
    const saturationSamples = await drive(plant.users, 0, saturationFrom, saturationUntil);
    const saturationCostOf = await saturationCost(saturationSamples.length);
    run.saturation = { ...latencyOf(saturationSamples, SATURATION_SECONDS), load: loadAverage(), kinds: byKind(saturationSamples), cost: saturationCostOf.text, cpuPerRequest: saturationCostOf.cpu };
    run.steady.background = await bg.done;
    console.log(`  ${run.label}: saturation ${run.saturation.perSecond.toFixed(1)} requests/s, load ${run.saturation.load}`);
  } finally {
    await server.stop();
    await agent.close();
    agent = new Agent({ connections: USERS + 4, keepAliveTimeout: 30_000, pipelining: 1 });
  }
  return run;
}

/** Row counts of the tables that must not grow with use alone (bookkeeping), and of the data ones. */
async function tableCounts(): Promise<Map<string, number>> {
  const { rows } = await db.pool.query<{ name: string }>(
    `SELECT format('%I.%I', schemaname, relname) AS name FROM pg_stat_user_tables
      WHERE schemaname = 'pgboss' OR relname IN ('session', 'login_throttle', 'portal_throttle', 'notifications', 'notification_deliveries', 'kpi_snapshots', 'change_history', 'work_order_step_values', 'work_order_closures', 'import_runs', 'import_run_errors', 'assets')
      ORDER BY 1`,
  );
  const counts = new Map<string, number>();
  for (const { name } of rows) counts.set(name, Number((await db.pool.query<{ n: string }>(`SELECT count(*) AS n FROM ${name}`)).rows[0]!.n));
  return counts;
}

/** Jobs waiting to run, per queue (created or to be retried): a queue that falls behind the load grows here. */
async function jobsWaiting(): Promise<string> {
  const { rows } = await db.pool.query<{ queue: string; n: number }>(
    `SELECT name AS queue, count(*)::int AS n FROM pgboss.job WHERE state IN ('created', 'retry') AND start_after <= now() GROUP BY 1 ORDER BY 1`,
  );
  return rows.length ? rows.map((r) => `${r.queue} ${r.n}`).join(', ') : 'none';
}

async function connections(): Promise<string> {
  const { rows } = await db.pool.query<{ app: string; state: string; n: number }>(
    `SELECT coalesce(nullif(application_name, ''), '?') AS app, coalesce(state, '?') AS state, count(*)::int AS n FROM pg_stat_activity
      WHERE datname = current_database() AND pid <> pg_backend_pid() GROUP BY 1, 2 ORDER BY 1, 2`,
  );
  return `${rows.reduce((s, r) => s + r.n, 0)} (${rows.map((r) => `${r.app} ${r.state}: ${r.n}`).join(', ')})`;
}

async function soak(): Promise<void> {
  const webConcurrency = Number(process.env.BENCH_SOAK_WEB_CONCURRENCY ?? (launcherKnowsConcurrency ? 2 : 1));
  const server = await startServer({ databaseUrl: embedded.url, dataDir, sessionSecret, webConcurrency, logFile: path.join(dataDir, 'server-soak.log') });
  try {
    for (const session of sessions.values()) session.retarget(server.url, agent);
    console.log(`\nSoak: ${USERS} users pausing 0–${THINK_MS / 1000} s for ${SOAK_MINUTES} minutes, WEB_CONCURRENCY=${webConcurrency}, export and import in the background`);
    const warmEnd = performance.now() + 60_000;
    await drive(plant.users, THINK_MS, warmEnd, warmEnd); // a minute to warm up: start figures are those of a warm server
    const startMemory = await memoryOf(server.pid);
    const startTables = await tableCounts();
    const startConnections = await connections();
    const startWaiting = await jobsWaiting();
    console.log(`  start (after a minute's warm-up), load ${loadAverage()}`);
    const from = performance.now();
    const until = from + SOAK_MINUTES * 60_000;
    const bg = background(until);
    const rssByMinute = new Map<number, number[]>();
    const sampler = setInterval(() => void memoryOf(server.pid).then((m) => m.forEach((p) => rssByMinute.set(p.pid, [...(rssByMinute.get(p.pid) ?? []), p.rssMb]))), 60_000);
    const samples = await drive(plant.users, THINK_MS, from, until);
    clearInterval(sampler);
    const backgroundLine = await bg.done;
    await pause(5_000); // the last responses' session writes and the import's last job settle
    const endMemory = await memoryOf(server.pid);
    const endTables = await tableCounts();
    const endConnections = await connections();
    const endWaiting = await jobsWaiting();
    const figures = latencyOf(samples, SOAK_MINUTES * 60);
    console.log(`  load: ${figures.requests} requests, p50/p95/p99 ${fmtMs(figures.p50)} / ${fmtMs(figures.p95)} / ${fmtMs(figures.p99)}, ${figures.errors} errors; ${backgroundLine}; load average ${loadAverage()}`);
    console.log('  process                               RSS start   RSS end   growth   (min–max sampled each minute)');
    for (const end of endMemory) {
      const start = startMemory.find((m) => m.pid === end.pid);
      const series = rssByMinute.get(end.pid) ?? [];
      console.log(`    ${`${end.pid} ${end.command}`.padEnd(36)} ${start ? `${start.rssMb.toFixed(0)} MB`.padStart(9) : '      new'} ${`${end.rssMb.toFixed(0)} MB`.padStart(9)} ${start ? `${(((end.rssMb - start.rssMb) / start.rssMb) * 100).toFixed(1)} %`.padStart(8) : ''}   ${series.length ? `${Math.min(...series).toFixed(0)}–${Math.max(...series).toFixed(0)} MB` : ''}`);
    }
    console.log('  table                                  rows start   rows end   growth');
    for (const [name, end] of endTables) {
      const start = startTables.get(name) ?? 0;
      console.log(`    ${name.padEnd(36)} ${String(start).padStart(10)} ${String(end).padStart(10)} ${(end - start >= 0 ? '+' : '') + (end - start)}`);
    }
    console.log(`  PostgreSQL connections at start: ${startConnections}`);
    console.log(`  PostgreSQL connections at end:   ${endConnections}`);
    console.log(`  jobs waiting at start: ${startWaiting}`);
    console.log(`  jobs waiting at end:   ${endWaiting}`);
  } finally {
    await server.stop();
  }
}

// Sign in on a server of its own, stopped before measuring, so every measured server starts cold.
if (!(await reuseSessions())) {
  const signInServer = await startServer({ databaseUrl: embedded.url, dataDir, sessionSecret, webConcurrency: 1, logFile: path.join(dataDir, 'server-sign-in.log') });
  try {
    await signInEverybody(signInServer);
  } finally {
    await signInServer.stop();
  }
  await writeFile(keptFile, JSON.stringify({ password: plant.password, sessionSecret, cookies: Object.fromEntries([...sessions].map(([email, s]) => [email, Object.fromEntries(s.cookieJar)])) }));
}

if (SOAK) {
  await soak();
} else {
  if (PROFILE) await rm(profileDir, { recursive: true, force: true });
  const runs: Run[] = [];
  for (const webConcurrency of CONFIGS) runs.push(await measure(webConcurrency));
  const base = runs[0]!;
  console.log(`\nFigures (targets: steady p99 <= ${TARGET.p99Ms} ms and ${TARGET.errors} errors, burst <= ${fmtMs(TARGET.burstMs)}, saturation >= ${TARGET.saturationRatio}x ${base.label})`);
  for (const run of runs) {
    const { burst: b, steady: s, saturation: x } = run;
    console.log(`\n${run.label}${launcherKnowsConcurrency || run.webConcurrency === 1 ? '' : ' (one process: no launcher yet)'}`);
    console.log(`  burst       ${USERS} requests drained in ${fmtMs(b!.clientMs)}, the median of ${run.bursts!.length} fresh starts (${run.bursts!.map(fmtMs).join(', ')}) (${against(b!.clientMs, TARGET.burstMs, 'lower')}); server's own timing ${fmtMs(b!.serverMs)} (${against(b!.serverMs, TARGET.burstMs, 'lower')}), server p99 ${fmtMs(b!.serverP99Ms)}, ${b!.errors} errors; event-loop delay since start max ${fmtMs(b!.eventLoop?.maxMs ?? NaN)} p99 ${fmtMs(b!.eventLoop?.p99Ms ?? NaN)}; load ${b!.load}`);
    console.log(`  steady      ${s!.requests} requests (${s!.perSecond.toFixed(1)}/s offered and served), p50 ${fmtMs(s!.p50)}, p95 ${fmtMs(s!.p95)}, p99 ${fmtMs(s!.p99)} (${against(s!.p99, TARGET.p99Ms, 'lower')}), max ${fmtMs(s!.max)}, errors ${s!.errors} (${s!.errors === 0 ? 'met' : 'NOT met'}); load ${s!.load}`);
    // The burst's floor on this machine: the CPU its requests took (web, PostgreSQL, this generator) spread
    // over every core, as if nothing waited on anything.
    console.log(`              the burst took ${fmtMs(b!.cpuMs)} of CPU: ${CORES} cores cannot drain it in less than ${fmtMs(b!.cpuMs / CORES)} (the floor; drained in ${(b!.clientMs / (b!.cpuMs / CORES)).toFixed(2)}x it)`);
    console.log(`              ${s!.cost}`);
    console.log(`              ${s!.background}`);
    console.log(`  saturation  ${x!.perSecond.toFixed(1)} requests/s, p50 ${fmtMs(x!.p50)}, p99 ${fmtMs(x!.p99)}, errors ${x!.errors}; ${(x!.perSecond / base.saturation!.perSecond).toFixed(2)}x ${base.label} (target ${TARGET.saturationRatio}x: ${x!.perSecond / base.saturation!.perSecond >= TARGET.saturationRatio ? 'met' : 'NOT met'}); load ${x!.load}`);
    console.log(`              ${x!.cost}`);
    // What this machine can serve at all at that cost per request: every core busy with nothing but this
    // request mix (web processes, PostgreSQL and the generator, which share the cores), against what the
    // saturation target asks.
    const cpu = x!.cpuPerRequest;
    const ceiling = (CORES * 1000) / (cpu.web + cpu.postgres + cpu.generator);
    const asked = TARGET.saturationRatio * base.saturation!.perSecond;
    console.log(`              machine ceiling at this cost: ${CORES} cores / ${(cpu.web + cpu.postgres + cpu.generator).toFixed(1)} ms of CPU a request = ${ceiling.toFixed(0)} requests/s (${(ceiling / base.saturation!.perSecond).toFixed(2)}x ${base.label}); ${TARGET.saturationRatio}x asks ${asked.toFixed(0)} requests/s${asked > ceiling ? ': beyond this machine' : ''}`);
    if (process.env.BENCH_KINDS !== '0') {
      console.log('  steady, by kind (slowest p95 first):');
      for (const line of s!.kinds.slice(0, 8)) console.log(line);
    }
  }
  if (PROFILE) {
    for (const run of runs) {
      const dir = path.join(profileDir, `wc${run.webConcurrency}`);
      for (const file of await readdir(dir).catch(() => [] as string[])) {
        console.log(`\nCPU profile ${run.label} ${file}: self time by module`);
        for (const line of await summariseProfile(path.join(dir, file))) console.log(`  ${line}`);
      }
    }
  }
}
console.log(`\nload average at the end: ${loadAverage()}\n`);

await agent.close();
await db.close();
await embedded.stop();

interface Kept { password: string; sessionSecret: string; cookies: Record<string, Record<string, string>> }
async function readKept(): Promise<Kept | undefined> {
  return readFile(keptFile, 'utf8').then((text) => JSON.parse(text) as Kept, () => undefined);
}

/** The kept sessions, when every user has one still stored (not expired, not ended by an account change). */
async function reuseSessions(): Promise<boolean> {
  if (!kept) return false;
  const sids = plant.users.map((u) => decodeURIComponent(kept.cookies[u.email]?.['cmms.sid'] ?? '').replace(/^s:/, '').split('.')[0]);
  const { rows } = await db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM session WHERE sid = ANY($1::text[]) AND expire > now()', [sids]);
  if (rows[0]!.n !== plant.users.length) return false;
  for (const user of plant.users) sessions.set(user.email, new LoadSession('http://127.0.0.1', agent, user.email, kept.cookies[user.email]));
  console.log(`  ${sessions.size} sessions of the last run reused`);
  return true;
}

function countBy(values: string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].map(([k, n]) => `${n} ${k.toLowerCase()}`).join(', ');
}
