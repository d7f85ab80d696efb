// npm run bench:health — asset health (issue 25):
//  1. validation on synthetic plants of known answer (the same figures the tests assert): Weibull shape and
//     scale recovered from fleets of known parameters; crossing dates of readings with a known drift; the
//     30-day failure predictions against the naive baseline (the category's mean interval) on held-out
//     history, as Brier score and log-loss;
//  2. the 06:00 risk job over the demo plant (default 50 000 assets, 250 000 orders, about 240 000
//     readings), time and peak memory, against a per-asset ORM loop in the same run (on a sample of assets,
//     its rate extrapolated to the plant). Each side runs in a process of its own on its own copy of the
//     seeded plant (CREATE DATABASE ... TEMPLATE), so its peak RSS is its own.
// The readings-intake section (bench/readings-intake.bench.ts) runs after this one when present.
import { spawn } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { crossingAccuracy, predictionScores, TOLERANCE, weibullRecovery } from '../domain/reliability/validation.js';
import { seedDemoPlant } from '../prisma/seed/demo.js';
import { applyMigrations } from '../prisma/migrate.js';
import { connectDatabase } from '../server/database.js';
import { startEmbeddedPostgres } from '../server/embedded-postgres.js';

const ASSETS = Number(process.env.BENCH_ASSETS ?? 50_000);
const ORDERS = Number(process.env.BENCH_ORDERS ?? 250_000);
const SAMPLE = Number(process.env.BENCH_LOOP_SAMPLE ?? 1_000);
// BENCH_HEALTH_ONLY=set skips the loop (to profile the job alone).
const ONLY = process.env.BENCH_HEALTH_ONLY;
const SEEDS = [1, 2, 3, 4, 5];
const TARGET_SECONDS = 60;
const TARGET_MEMORY_MB = 512;

const pct = (value: number) => `${(100 * value).toFixed(1)} %`;
const pad = (text: string | number, width: number) => String(text).padStart(width);

console.log('\n1. Validation on synthetic plants (seeds ' + SEEDS.join(', ') + ')');
console.log(`\nWeibull fit, fleets of 300 assets over 3 years (tolerances: shape ${pct(TOLERANCE.shape)}, scale ${pct(TOLERANCE.scale)})`);
console.log('  true shape  true scale | fitted shape (worst error) | fitted scale (worst error) | failures');
const recovery = SEEDS.flatMap((seed) => weibullRecovery({ seed }));
for (const [shape, scale] of [...new Set(recovery.map((r) => `${r.shape}/${r.scale}`))].map((key) => key.split('/').map(Number) as [number, number])) {
  const cases = recovery.filter((r) => r.shape === shape && r.scale === scale);
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  console.log(`  ${pad(shape, 10)}  ${pad(scale, 10)} | ${pad(mean(cases.map((c) => c.fitted!.shape)).toFixed(3), 12)} (${pad(pct(Math.max(...cases.map((c) => c.shapeError))), 7)})   | ${pad(mean(cases.map((c) => c.fitted!.scale)).toFixed(1), 12)} (${pad(pct(Math.max(...cases.map((c) => c.scaleError))), 7)})   | ${Math.round(mean(cases.map((c) => c.fitted!.failures)))}`);
}
const recovered = recovery.every((r) => r.shapeError < TOLERANCE.shape && r.scaleError < TOLERANCE.scale);
console.log(`  every fleet within tolerance: ${recovered ? 'yes' : 'NO'}`);

console.log(`\nCrossing date of a known drift (60 daily readings, noise σ = 1, 5 % outliers; tolerance ${pct(TOLERANCE.crossingShareOfLead)} of the lead time)`);
console.log('  slope/day | true day | predicted (worst error, days) | worst error / lead | true day inside the 90 % interval');
const crossings = SEEDS.flatMap((seed) => crossingAccuracy({ seed }));
for (const slope of [...new Set(crossings.map((c) => c.slopePerDay))]) {
  const cases = crossings.filter((c) => c.slopePerDay === slope);
  const worst = Math.max(...cases.map((c) => Math.abs(c.predictedDay! - c.trueDay)));
  console.log(`  ${pad(slope, 9)} | ${pad(cases[0]!.trueDay.toFixed(1), 8)} | ${pad((cases.reduce((s, c) => s + c.predictedDay!, 0) / cases.length).toFixed(1), 9)} (${worst.toFixed(1)})${' '.repeat(14)} | ${pad(pct(Math.max(...cases.map((c) => c.errorShare))), 17)} | ${cases.filter((c) => c.insideInterval).length} of ${cases.length}`);
}
console.log(`  every drift within tolerance: ${crossings.every((c) => c.errorShare < TOLERANCE.crossingShareOfLead) ? 'yes' : 'NO'}`);

