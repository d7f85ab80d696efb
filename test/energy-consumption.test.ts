// Energy meters (issue 25): consumption per period from cumulative readings, worked by hand, with a meter
// that wraps (rollover) and one that is replaced (reset); per asset, location and category; and the daily
// check that tells supervisors of a day far from its weekday's usual, once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meterConsumption } from '../domain/energy/meter-consumption.js';
import { checkEnergyPatterns, judgeAgainstUsual } from '../domain/energy/out-of-pattern.js';
import { pino } from 'pino';
import { checkEnergyPatternsJob } from '../jobs/check-energy-patterns.job.js';
import type { JobContext } from '../jobs/job.js';
import { JOBS } from '../jobs/registry.js';
import type { Db } from '../prisma/client.js';
import { createTestDatabase, type TestDatabase } from './support/database.js';
import * as make from './support/factories.js';

const TZ = 'America/Tegucigalpa'; // UTC−6 all year
let db: TestDatabase;
let prisma: Db;
beforeAll(async () => {
  db = await createTestDatabase();
  prisma = db.prisma;
});
afterAll(() => db?.drop());

/** A moment in plant time: day of November 2026 and hour. */
const plant = (day: number, hour = 0) => new Date(Date.UTC(2026, 10, day, hour + 6));
const nov = (day: number) => new Date(Date.UTC(2026, 10, day));

let n = 0;
async function aMeter(data: { assetId: number; unit?: string; carrier?: string; rollover?: number }) {
  return prisma.measurementPoint.create({
    data: {
      code: `EM-${++n}`, assetId: data.assetId, variable: 'Energía activa', unit: data.unit ?? 'kWh', isMeter: true,
      energyCarrier: data.carrier ?? 'ELECTRICITY', rolloverValue: data.rollover ?? null,
    },
  });
}
const readings = (measurementPointId: number, values: [Date, number][]) =>
  prisma.reading.createMany({ data: values.map(([takenAt, value]) => ({ measurementPointId, takenAt, value })) });

describe('consumption from cumulative readings', () => {
  let wrapping: { id: number };
  let plain: { id: number };
  let water: { id: number };
  let pump: { id: number; description: string };
  let hall: { id: number; name: string };
  beforeAll(async () => {
    hall = await make.aLocation(prisma, { name: 'Sala de bombas' });
    const category = await make.aCategory(prisma, 'Bombas');
    pump = await make.anAsset(prisma, { locationId: hall.id, categoryId: category.id, description: 'Bomba de alimentación 1' });
    const fan = await make.anAsset(prisma, { locationId: hall.id, categoryId: category.id, description: 'Bomba de alimentación 2' });
    // A five-digit register: 99 999 → 0 (rollover value 100 000).
    wrapping = await aMeter({ assetId: pump.id, rollover: 100_000 });
    await readings(wrapping.id, [
      [plant(1), 99_000],
      [plant(1, 12), 99_600], // +600 on the 1st
      [plant(2), 99_900], // +300, closes the 1st (midnight closes the day before): the 1st = 900
      [plant(2, 12), 150], // wraps: 100 000 − 99 900 + 150 = +250
      [plant(3), 400], // +250: the 2nd = 500
      [plant(3, 12), 20], // a drop the short way round would be 99 620: a reset, +0
      [plant(4), 120], // +100: the 3rd = 100, one reset
      [plant(5), 420], // the 4th = 300
    ]);
    // The same asset's second meter without a rollover value: any drop is a reset.
    plain = await aMeter({ assetId: fan.id });
    await readings(plain.id, [[plant(1), 5_000], [plant(2), 5_040], [plant(3), 10], [plant(4), 70]]); // 40, 0 (reset), 60
    water = await aMeter({ assetId: pump.id, unit: 'm³', carrier: 'WATER' });
    await readings(water.id, [[plant(1), 10], [plant(3), 16.5]]); // 6.5 over two days, counted on the 2nd
  });

  it('adds the differences day by day, wraps at the rollover value and starts a new series at a reset', async () => {
    const rows = await meterConsumption(prisma, { pointIds: [wrapping.id], from: nov(1), to: nov(4), period: 'day', groupBy: 'point', timeZone: TZ });
    expect(rows.map((r) => [r.period, r.consumption, r.rollovers, r.resets])).toEqual([
      ['2026-11-01', 900, 0, 0],
      ['2026-11-02', 500, 1, 0],
      ['2026-11-03', 100, 0, 1],
      ['2026-11-04', 300, 0, 0],
    ]);
  });

  it('a window starting mid-way counts from the reading before it', async () => {
    const rows = await meterConsumption(prisma, { pointIds: [wrapping.id], from: nov(2), to: nov(3), period: 'month', groupBy: 'point', timeZone: TZ });
    expect(rows.map((r) => [r.period, r.consumption])).toEqual([['2026-11-01', 600]]);
  });

  it('sums meters per asset, location and category, each carrier and unit on its own', async () => {
    const query = { pointIds: [wrapping.id, plain.id, water.id], from: nov(1), to: nov(30), period: 'month' as const, timeZone: TZ };
    const byAsset = await meterConsumption(prisma, { ...query, groupBy: 'asset' });
    expect(byAsset.filter((r) => r.groupId === pump.id).map((r) => [r.groupName.endsWith('Bomba de alimentación 1'), r.carrier, r.unit, r.consumption])).toEqual([
      [true, 'ELECTRICITY', 'kWh', 1800],
      [true, 'WATER', 'm³', 6.5],
    ]);
    const byLocation = await meterConsumption(prisma, { ...query, groupBy: 'location' });
    expect(byLocation.map((r) => [r.groupName, r.unit, r.consumption, r.resets])).toEqual([
      ['Sala de bombas', 'kWh', 1900, 2],
      ['Sala de bombas', 'm³', 6.5, 0],
    ]);
    const byCategory = await meterConsumption(prisma, { ...query, groupBy: 'category' });
    expect(byCategory.map((r) => [r.groupName, r.unit, r.consumption])).toEqual([
      ['Bombas', 'kWh', 1900],
      ['Bombas', 'm³', 6.5],
    ]);
  });
});

