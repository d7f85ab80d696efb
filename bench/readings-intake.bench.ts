// npm run bench:readings-intake (also run by npm run bench:health) — readings from a SCADA over HTTP
// (issue 25): batches of 10 000 readings POSTed as JSON to /api/v1/readings on a real back office
// (embedded PostgreSQL, 127.0.0.1), each batch parsed, checked, written in one INSERT … ON CONFLICT DO
// NOTHING with its change history and condition monitoring; against, in the same run, a baseline of one
// INSERT per reading (the same readings table, triggers and history, one statement and round trip each,
// straight to the database, no HTTP at all), timed on a sample. Printed: readings/s of each and the ratio.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { defineAbilitiesFor } from '../domain/access/abilities.js';
import { createIntegrationToken } from '../domain/readings-intake/integration-tokens.js';
import { startBackOffice } from '../server/back-office.js';
import { loadConfig } from '../server/config.js';
import { freePort } from '../server/embedded-postgres.js';

const BATCHES = Number(process.env.BENCH_BATCHES ?? 20);
const BATCH_SIZE = Number(process.env.BENCH_BATCH_SIZE ?? 10_000);
const POINTS = Number(process.env.BENCH_POINTS ?? 500);
const BASELINE_SAMPLE = Number(process.env.BENCH_BASELINE_SAMPLE ?? 5_000);

const dataDir = await mkdtemp(path.join(os.tmpdir(), 'cmms-bench-readings-'));
const office = await startBackOffice(
  loadConfig({ DATA_DIR: dataDir, PORT: '0', EMBEDDED_PG_PORT: String(await freePort()), ADMIN_EMAIL: 'bench@planta.test', ADMIN_PASSWORD: randomBytes(12).toString('base64url'), LOG_LEVEL: 'silent', WORKERS_IN_PROCESS: 'false' }),
  pino({ level: 'silent' }),
);
let failed = false;
try {
  const { pool, prisma } = office.database;
  // A plant of POINTS measurement points with limits (so condition monitoring judges every reading), 10 per asset.
  await pool.query(`INSERT INTO locations (code, name) VALUES ('BENCH', 'Planta de pruebas')`);
  await pool.query(`INSERT INTO asset_categories (code, name) VALUES ('BENCH', 'Equipos de pruebas')`);
  await pool.query(
    `INSERT INTO assets (code, description, location_id, category_id)
     SELECT 'B-' || g, 'Equipo ' || g, (SELECT id FROM locations WHERE code = 'BENCH'), (SELECT id FROM asset_categories WHERE code = 'BENCH') FROM generate_series(1, $1) g`,
    [Math.ceil(POINTS / 10)],
  );
  await pool.query(
    `INSERT INTO measurement_points (code, asset_id, variable, unit, min_value, max_value)
     SELECT 'TAG-' || lpad(g::text, 5, '0'), (SELECT id FROM assets WHERE code = 'B-' || ((g - 1) / 10 + 1)), 'Temperatura', '°C', 0, 1000
       FROM generate_series(1, $1) g`,
    [POINTS],
  );
  const { rows: points } = await pool.query<{ id: number; code: string }>(`SELECT id, code FROM measurement_points ORDER BY code`);
  const admin = await prisma.user.findFirstOrThrow({ where: { email: 'bench@planta.test' } });
  const ability = defineAbilitiesFor({ userId: admin.id, groups: ['ADMINISTRATORS'], technicianId: null, sharedOrderIds: [], canReadHistory: true, approvalLimit: null, sitePaths: [] });
  const { token } = await createIntegrationToken(prisma, ability, admin.id, { name: 'SCADA de pruebas', scope: 'readings' });

  // Every reading has its own (point, minute): batch b, row i → point i mod POINTS, minute b·(rows per point) + i div POINTS.
  const start = Date.UTC(2026, 0, 1);
  const perPoint = Math.ceil(BATCH_SIZE / POINTS);
  const batch = (b: number) => ({
    readings: Array.from({ length: BATCH_SIZE }, (_, i) => ({
      point: points[i % POINTS]!.code,
      takenAt: new Date(start + (b * perPoint + Math.floor(i / POINTS)) * 60_000).toISOString(),
      value: Math.round(500 + 400 * Math.sin(i + b)),
    })),
  });

  console.error(`plant ready: ${POINTS} points; sending ${BATCHES} batches of ${BATCH_SIZE}…`);
  const started = performance.now();
  let stored = 0;
  for (let b = 0; b < BATCHES; b++) {
    const response = await fetch(`${office.url}/api/v1/readings`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(batch(b)),
    });
    const outcome = (await response.json()) as { stored: number; rejected: number };
    if (response.status !== 200 || outcome.rejected > 0) throw new Error(`batch ${b} answered ${response.status}: ${JSON.stringify(outcome).slice(0, 300)}`);
    stored += outcome.stored;
  }
  const batchSeconds = (performance.now() - started) / 1000;
  const batchRate = stored / batchSeconds;

  console.error(`batches done (${stored} readings); baseline of ${BASELINE_SAMPLE} single INSERTs…`);
  // Baseline: one INSERT per reading, each its own statement and transaction (so its own trigger runs,
  // history entries and round trip), on one connection whose session names the same kind of author.
  const client = await pool.connect();
  const baselineStart = Date.UTC(2027, 0, 1);
  const baselineStarted = performance.now();
  try {
    await client.query(`SELECT set_config('cmms.actor_label', 'integration:baseline', false)`);
    for (let i = 0; i < BASELINE_SAMPLE; i++)
      await client.query(
        `INSERT INTO readings (measurement_point_id, taken_at, value, source) VALUES ($1, $2, $3, 'SCADA') ON CONFLICT (measurement_point_id, taken_at) DO NOTHING`,
        [points[i % POINTS]!.id, new Date(baselineStart + Math.floor(i / POINTS) * 60_000), 500],
      );
  } finally {
    client.release(true);
  }
  const baselineRate = BASELINE_SAMPLE / ((performance.now() - baselineStarted) / 1000);

  const { rows: [history] } = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM change_history WHERE table_name = 'readings'`);
  console.log(JSON.stringify({
    bench: 'readings-intake',
    batches: BATCHES, batchSize: BATCH_SIZE, points: POINTS,
    httpBatches: { readings: stored, seconds: Number(batchSeconds.toFixed(2)), readingsPerSecond: Math.round(batchRate) },
    baselineOneInsertPerReading: { readings: BASELINE_SAMPLE, readingsPerSecond: Math.round(baselineRate) },
    ratio: Number((batchRate / baselineRate).toFixed(1)),
    historyEntries: history!.n,
  }, null, 2));
  console.log(`Readings intake: ${Math.round(batchRate)} readings/s over HTTP in batches of ${BATCH_SIZE} vs ${Math.round(baselineRate)} readings/s one INSERT per reading: ${(batchRate / baselineRate).toFixed(1)}x`);
} catch (error) {
  // Said here: left to the top-level await, a failure ended the run silently with status 0.
  console.error('the bench failed:', error);
  failed = true;
} finally {
  await office.stop();
  await rm(dataDir, { recursive: true, force: true });
  if (failed) process.exit(1);
}