console.log('\n30-day failure prediction on held-out history (2 000 assets, fitted on 2 years, scored on the next 30 days)');
console.log('  shape | assets | failed | Brier model | Brier baseline | log-loss model | log-loss baseline | model better');
for (const score of SEEDS.slice(0, 2).flatMap((seed) => predictionScores({ seed }))) {
  const better = score.brierModel < score.brierBaseline && score.logLossModel < score.logLossBaseline;
  console.log(`  ${pad(score.shape, 5)} | ${pad(score.assets, 6)} | ${pad(score.failuresInHorizon, 6)} | ${pad(score.brierModel.toFixed(4), 11)} | ${pad(score.brierBaseline.toFixed(4), 14)} | ${pad(score.logLossModel.toFixed(4), 14)} | ${pad(score.logLossBaseline.toFixed(4), 17)} | ${better ? 'yes' : 'NO'} (Brier ${(100 * (1 - score.brierModel / score.brierBaseline)).toFixed(1)} % lower)`);
}

console.log(`\n2. The risk job over the demo plant (${ASSETS.toLocaleString('en-US')} assets, ${ORDERS.toLocaleString('en-US')} orders)`);
const dataDir = path.resolve('.data/bench-health');
await mkdir(dataDir, { recursive: true });
const server = await startEmbeddedPostgres({ dataDir, port: 54_394, database: 'cmms_health_template' });
const urlOf = (database: string) => Object.assign(new URL(server.url), { pathname: `/${database}` }).toString();
const admin = new pg.Pool({ connectionString: urlOf('postgres'), max: 1 });

try {
  {
    const template = connectDatabase(urlOf('cmms_health_template'), { max: 4 });
    await applyMigrations(template.pool);
    const { rows } = await template.pool.query<{ assets: number; orders: number }>('SELECT (SELECT count(*) FROM assets)::int AS assets, (SELECT count(*) FROM work_orders)::int AS orders');
    if (rows[0]!.assets !== ASSETS || rows[0]!.orders !== ORDERS) {
      console.log(`  seeding the demo plant (kept in ${dataDir} for the next run)...`);
      const summary = await seedDemoPlant(template.pool, { assets: ASSETS, orders: ORDERS, reset: true });
      console.log(`  seeded in ${(summary.elapsedMs / 1000).toFixed(1)} s`);
      await template.pool.query('VACUUM ANALYZE');
    }
    await template.close();
  }
  const copy = async (name: string) => {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name} TEMPLATE cmms_health_template`);
    return urlOf(name);
  };
  const run = (args: string[]) =>
    new Promise<{ ms: number; assets: number; maxRssMb: number; timings: Record<string, number> }>((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', path.resolve('bench/health-risk-run.ts'), ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
      let out = '';
      child.stdout.on('data', (chunk) => (out += chunk));
      child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').at(-1)!)) : reject(new Error(`health-risk-run ${args[0]} exited with ${code}`))));
    });

  const setUrl = await copy('cmms_health_set');
  const probe = new pg.Pool({ connectionString: setUrl, max: 1 });
  const plant = (await probe.query<{ assets: number; readings: number; points: number }>(
    `SELECT (SELECT count(*) FROM assets WHERE status <> 'RETIRED')::int AS assets, (SELECT count(*) FROM readings)::int AS readings, (SELECT count(*) FROM measurement_points)::int AS points`,
  )).rows[0]!;
  await probe.end();
  const set = await run(['set', setUrl]);
  await admin.query('DROP DATABASE IF EXISTS cmms_health_set WITH (FORCE)');
  console.log(`  the set-based job took ${(set.ms / 1000).toFixed(1)} s; its phases: ${Object.entries(set.timings).map(([name, ms]) => `${name} ${(ms / 1000).toFixed(1)} s`).join(', ')}`);
  if (ONLY !== 'set') {
    const loopUrl = await copy('cmms_health_loop');
    const loop = await run(['loop', loopUrl, String(SAMPLE)]);
    await admin.query('DROP DATABASE IF EXISTS cmms_health_loop WITH (FORCE)');

    const loopAllMs = (loop.ms / loop.assets) * set.assets;
    console.log(`  plant: ${plant.assets.toLocaleString('en-US')} assets in service, ${plant.points.toLocaleString('en-US')} measurement points, ${plant.readings.toLocaleString('en-US')} readings`);
    console.log(`  set-based job: ${(set.ms / 1000).toFixed(1)} s for ${set.assets.toLocaleString('en-US')} assets (models, risk, trends, scores, written), peak RSS ${set.maxRssMb.toFixed(0)} MB`);
    console.log(`  per-asset ORM loop: ${(loop.ms / 1000).toFixed(1)} s for a sample of ${loop.assets.toLocaleString('en-US')} assets (${(loop.ms / loop.assets).toFixed(1)} ms each) -> ${(loopAllMs / 1000).toFixed(0)} s for the plant, peak RSS ${loop.maxRssMb.toFixed(0)} MB`);
    console.log(`  ratios: time ${(loopAllMs / set.ms).toFixed(1)}x faster than the loop; peak memory ${(set.maxRssMb / loop.maxRssMb).toFixed(2)}x the loop's (the loop on its sample)`);
    console.log(`  targets: <= ${TARGET_SECONDS} s -> ${set.ms / 1000 <= TARGET_SECONDS ? 'met' : 'NOT met'}; <= ${TARGET_MEMORY_MB} MB peak -> ${set.maxRssMb <= TARGET_MEMORY_MB ? 'met' : 'NOT met'}\n`);
  }
} finally {
  await admin.end();
  await server.stop();
}