describe('consumption out of its weekday pattern', () => {
  it('judges against the median and MAD of the same weekdays, with a floor for steady meters', () => {
    expect(judgeAgainstUsual(100, [98, 102, 100, 101])).toMatchObject({ usual: 100.5, outOfPattern: false });
    // MAD 1 → spread 1.48, but at least 10 % of the usual (10.05): 131 is more than 3 spreads away.
    expect(judgeAgainstUsual(131, [98, 102, 100, 101])).toMatchObject({ outOfPattern: true });
    expect(judgeAgainstUsual(129, [98, 102, 100, 101])).toMatchObject({ outOfPattern: false });
    // One odd week barely moves the usual.
    expect(judgeAgainstUsual(100, [98, 102, 100, 101, 400])?.usual).toBe(101);
    expect(judgeAgainstUsual(500, [100, 100, 100])).toBeNull();
  });

  it('tells the supervisors of a day far from its usual once per meter and day, and not of an ordinary day', async () => {
    const group = await prisma.group.upsert({ where: { code: 'SUPERVISORS' }, create: { code: 'SUPERVISORS', name: 'Supervisores' }, update: {} });
    const supervisor = await prisma.user.create({ data: { email: 'energia.sup@planta.test', name: 'Sonia Supervisora', groups: { create: [{ groupId: group.id }] } } });
    const asset = await make.anAsset(prisma, { description: 'Compresor 3' });
    const meter = await aMeter({ assetId: asset.id });
    // Nine weeks of readings at midnight: 1 000 kWh a day, 1 050 on Mondays; Monday 30 November used 3 000.
    const start = Date.UTC(2026, 8, 27, 6); // Sunday 27 September, 00:00 plant time
    let total = 0;
    const values: [Date, number][] = [[new Date(start), 0]];
    for (let d = 1; d <= 65; d++) {
      const closes = new Date(start + d * 86_400_000); // closes the day before it
      const weekday = new Date(start + (d - 1) * 86_400_000 - 6 * 3_600_000).getUTCDay();
      total += d === 65 ? 3_000 : weekday === 1 ? 1_050 : 1_000;
      values.push([closes, total]);
    }
    await readings(meter.id, values);

    const ordinary = await checkEnergyPatterns(prisma, nov(29), TZ);
    expect(ordinary).toMatchObject({ outOfPattern: 0 });
    expect(ordinary.judged).toBeGreaterThanOrEqual(1);

    const first = await checkEnergyPatterns(prisma, nov(30), TZ);
    expect(first).toMatchObject({ outOfPattern: 1, told: 1 });
    const second = await checkEnergyPatterns(prisma, nov(30), TZ);
    expect(second).toMatchObject({ outOfPattern: 1, told: 0 });
    const told = await prisma.notification.findMany({ where: { userId: supervisor.id, kind: 'energy-out-of-pattern' } });
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({ model: 'MeasurementPoint', recordId: meter.id });
    expect(told[0]!.values).toMatchObject({ day: '30/11/2026', consumption: '3.000 kWh', usual: '1.050 kWh' });

    // The 01:30 job (plant time) checks the same day again after a retry: nobody is told twice.
    expect(checkEnergyPatternsJob).toMatchObject({ schedule: '30 1 * * *', queue: 'notifications' });
    expect(JOBS).toContain(checkEnergyPatternsJob);
    const context = { prisma, timeZone: TZ, logger: pino({ level: 'silent' }) } as unknown as JobContext;
    expect(await checkEnergyPatternsJob.handle(checkEnergyPatternsJob.parse({ day: '2026-11-30' }), context)).toMatchObject({ outOfPattern: 1, told: 0 });
    expect(() => checkEnergyPatternsJob.parse({ day: '30/11/2026' })).toThrow();
    expect(await prisma.notification.count({ where: { userId: supervisor.id, kind: 'energy-out-of-pattern' } })).toBe(1);
  });
});
