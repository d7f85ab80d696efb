// Preventive generation on real PostgreSQL: calendar cycles across month ends and leap years, working
// calendars and holidays, windows, meters, both at once, idempotency, concurrent runs and numbering.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../prisma/client.js';
import { actAs } from '../prisma/actor.js';
import { generatePreventiveOrders } from '../domain/maintenance/generate-preventive-orders.js';
import { createTestDatabase, type TestDatabase } from './support/database.js';
import * as make from './support/factories.js';

let db: TestDatabase;
let prisma: Db;

beforeAll(async () => {
  db = await createTestDatabase();
  prisma = db.prisma;
});
afterAll(() => db?.drop());

const TZ = 'America/Tegucigalpa';
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const iso = (date: Date | null) => date?.toISOString().slice(0, 10) ?? null;
const generate = (through: string, scheduleIds?: number[]) =>
  actAs({ label: 'job:generate-preventive-orders' }, () => generatePreventiveOrders(prisma, null, { day: day(through), timeZone: TZ, scheduleIds }));

interface Plan {
  every?: number;
  unit?: 'DAY' | 'WEEK' | 'MONTH';
  meterInterval?: number;
  startsOn: string;
  endsOn?: string;
  calendar?: { workingDays: number[]; holidays?: string[] };
  readings?: [string, number][];
}

let planNumber = 0;
/** A schedule on its own asset, with its own routine, frequency, calendar and meter. */
async function aPlan(plan: Plan) {
  const n = ++planNumber;
  const asset = await make.anAsset(prisma);
  const type = await prisma.maintenanceType.create({ data: { code: `PREV-${n}`, name: `Preventivo ${n}` } });
  const frequency = await prisma.frequency.create({
    data: { code: `F-${n}`, name: `Frecuencia ${n}`, calendarInterval: plan.every ?? null, calendarUnit: plan.unit ?? null, meterInterval: plan.meterInterval ?? null },
  });
  const routine = await prisma.routine.create({ data: { code: `R-${n}`, name: `Rutina ${n}`, maintenanceTypeId: type.id, frequencyId: frequency.id } });
  const calendar = plan.calendar
    ? await prisma.workCalendar.create({
        data: {
          code: `CAL-${n}`, name: `Horario ${n}`, workingDays: plan.calendar.workingDays,
          holidays: { create: (plan.calendar.holidays ?? []).map((date) => ({ date: day(date), name: 'Feriado' })) },
        },
      })
    : null;
  const meter = plan.meterInterval
    ? await prisma.measurementPoint.create({ data: { code: `HM-${n}`, assetId: asset.id, variable: 'Horas de marcha', unit: 'h', isMeter: true } })
    : null;
  for (const [takenAt, value] of plan.readings ?? []) await prisma.reading.create({ data: { measurementPointId: meter!.id, takenAt: new Date(takenAt), value } });
  return prisma.maintenanceSchedule.create({
    data: {
      routineId: routine.id, assetId: asset.id, calendarId: calendar?.id, meterPointId: meter?.id,
      startsOn: day(plan.startsOn), endsOn: plan.endsOn ? day(plan.endsOn) : null,
    },
  });
}
const plannedDates = async (scheduleId: number) =>
  (await prisma.workOrder.findMany({ where: { scheduleId }, orderBy: { plannedOn: 'asc' } })).map((o) => iso(o.plannedOn));
const scheduleOf = (id: number) => prisma.maintenanceSchedule.findUniqueOrThrow({ where: { id } });
const read = async (scheduleId: number, takenAt: string, value: number) => {
  const { meterPointId } = await scheduleOf(scheduleId);
  await prisma.reading.create({ data: { measurementPointId: meterPointId!, takenAt: new Date(takenAt), value } });
};

