// npm run bench:notifications — what notifications cost, on a fresh embedded PostgreSQL:
//   - fan-out: one event (a reading out of limits) to 1 000 supervisors, each told in the centre and
//     given an e-mail and a Telegram delivery (notify(): the rule check on the record, preferences, one
//     set-based write, the NOTIFYs), then the 2 000 deliveries claimed and queued as pg-boss jobs;
//     against a per-person loop doing the same through the ORM (his rules, the record under them, his
//     line, his deliveries), in the same run;
//   - the 07:00 digest over 10 000 overdue orders for 60 supervisors (30 for the whole plant, 30 scoped
//     to one of 20 sites each): sendOverdueDigest (people whose rules are the same SQL share one count)
//     against one count per supervisor, and the floor of one count of all overdue orders.
import './support/fail-loudly.js';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { accessibleWhere, defineAbilitiesFor } from '../domain/access/abilities.js';
import { loadCurrentUser } from '../domain/access/current-user.js';
import { todayIn } from '../domain/dates.js';
import { claimPendingDeliveries } from '../domain/notifications/deliver.js';
import { readingOutOfLimits } from '../domain/notifications/kinds/reading-out-of-limits.kind.js';
import { notify } from '../domain/notifications/notify.js';
import { sendOverdueDigest } from '../domain/notifications/triggers/work-orders.js';
import { bootstrapAccessControl } from '../domain/users/bootstrap.js';
import { startQueue } from '../jobs/boss.js';
import { deliverNotificationJob } from '../jobs/deliver-notification.job.js';
import { applyMigrations } from '../prisma/migrate.js';
import { connectDatabase } from '../server/database.js';
import { freePort, startEmbeddedPostgres } from '../server/embedded-postgres.js';

const FAN_OUT = Number(process.env.BENCH_RECIPIENTS ?? 1_000);
const OVERDUE = Number(process.env.BENCH_OVERDUE ?? 10_000);
const SITES = 20;
const TIME_ZONE = 'America/Tegucigalpa';

