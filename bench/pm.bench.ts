// npm run bench:pm — generating one day of preventive orders for every active schedule of the demo plant
// (default 50 000 assets, 250 000 orders already there, topped up to 50 000 active schedules), every calendar schedule due
// that day (the worst day), with our set-based generator, against a per-schedule ORM loop measured in the
// same run on a sample of schedules (the loop takes minutes for all of them; its rate is what compares).
// Each side runs on its own fresh copy of the seeded plant (CREATE DATABASE ... TEMPLATE).
import './support/fail-loudly.js';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { actAs } from '../prisma/actor.js';
import { generatePreventiveOrders } from '../domain/maintenance/generate-preventive-orders.js';
import { seedDemoPlant } from '../prisma/seed/demo.js';
import { applyMigrations } from '../prisma/migrate.js';
import { connectDatabase, type Database } from '../server/database.js';
import { startEmbeddedPostgres } from '../server/embedded-postgres.js';

const ASSETS = Number(process.env.BENCH_ASSETS ?? 50_000);
const ORDERS = Number(process.env.BENCH_ORDERS ?? 250_000);
const SAMPLE = Number(process.env.BENCH_LOOP_SAMPLE ?? 1_000);
const SCHEDULES = Number(process.env.BENCH_SCHEDULES ?? 50_000);
const TIME_ZONE = 'America/Tegucigalpa';
const DAY = '2027-03-03'; // a Wednesday, a working day of the demo calendar
const TARGET_SECONDS = 3;
const TARGET_RATIO = 20;

const dataDir = path.resolve('.data/bench-pm');
await mkdir(dataDir, { recursive: true });
const server = await startEmbeddedPostgres({ dataDir, port: 54_391, database: 'cmms_pm_template' });
const urlOf = (database: string) => Object.assign(new URL(server.url), { pathname: `/${database}` }).toString();
const admin = new pg.Pool({ connectionString: urlOf('postgres'), max: 1 });

// The seeded plant is kept between runs as a template database; each measurement gets a copy.
{
  const template = connectDatabase(urlOf('cmms_pm_template'), { max: 4 });
  await applyMigrations(template.pool);
  const { rows } = await template.pool.query<{ assets: number; orders: number }>(
    'SELECT (SELECT count(*) FROM assets)::int AS assets, (SELECT count(*) FROM work_orders)::int AS orders',
  );
  if (rows[0]!.assets !== ASSETS || rows[0]!.orders !== ORDERS) {
    console.log(`Seeding the demo plant (${ASSETS} assets, ${ORDERS} work orders)...`);
    const summary = await seedDemoPlant(template.pool, { assets: ASSETS, orders: ORDERS, reset: true });
    console.log(`  seeded in ${(summary.elapsedMs / 1000).toFixed(1)} s`);
  }
  // The demo plant schedules about 30 000 routines; a second routine on assets without one tops it up to
  // SCHEDULES active schedules. Then every active calendar schedule comes due on the day measured.
  await template.pool.query(
    `INSERT INTO maintenance_schedules (routine_id, asset_id, calendar_id, starts_on, is_active, next_due_on)
     SELECT pick.routine_id, a.id, (SELECT min(id) FROM work_calendars), DATE '2026-01-05', true, $2::date
       FROM assets a
       CROSS JOIN LATERAL (
         SELECT r.id AS routine_id FROM routines r JOIN frequencies f ON f.id = r.frequency_id
          WHERE f.meter_interval IS NULL AND NOT EXISTS (SELECT 1 FROM maintenance_schedules s WHERE s.asset_id = a.id AND s.routine_id = r.id)
          ORDER BY md5(a.id || '-' || r.id) LIMIT 1) pick
      WHERE a.status <> 'RETIRED'
      ORDER BY md5(a.id::text)
      LIMIT greatest(0, $1::int - (SELECT count(*) FROM maintenance_schedules WHERE is_active))`,
    [SCHEDULES, DAY],
  );
  await template.pool.query(`UPDATE maintenance_schedules SET next_due_on = $1 WHERE is_active AND next_due_on IS NOT NULL AND next_due_on <> $1`, [DAY]);
  await template.pool.query('VACUUM ANALYZE');
  await template.close();
}