describe('calendar frequencies', () => {
  it('a monthly routine started on January 31st falls on the last day of shorter months, February 29th in a leap year', async () => {
    const schedule = await aPlan({ every: 1, unit: 'MONTH', startsOn: '2024-01-31' });
    await generate('2024-05-31', [schedule.id]);
    expect(await plannedDates(schedule.id)).toEqual(['2024-01-31', '2024-02-29', '2024-03-31', '2024-04-30', '2024-05-31']);
    expect(iso((await scheduleOf(schedule.id)).nextDueOn)).toBe('2024-06-30');
  });

  it('in a common year it is February 28th, and the cycle comes back to the 31st', async () => {
    const schedule = await aPlan({ every: 1, unit: 'MONTH', startsOn: '2025-01-31' });
    await generate('2025-03-31', [schedule.id]);
    expect(await plannedDates(schedule.id)).toEqual(['2025-01-31', '2025-02-28', '2025-03-31']);
  });

  it('a quarterly routine started on November 30th crosses the year end', async () => {
    const schedule = await aPlan({ every: 3, unit: 'MONTH', startsOn: '2023-11-30' });
    await generate('2024-12-01', [schedule.id]);
    expect(await plannedDates(schedule.id)).toEqual(['2023-11-30', '2024-02-29', '2024-05-30', '2024-08-30', '2024-11-30']);
  });

  it('due dates on a holiday or a day off move to the next working day, and several landing there make one order', async () => {
    // Monday to Friday; Christmas (Friday) is a holiday: the 25th, 26th and 27th all become Monday the 28th.
    const schedule = await aPlan({ every: 1, unit: 'DAY', startsOn: '2026-12-21', calendar: { workingDays: [1, 2, 3, 4, 5], holidays: ['2026-12-25'] } });
    await generate('2026-12-31', [schedule.id]);
    expect(await plannedDates(schedule.id)).toEqual(['2026-12-21', '2026-12-22', '2026-12-23', '2026-12-24', '2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31']);
  });

  it('a holiday on the next working day moves it further', async () => {
    const schedule = await aPlan({ every: 1, unit: 'WEEK', startsOn: '2026-04-04', calendar: { workingDays: [1, 2, 3, 4, 5], holidays: ['2026-04-06', '2026-04-07'] } });
    await generate('2026-04-04', [schedule.id]);
    expect(await plannedDates(schedule.id)).toEqual(['2026-04-08']);
  });

  it('stays inside its window: nothing after it ends, and no next due date beyond it', async () => {
    const schedule = await aPlan({ every: 2, unit: 'WEEK', startsOn: '2026-01-05', endsOn: '2026-02-10' });
    await generate('2026-03-01', [schedule.id]);
    expect(await plannedDates(schedule.id)).toEqual(['2026-01-05', '2026-01-19', '2026-02-02']);
    expect((await scheduleOf(schedule.id)).nextDueOn).toBeNull();
  });

  it('a schedule that has not started, a paused one and one on a retired asset get nothing', async () => {
    const future = await aPlan({ every: 1, unit: 'DAY', startsOn: '2026-06-02' });
    const paused = await aPlan({ every: 1, unit: 'DAY', startsOn: '2026-05-01' });
    await prisma.maintenanceSchedule.update({ where: { id: paused.id }, data: { isActive: false } });
    const retired = await aPlan({ every: 1, unit: 'DAY', startsOn: '2026-05-01' });
    await prisma.asset.update({ where: { id: retired.assetId }, data: { status: 'RETIRED' } });
    const result = await generate('2026-06-01', [future.id, paused.id, retired.id]);
    expect(result).toMatchObject({ schedulesDue: 0, ordersCreated: 0 });
  });

  it('a due date someone moved by hand is generated on that date, then the cycle goes on', async () => {
    const schedule = await aPlan({ every: 1, unit: 'MONTH', startsOn: '2026-01-10' });
    await generate('2026-01-10', [schedule.id]);
    await prisma.maintenanceSchedule.update({ where: { id: schedule.id }, data: { nextDueOn: day('2026-02-17') } });
    await generate('2026-03-10', [schedule.id]);
    expect(await plannedDates(schedule.id)).toEqual(['2026-01-10', '2026-02-17', '2026-03-10']);
  });
});

describe('meter frequencies', () => {
  it('an every-500-hours routine fires once when the meter passes the interval, counted from the last order', async () => {
    const schedule = await aPlan({ meterInterval: 500, startsOn: '2026-03-01', readings: [['2026-02-27T10:00:00Z', 1000]] });
    await read(schedule.id, '2026-03-05T10:00:00Z', 1400);
    expect((await generate('2026-03-05', [schedule.id])).ordersCreated).toBe(0);
    await read(schedule.id, '2026-03-09T10:00:00Z', 1620);
    expect((await generate('2026-03-09', [schedule.id])).ordersCreated).toBe(1);
    expect((await generate('2026-03-09', [schedule.id])).ordersCreated).toBe(0);
    await read(schedule.id, '2026-03-20T10:00:00Z', 2100);
    expect((await generate('2026-03-20', [schedule.id])).ordersCreated).toBe(0); // 1620 + 500 not reached
    await read(schedule.id, '2026-03-25T10:00:00Z', 2125);
    await generate('2026-03-25', [schedule.id]);
    expect(await plannedDates(schedule.id)).toEqual(['2026-03-09', '2026-03-25']);
    expect(Number((await scheduleOf(schedule.id)).lastMeterValue)).toBe(2125);
  });

  it('readings taken after the end of the day generated (plant time) do not count yet', async () => {
    const schedule = await aPlan({ meterInterval: 100, startsOn: '2026-03-01', readings: [['2026-02-27T10:00:00Z', 0]] });
    // 2026-03-10 01:00 UTC is still March 9th in Tegucigalpa (UTC-6); 07:00 UTC is March 10th.
    await read(schedule.id, '2026-03-10T07:00:00Z', 150);
    expect((await generate('2026-03-09', [schedule.id])).ordersCreated).toBe(0);
    expect((await generate('2026-03-10', [schedule.id])).ordersCreated).toBe(1);
  });

  it('a monthly-or-250-hours routine fires on whichever comes first, and the meter restarts the month', async () => {
    const schedule = await aPlan({ every: 1, unit: 'MONTH', meterInterval: 250, startsOn: '2026-03-01', readings: [['2026-02-28T12:00:00Z', 5000]] });
    await generate('2026-03-01', [schedule.id]); // the calendar's first due date, and the meter's baseline
    await read(schedule.id, '2026-03-12T12:00:00Z', 5260);
    await generate('2026-03-12', [schedule.id]); // the meter first: the month now runs from the 12th
    expect(iso((await scheduleOf(schedule.id)).nextDueOn)).toBe('2026-04-12');
    await read(schedule.id, '2026-04-10T12:00:00Z', 5400);
    await generate('2026-04-12', [schedule.id]); // then the calendar first: the meter counts from 5400
    await read(schedule.id, '2026-04-20T12:00:00Z', 5600);
    expect((await generate('2026-04-20', [schedule.id])).ordersCreated).toBe(0);
    expect(await plannedDates(schedule.id)).toEqual(['2026-03-01', '2026-03-12', '2026-04-12']);
  });
});

