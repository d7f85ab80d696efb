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
try {
  const { pool, prisma } = office.database;
  // A plant of POINTS measurement points with limits (so condition monitoring judges every reading), 10 per asset.
  await pool.query(`INSERT INTO locations (code, name) VALUES ('BENCH', 'Planta de pruebas')`);
  await pool.query(
    `INSERT INTO assets (code, description, location_id) SELECT 'B-' || g, 'Equipo ' || g, (SELECT id FROM locations WHERE code = 'BENCH') FROM generate_series(1, $1) g`,
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
  const ability = defineAbilitiesFor({ userId: admin.id, groups: ['ADMINISTRATORS'], technicianId: null, canReadHistory: true, approvalLimit: null, sitePaths: [] });
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

  // Baseline: one INSERT per reading on its own connection, each its own statement (and so its own trigger
  // runs, history entry batch and round trip), with the same actor settings for the history.
  const client = await pool.connect();
  const baselineStart = Date.UTC(2027, 0, 1);
  const baselineStarted = performance.now();
  try {
    for (let i = 0; i < BASELINE_SAMPLE; i++) {
      await client.query('BEGIN');
      await client.query(`SELECT set_config('cmms.actor_label', 'integration:baseline', true)`);
      await client.query(
        `INSERT INTO readings (measurement_point_id, taken_at, value, source) VALUES ($1, $2, $3, 'SCADA') ON CONFLICT (measurement_point_id, taken_at) DO NOTHING`,
        [points[i % POINTS]!.id, new Date(baselineStart + Math.floor(i / POINTS) * 60_000), 500],
      );
      await client.query('COMMIT');
    }
  } finally {
    client.release();
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
} finally {
  await office.stop();
  await rm(dataDir, { recursive: true, force: true });
}