async function freshCopy(name: string): Promise<Database> {
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name} TEMPLATE cmms_pm_template`);
  const db = connectDatabase(urlOf(name), { max: 4 });
  await db.pool.query('ANALYZE');
  return db;
}
const drop = async (db: Database, name: string) => {
  await db.close();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
};

// The baseline: what a straightforward ORM implementation does, schedule by schedule.
async function perScheduleLoop(db: Database, ids: number[]): Promise<{ ms: number; created: number }> {
  const prisma = db.prisma;
  const day = new Date(`${DAY}T00:00:00Z`);
  let created = 0;
  const started = performance.now();
  await actAs({ label: 'job:bench-loop' }, async () => {
    for (const id of ids) {
      const schedule = await prisma.maintenanceSchedule.findUnique({
        where: { id },
        include: { routine: { include: { frequency: true } }, asset: true, calendar: { include: { holidays: true } } },
      });
      if (!schedule?.isActive || schedule.asset.status === 'RETIRED' || !schedule.nextDueOn || schedule.nextDueOn > day) continue;
      const { frequency } = schedule.routine;
      if (!frequency.calendarInterval || !frequency.calendarUnit) continue;
      let planned = schedule.nextDueOn;
      const holidays = new Set(schedule.calendar?.holidays.map((h) => h.date.toISOString().slice(0, 10)));
      while (schedule.calendar && (!schedule.calendar.workingDays.includes(((planned.getUTCDay() + 6) % 7) + 1) || holidays.has(planned.toISOString().slice(0, 10))))
        planned = new Date(planned.getTime() + 86_400_000);
      const existing = await prisma.workOrder.findFirst({ where: { scheduleId: id, plannedOn: planned } });
      if (!existing) {
        await prisma.workOrder.create({
          data: { kind: 'PREVENTIVE', scheduleId: id, assetId: schedule.assetId, description: schedule.routine.name, plannedOn: planned, priority: schedule.asset.criticality === 'A' ? 'HIGH' : 'MEDIUM' },
        });
        created++;
      }
      const next = new Date(schedule.nextDueOn);
      if (frequency.calendarUnit === 'MONTH') next.setUTCMonth(next.getUTCMonth() + frequency.calendarInterval);
      else next.setUTCDate(next.getUTCDate() + frequency.calendarInterval * (frequency.calendarUnit === 'WEEK' ? 7 : 1));
      await prisma.maintenanceSchedule.update({ where: { id }, data: { nextDueOn: next } });
    }
  });
  return { ms: performance.now() - started, created };
}

try {
  const setBased = await freshCopy('cmms_pm_set_based');
  const due = Number((await setBased.pool.query(`SELECT count(*) FROM maintenance_schedules WHERE is_active`)).rows[0].count);
  // Both copies start from the same template: orders above this id are the ones each side made.
  const lastSeeded = Number((await setBased.pool.query(`SELECT coalesce(max(id), 0) AS id FROM work_orders`)).rows[0].id);
  const t0 = performance.now();
  const result = await actAs({ label: 'job:bench' }, () => generatePreventiveOrders(setBased.prisma, null, { day: new Date(`${DAY}T00:00:00Z`), timeZone: TIME_ZONE }));
  const setBasedMs = performance.now() - t0;
  // The sample the loop runs: calendar schedules due on the day, spread over the plant.
  const sample = (
    await setBased.pool.query<{ id: number }>(
      `SELECT s.id FROM maintenance_schedules s JOIN routines r ON r.id = s.routine_id JOIN frequencies f ON f.id = r.frequency_id
        WHERE s.is_active AND f.meter_interval IS NULL ORDER BY md5(s.id::text) LIMIT $1`,
      [SAMPLE],
    )
  ).rows.map((r) => r.id);
  const made = `SELECT schedule_id, planned_on::text FROM work_orders WHERE schedule_id = ANY($1) AND id > $2 ORDER BY 1, 2`;
  const expected = (await setBased.pool.query(made, [sample, lastSeeded])).rows;
  await drop(setBased, 'cmms_pm_set_based');

  const loopDb = await freshCopy('cmms_pm_loop');
  const loop = await perScheduleLoop(loopDb, sample);
  const got = (await loopDb.pool.query(made, [sample, lastSeeded])).rows;
  await drop(loopDb, 'cmms_pm_loop');

  // What the machine allows: the same number of orders and schedule updates written by two plain
  // statements from rows prepared beforehand (no calendar, numbering or meter work), history on.
  const floorDb = await freshCopy('cmms_pm_floor');
  const floor = await floorDb.prisma.transactionAs(async (tx) => {
    await tx.$executeRawUnsafe(
      `CREATE TEMP TABLE floor_orders ON COMMIT DROP AS
       SELECT 'OT-2099-' || lpad(row_number() OVER (ORDER BY s.id)::text, 6, '0') AS number, s.id AS schedule_id, s.asset_id,
              left(r.name, 500) AS description, $1::date AS planned_on
         FROM maintenance_schedules s JOIN routines r ON r.id = s.routine_id
        WHERE s.is_active ORDER BY s.id LIMIT $2`,
      DAY, result.ordersCreated,
    );
    let started = performance.now();
    await tx.$executeRawUnsafe(
      `INSERT INTO work_orders (number, kind, schedule_id, asset_id, state, priority, description, planned_on, updated_at)
       SELECT number, 'PREVENTIVE', schedule_id, asset_id, 'PENDING', 'MEDIUM', description, planned_on, now() FROM floor_orders`,
    );
    const insertMs = performance.now() - started;
    started = performance.now();
    await tx.$executeRawUnsafe(`UPDATE maintenance_schedules s SET next_due_on = s.next_due_on + 30 FROM floor_orders f WHERE s.id = f.schedule_id`);
    return { insertMs, updateMs: performance.now() - started };
  }, { timeout: 600_000 });
  await drop(floorDb, 'cmms_pm_floor');

  // A typical day: each schedule's next due date where daily generation would have left it (the first
  // date of its cycle on or after the day), so only the schedules whose cycle falls on the day are due.
  const typicalDb = await freshCopy('cmms_pm_typical');
  await typicalDb.pool.query(
    `UPDATE maintenance_schedules s SET next_due_on = cmms_pm_next_due(coalesce(s.cycle_anchor_on, s.starts_on), f.calendar_interval, f.calendar_unit, $1::date - 1)
       FROM routines r JOIN frequencies f ON f.id = r.frequency_id
      WHERE r.id = s.routine_id AND s.next_due_on IS NOT NULL AND f.calendar_interval IS NOT NULL`,
    [DAY],
  );
  await typicalDb.pool.query('VACUUM ANALYZE maintenance_schedules');
  const t1 = performance.now();
  const typical = await actAs({ label: 'job:bench' }, () => generatePreventiveOrders(typicalDb.prisma, null, { day: new Date(`${DAY}T00:00:00Z`), timeZone: TIME_ZONE }));
  const typicalMs = performance.now() - t1;
  await drop(typicalDb, 'cmms_pm_typical');

  const loopPerSchedule = loop.ms / sample.length;
  const loopAllMs = loopPerSchedule * result.schedulesDue;
  const ratio = loopAllMs / setBasedMs;
  const agree = JSON.stringify(expected) === JSON.stringify(got);
  const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  console.log(`\nPreventive generation for ${DAY} on the demo plant (${ASSETS.toLocaleString('en-US')} assets, ${due.toLocaleString('en-US')} active schedules)`);
  console.log(`worst day, every schedule due: ${seconds(setBasedMs)} for ${result.schedulesDue.toLocaleString('en-US')} schedules due, ${result.ordersCreated.toLocaleString('en-US')} orders created (${Math.round(result.ordersCreated / (setBasedMs / 1000)).toLocaleString('en-US')} orders/s, history included)`);
  console.log(`  writes alone: the same ${result.ordersCreated.toLocaleString('en-US')} orders and schedule updates as two plain statements from prepared rows: ${seconds(floor.insertMs + floor.updateMs)} (insert ${seconds(floor.insertMs)}, update ${seconds(floor.updateMs)})`);
  console.log(`typical day, each schedule where daily runs left it: ${seconds(typicalMs)} for ${typical.schedulesDue.toLocaleString('en-US')} schedules due, ${typical.ordersCreated.toLocaleString('en-US')} orders created`);
  console.log(`per-schedule ORM loop: ${seconds(loop.ms)} for a sample of ${sample.length} schedules (${loopPerSchedule.toFixed(2)} ms each, ${loop.created} orders) -> ${(loopAllMs / 1000).toFixed(1)} s for the worst day`);
  console.log(`the loop ${agree ? 'made the same orders as' : 'DISAGREES with'} the generator on the sample`);
  console.log(`ratio (worst day): ${ratio.toFixed(1)}x faster`);
  console.log(`targets: <= ${TARGET_SECONDS} s -> worst day ${setBasedMs / 1000 <= TARGET_SECONDS ? 'met' : 'NOT met'}, typical day ${typicalMs / 1000 <= TARGET_SECONDS ? 'met' : 'NOT met'}; >= ${TARGET_RATIO}x -> ${ratio >= TARGET_RATIO ? 'met' : 'NOT met'}\n`);
} finally {
  await admin.end();
  await server.stop();
}