describe('never a duplicate', () => {
  it('generating the same day twice creates nothing the second time', async () => {
    const schedule = await aPlan({ every: 1, unit: 'WEEK', startsOn: '2026-08-03' });
    expect((await generate('2026-08-31', [schedule.id])).ordersCreated).toBe(5);
    expect((await generate('2026-08-31', [schedule.id])).ordersCreated).toBe(0);
    expect(await plannedDates(schedule.id)).toHaveLength(5);
  });

  it('two runs at once (two workers, or the 06:00 job and a click) create each order once', async () => {
    const schedules = await Promise.all(Array.from({ length: 20 }, () => aPlan({ every: 1, unit: 'DAY', startsOn: '2026-09-01' })));
    const ids = schedules.map((s) => s.id);
    const runs = await Promise.all([generate('2026-09-10', ids), generate('2026-09-10', ids), generate('2026-09-10', ids)]);
    expect(runs.map((r) => r.ordersCreated).sort((a, b) => a - b)).toEqual([0, 0, 200]);
    const counts = await prisma.workOrder.groupBy({ by: ['scheduleId', 'plannedOn'], where: { scheduleId: { in: ids } }, _count: true });
    expect(counts).toHaveLength(200);
    expect(counts.every((c) => c._count === 1)).toBe(true);
  });

  it('an order already there for a due date (made by hand) is not made again', async () => {
    const schedule = await aPlan({ every: 1, unit: 'DAY', startsOn: '2026-10-01' });
    await prisma.workOrder.create({ data: { kind: 'PREVENTIVE', scheduleId: schedule.id, assetId: schedule.assetId, plannedOn: day('2026-10-02'), description: 'A mano' } });
    expect((await generate('2026-10-03', [schedule.id])).ordersCreated).toBe(2);
    expect(await plannedDates(schedule.id)).toEqual(['2026-10-01', '2026-10-02', '2026-10-03']);
  });
});

describe('numbers and history', () => {
  it('numbers run on gap-free from the orders made by hand, and restart in the new year', async () => {
    const schedule = await aPlan({ every: 1, unit: 'DAY', startsOn: '2030-12-30' });
    const byHand = await make.aWorkOrder(prisma, { plannedOn: day('2030-12-01') });
    await generate('2031-01-02', [schedule.id]);
    const orders = await prisma.workOrder.findMany({ where: { scheduleId: schedule.id }, orderBy: { plannedOn: 'asc' } });
    expect(byHand.number).toBe('OT-2030-00001');
    expect(orders.map((o) => o.number)).toEqual(['OT-2030-00002', 'OT-2030-00003', 'OT-2031-00001', 'OT-2031-00002']);
    const next = await make.aWorkOrder(prisma, { plannedOn: day('2031-01-15') });
    expect(next.number).toBe('OT-2031-00003');
  });

  it('past 99 999 orders in a year the number widens instead of being cut', async () => {
    await db.pool.query(`INSERT INTO work_order_counters (year, last_number) VALUES (2032, 99999)`);
    const schedule = await aPlan({ every: 1, unit: 'DAY', startsOn: '2032-05-01' });
    await generate('2032-05-01', [schedule.id]);
    const hand = await make.aWorkOrder(prisma, { plannedOn: day('2032-05-02') });
    expect([(await prisma.workOrder.findFirstOrThrow({ where: { scheduleId: schedule.id } })).number, hand.number]).toEqual(['OT-2032-100000', 'OT-2032-100001']);
  });

  it('generated orders are PENDING preventive orders of the schedule, and their creation is in the history as the job', async () => {
    const schedule = await aPlan({ every: 1, unit: 'MONTH', startsOn: '2026-07-15' });
    await generate('2026-07-15', [schedule.id]);
    const order = await prisma.workOrder.findFirstOrThrow({ where: { scheduleId: schedule.id } });
    expect(order).toMatchObject({ kind: 'PREVENTIVE', state: 'PENDING', assetId: schedule.assetId, description: expect.stringMatching(/^Rutina \d+$/) });
    const { rows } = await db.pool.query(`SELECT actor_label FROM change_history WHERE table_name = 'work_orders' AND record_id = $1 AND action = 'INSERT'`, [String(order.id)]);
    expect(rows).toEqual([{ actor_label: 'job:generate-preventive-orders' }]);
  });
});