const dataDir = await mkdtemp(path.join(os.tmpdir(), 'cmms-bench-notifications-'));
const postgres = await startEmbeddedPostgres({ dataDir, port: await freePort() });
const db = connectDatabase(postgres.url, { max: 6 });
const prisma = db.prisma;
const ms = (start: number) => performance.now() - start;
const show = (value: number) => `${value.toFixed(0)} ms`;
try {
  await applyMigrations(db.pool);
  await bootstrapAccessControl(prisma, { email: 'admin@bench.test', password: randomBytes(18).toString('base64url') });
  const supervisors = (await prisma.group.findUniqueOrThrow({ where: { code: 'SUPERVISORS' } })).id;

  // The plant: 20 sites with an asset each; 10 000 open orders planned before today.
  const sites = [];
  const category = await prisma.assetCategory.create({ data: { code: 'B', name: 'Bombas' } });
  for (let i = 0; i < SITES; i++) {
    const location = await prisma.location.create({ data: { code: `SITIO-${i}`, name: `Sitio ${i}` } });
    const asset = await prisma.asset.create({ data: { code: `ACT-${i}`, description: `Bomba ${i}`, locationId: location.id, categoryId: category.id } });
    sites.push({ location, asset });
  }
  const today = todayIn(TIME_ZONE);
  await db.pool.query(
    `INSERT INTO work_orders (kind, asset_id, state, description, planned_on, updated_at)
     SELECT 'CORRECTIVE', ($1::int[])[1 + i % $2], 'PENDING', 'Orden vencida ' || i, $3::date - (1 + i % 30), now()
       FROM generate_series(1, $4) AS i`,
    [sites.map((s) => s.asset.id), SITES, today.toISOString().slice(0, 10), OVERDUE],
  );
  const point = await prisma.measurementPoint.create({ data: { code: 'VIB-1', assetId: sites[0]!.asset.id, variable: 'Vibración', unit: 'mm/s', minValue: 0, maxValue: 10 } });
  const request = await prisma.workRequest.create({ data: { assetId: sites[0]!.asset.id, description: 'Vibración alta', source: 'CONDITION', measurementPointId: point.id } });

  // 1 000 supervisors for the fan-out (and their baseline twins), set-based.
  const people = async (prefix: string, count: number) => {
    const { rows } = await db.pool.query<{ id: number }>(
      `INSERT INTO users (email, name, updated_at) SELECT $1 || i || '@bench.test', 'Supervisor ' || $1 || i, now() FROM generate_series(1, $2) AS i RETURNING id`,
      [prefix, count],
    );
    await db.pool.query(`INSERT INTO user_groups (user_id, group_id) SELECT unnest($1::int[]), $2`, [rows.map((r) => r.id), supervisors]);
    return rows.map((r) => r.id);
  };
  const fanOut = await people('fan', FAN_OUT);
  const twins = await people('loop', FAN_OUT);

  // Fan-out through notify(), after one small event, as on a running server (the client's first queries
  // of a model compile their plans).
  await notify(prisma, { kind: readingOutOfLimits, key: `warm-up:${request.id}`, recordId: request.id, values: {}, recipients: twins.slice(0, 5) });
  await prisma.notification.deleteMany({ where: { eventKey: { startsWith: 'warm-up:' } } });
  let start = performance.now();
  const told = await notify(prisma, { kind: readingOutOfLimits, key: `bench:${request.id}`, recordId: request.id, values: { title: '#1 · Vibración alta', point: 'VIB-1 · Vibración', value: '14 mm/s' }, recipients: fanOut });
  const notifyMs = ms(start);
  const queue = await startQueue({ databaseUrl: postgres.url, logger: pino({ level: 'silent' }), work: false });
  start = performance.now();
  let queued = 0;
  for (;;) {
    // Every channel counted as configured: the bench queues each delivery as a job.
    const { queued: ids } = await claimPendingDeliveries(prisma, 500, ['email', 'telegram', 'webhook']);
    if (!ids.length) break;
    await queue.boss.insert(deliverNotificationJob.queue, ids.map((deliveryId) => ({ data: { job: deliverNotificationJob.name, payload: { deliveryId } } })));
    queued += ids.length;
  }
  const queueMs = ms(start);
  await queue.stop();

  // The same fan-out, one person at a time through the ORM.
  start = performance.now();
  for (const userId of twins) {
    const user = await loadCurrentUser(prisma, userId);
    if (!user) continue;
    const where = accessibleWhere(defineAbilitiesFor(user.access), 'read', 'WorkRequest');
    if (!where || !(await prisma.workRequest.findFirst({ where: { AND: [where, { id: request.id }] }, select: { id: true } }))) continue;
    const line = await prisma.notification.create({ data: { userId, kind: readingOutOfLimits.name, eventKey: `loop:${request.id}`, model: 'WorkRequest', recordId: request.id, messageKey: 'x', values: {} } });
    await prisma.notificationDelivery.createMany({ data: ['email', 'telegram'].map((channel) => ({ notificationId: line.id, eventKey: `loop:${request.id}`, userId, channel })) });
  }
  const loopMs = ms(start);

  // The digest: 30 supervisors for the whole plant, 30 scoped to one site each (20 sites).
  await prisma.user.updateMany({ where: { id: { in: [...fanOut, ...twins] } }, data: { isActive: false } });
  const digestPeople = await people('digest', 60);
  await db.pool.query(`INSERT INTO user_sites (user_id, location_id) SELECT u, ($2::int[])[1 + (n % $3)] FROM unnest($1::int[]) WITH ORDINALITY AS t(u, n)`, [digestPeople.slice(30), sites.map((s) => s.location.id), SITES]);
  start = performance.now();
  const digest = await sendOverdueDigest(prisma, today);
  const digestMs = ms(start);
  // Baseline: one count (and sample) per supervisor under his rules, as a plain loop would.
  start = performance.now();
  for (const userId of digestPeople) {
    const user = await loadCurrentUser(prisma, userId);
    const where = accessibleWhere(defineAbilitiesFor(user!.access), 'read', 'WorkOrder')!;
    const overdue = { AND: [where, { state: { in: ['PENDING', 'ASSIGNED', 'IN_PROGRESS', 'ON_HOLD'] } }, { plannedOn: { lt: today } }] };
    await Promise.all([prisma.workOrder.count({ where: overdue }), prisma.workOrder.findMany({ where: overdue, select: { number: true }, orderBy: [{ plannedOn: 'asc' }, { id: 'asc' }], take: 5 })]);
  }
  const perSupervisorMs = ms(start);
  start = performance.now();
  await prisma.workOrder.count({ where: { state: { in: ['PENDING', 'ASSIGNED', 'IN_PROGRESS', 'ON_HOLD'] }, plannedOn: { lt: today } } });
  const floorMs = ms(start);

  console.log(`\nNotifications (embedded PostgreSQL, ${os.cpus().length} cores)`);
  console.log(`fan-out of one event to ${FAN_OUT.toLocaleString('en-US')} supervisors: notify() ${show(notifyMs)} (${told.notified.length} told, ${told.deliveries} deliveries written), queueing the ${queued.toLocaleString('en-US')} delivery jobs ${show(queueMs)}`);
  console.log(`  per-person ORM loop doing the same: ${show(loopMs)} -> notify() is ${(loopMs / notifyMs).toFixed(1)}x faster`);
  console.log(`digest of ${OVERDUE.toLocaleString('en-US')} overdue orders for ${digestPeople.length} supervisors (${digest.supervisors} told, ${digest.queries} distinct rule sets counted): ${show(digestMs)}`);
  console.log(`  one count per supervisor: ${show(perSupervisorMs)} -> ${(perSupervisorMs / digestMs).toFixed(1)}x; floor, one count of all overdue orders: ${show(floorMs)}\n`);
} finally {
  await db.close();
  await postgres.stop();
  await rm(dataDir, { recursive: true, force: true });
}
