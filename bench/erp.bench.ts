// npm run bench:erp — 5 000 approved requisitions (two lines each) synced to the fake Dynamics 365 answering
// every request after 50 ms, end to end (our sync: lookups by our number in batches, header and lines
// created, results written back, statuses read), in requisitions/s; against, in the same run, a sequential
// baseline of one request per requisition (what the legacy connector did: one POST each, no lookup, no
// lines, no retry), timed on a sample. Then a second run with nothing to push (the steady state every 5 min).
import './support/fail-loudly.js';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { syncRequisitionsWithErp } from '../domain/budgets/erp-sync.js';
import { dynamicsErp } from '../integrations/erp-dynamics/dynamics.erp.js';
import { startFakeDynamics } from '../integrations/erp-dynamics/fake/fake-dynamics.js';
import { DYNAMICS_DEFAULTS } from '../integrations/erp-dynamics/settings.js';
import { actAs } from '../prisma/actor.js';
import { applyMigrations } from '../prisma/migrate.js';
import { connectDatabase } from '../server/database.js';
import { freePort, startEmbeddedPostgres } from '../server/embedded-postgres.js';

const REQUISITIONS = Number(process.env.BENCH_REQUISITIONS ?? 5_000);
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 50);
const BASELINE_SAMPLE = Number(process.env.BENCH_BASELINE_SAMPLE ?? 200);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? DYNAMICS_DEFAULTS.concurrency);

const dataDir = await mkdtemp(path.join(os.tmpdir(), 'cmms-bench-erp-'));
const postgres = await startEmbeddedPostgres({ dataDir, port: await freePort() });
const db = connectDatabase(postgres.url, { max: 6 });
const fake = await startFakeDynamics({ latencyMs: LATENCY_MS });
try {
  await applyMigrations(db.pool);
  const user = await db.prisma.user.create({ data: { email: 'compras@planta.test', name: 'Compras' } });
  // Set-based: drafts with two items each, then submitted and approved (the trigger queues them for the ERP).
  await db.pool.query(
    `INSERT INTO requisitions (title, requested_by_id) SELECT 'Repuestos lote ' || g, $1 FROM generate_series(1, $2) g`,
    [user.id, REQUISITIONS],
  );
  await db.pool.query(
    `INSERT INTO requisition_items (requisition_id, description, quantity, unit, unit_price)
     SELECT r.id, d.description, d.quantity, 'u', d.price FROM requisitions r
     CROSS JOIN (VALUES ('Rodamiento 6205', 4, 12.5), ('Sello mecánico', 1, 310)) AS d(description, quantity, price)`,
  );
  await db.pool.query(`UPDATE requisitions SET state = 'SUBMITTED'`);
  await db.pool.query(`UPDATE requisitions SET state = 'APPROVED', approved_by_id = $1, approved_at = now()`, [user.id]);
  const settings = {
    ...DYNAMICS_DEFAULTS, baseUrl: fake.url, tokenUrl: fake.tokenUrl, clientId: fake.clientId, clientSecret: fake.clientSecret,
    scope: `${fake.url}/.default`, dataAreaId: 'usmf', concurrency: CONCURRENCY,
  };

  // Baseline: one POST per requisition, one after the other, on a sample.
  const baselineErp = dynamicsErp(settings);
  const sample = await db.pool.query<{ number: string; title: string }>(`SELECT number, title FROM requisitions ORDER BY id LIMIT $1`, [BASELINE_SAMPLE]);
  const baselineStarted = performance.now();
  for (const row of sample.rows)
    await baselineErp.odata.post('PurchaseRequisitionHeaders', { dataAreaId: 'usmf', CmmsRequisitionNumber: `BASE-${row.number}`, RequisitionName: row.title });
  const baselineSeconds = (performance.now() - baselineStarted) / 1000;
  const baselineRate = sample.rows.length / baselineSeconds;
  // The baseline's headers are not ours to count below.
  fake.rows('PurchaseRequisitionHeaders').length = 0;

  const erp = dynamicsErp(settings);
  const started = performance.now();
  const result = await actAs({ label: 'job:bench-erp' }, () => syncRequisitionsWithErp(db.prisma, erp, { maxPerRun: REQUISITIONS, concurrency: CONCURRENCY }));
  const seconds = (performance.now() - started) / 1000;
  const rate = result.pushed / seconds;
  const headers = fake.rows('PurchaseRequisitionHeaders');
  const distinct = new Set(headers.map((h) => h.CmmsRequisitionNumber)).size;

  const steadyStarted = performance.now();
  const steady = await actAs({ label: 'job:bench-erp' }, () => syncRequisitionsWithErp(db.prisma, erp, { concurrency: CONCURRENCY }));
  const steadySeconds = (performance.now() - steadyStarted) / 1000;

  console.log(`ERP sync, ${REQUISITIONS} approved requisitions × 2 lines, fake Dynamics 365 at ${LATENCY_MS} ms a request, ${CONCURRENCY} requests in flight`);
  console.log(`  ours:      ${result.pushed} pushed (${result.outcome}, ${result.failed} failed) in ${seconds.toFixed(1)} s = ${rate.toFixed(1)} requisitions/s; ${erp.odata.requests} requests, ${erp.tokens.fetched} token(s)`);
  console.log(`             ERP holds ${headers.length} requisitions for ${distinct} numbers, ${fake.rows('PurchaseRequisitionLines').length} lines`);
  console.log(`  baseline:  sequential, one POST per requisition (header only), ${sample.rows.length} in ${baselineSeconds.toFixed(1)} s = ${baselineRate.toFixed(1)} requisitions/s`);
  console.log(`  ratio:     ${(rate / baselineRate).toFixed(1)}x the baseline (ours also sends the lines and looks up before creating)`);
  console.log(`  next run:  nothing to push, ${steady.pulled} statuses changed, ${REQUISITIONS} read in ${steadySeconds.toFixed(1)} s`);
} finally {
  await fake.close();
  await db.close();
  await postgres.stop();
  await rm(dataDir, { recursive: true, force: true });
}
