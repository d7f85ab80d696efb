// KPI snapshots on a small plant whose figures are worked out by hand, and the dashboard that charts them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../prisma/client.js';
import { computeKpiSnapshots } from '../domain/services/kpis.js';
import { startTestBackOffice, type TestBackOffice } from './support/back-office.js';
import * as make from './support/factories.js';
import { aPerson } from './support/people.js';

let office: TestBackOffice;
let prisma: Db;
const TZ = 'America/Tegucigalpa';
const NOW = new Date('2026-11-22T18:00:00Z'); // noon in Tegucigalpa: today is 2026-11-22 there
const daysAgo = (days: number, hours = 0) => new Date(NOW.getTime() - days * 86_400_000 + hours * 3_600_000);
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

beforeAll(async () => {
  office = await startTestBackOffice();
  prisma = office.database.prisma;
  // Two sites; pumps at the first (one in a room below it), a motor and a retired motor at the second.
  const north = await make.aLocation(prisma, { name: 'Planta Norte' });
  const room = await make.aLocation(prisma, { name: 'Sala de bombas', parentId: north.id });
  const south = await make.aLocation(prisma, { name: 'Planta Sur' });
  const pumps = await make.aCategory(prisma, 'Bombas');
  const motors = await make.aCategory(prisma, 'Motores');
  const pump1 = await make.anAsset(prisma, { locationId: room.id, categoryId: pumps.id });
  const pump2 = await make.anAsset(prisma, { locationId: north.id, categoryId: pumps.id });
  const motor = await make.anAsset(prisma, { locationId: south.id, categoryId: motors.id });
  const retired = await make.anAsset(prisma, { locationId: south.id, categoryId: motors.id });
  await prisma.asset.update({ where: { id: retired.id }, data: { status: 'RETIRED' } });

  const corrective = (assetId: number, reported: Date, repairHours: number | null) =>
    prisma.workOrder.create({
      data: {
        kind: 'CORRECTIVE', assetId, description: 'Falla', plannedOn: reported, createdAt: reported, state: repairHours === null ? 'CANCELLED' : 'CLOSED',
        startedAt: repairHours === null ? null : reported, completedAt: repairHours === null ? null : new Date(reported.getTime() + repairHours * 3_600_000),
      },
    });
  await corrective(pump1.id, daysAgo(10), 3);
  await corrective(motor.id, daysAgo(5), 5);
  await corrective(pump1.id, daysAgo(200), 8); // before the 90-day window

  const schedule = async (assetId: number) => (await prisma.maintenanceSchedule.create({ data: { routineId: (await make.aRoutine(prisma)).id, assetId, startsOn: day('2026-01-01') } })).id;
  const preventive = async (assetId: number, plannedOn: string, state: string, completedAt?: string) =>
    prisma.workOrder.create({
      data: { kind: 'PREVENTIVE', scheduleId: await schedule(assetId), assetId, description: 'Rutina', plannedOn: day(plannedOn), state, completedAt: completedAt ? new Date(completedAt) : null },
    });
  await preventive(pump1.id, '2026-11-10', 'CLOSED', '2026-11-09T20:00:00Z'); // on time
  await preventive(pump2.id, '2026-11-12', 'COMPLETED', '2026-11-15T15:00:00Z'); // late
  await preventive(pump2.id, '2026-11-13', 'COMPLETED', '2026-11-14T03:00:00Z'); // 13th, 21:00 local: on time
  await preventive(motor.id, '2026-11-15', 'PENDING'); // due, not done: overdue
  await preventive(pump2.id, '2026-11-30', 'ASSIGNED'); // open, not yet due
  await preventive(motor.id, '2026-11-01', 'CANCELLED'); // not counted
});
afterAll(() => office?.close());

const snapshot = async (takenAt: Date) => {
  const rows = await prisma.kpiSnapshot.findMany({ where: { takenAt } });
  const by = (scope: string, name: string) =>
    Object.fromEntries(rows.filter((r) => r.scope === scope && r.scopeName === name).map((r) => [r.metric, r.value === null ? null : Number(r.value)]));
  return { rows, by };
};

describe('KPI snapshots', () => {
  it('MTBF, MTTR, PM compliance, backlog and overdue for the plant, each site and each category', async () => {
    await computeKpiSnapshots(prisma, { timeZone: TZ, now: NOW });
    const { rows, by } = await snapshot(NOW);
    // 3 assets in service x 90 days x 24 h / 2 failures; repairs of 3 h and 5 h; 2 of 4 PM due on time.
    expect(by('PLANT', 'Planta')).toEqual({ MTBF_HOURS: 3240, MTTR_HOURS: 4, PM_COMPLIANCE_PCT: 50, BACKLOG: 2, OVERDUE: 1 });
    expect(by('SITE', 'Planta Norte')).toEqual({ MTBF_HOURS: 4320, MTTR_HOURS: 3, PM_COMPLIANCE_PCT: 66.67, BACKLOG: 1, OVERDUE: 0 });
    expect(by('SITE', 'Planta Sur')).toEqual({ MTBF_HOURS: 2160, MTTR_HOURS: 5, PM_COMPLIANCE_PCT: 0, BACKLOG: 1, OVERDUE: 1 });
    expect(by('CATEGORY', 'Bombas')).toEqual(by('SITE', 'Planta Norte'));
    expect(by('CATEGORY', 'Motores')).toEqual(by('SITE', 'Planta Sur'));
    expect(rows).toHaveLength(5 * 5);
  });

  it('a ratio with nothing to divide by is empty, not zero', async () => {
    const quiet = await make.aLocation(prisma, { name: 'Planta Tranquila' });
    await make.anAsset(prisma, { locationId: quiet.id });
    const at = new Date(NOW.getTime() + 60_000);
    await computeKpiSnapshots(prisma, { timeZone: TZ, now: at });
    expect((await snapshot(at)).by('SITE', 'Planta Tranquila')).toEqual({ MTBF_HOURS: null, MTTR_HOURS: null, PM_COMPLIANCE_PCT: null, BACKLOG: 0, OVERDUE: 0 });
  });

  it('past two days only the last snapshot of each day is kept', async () => {
    const early = daysAgo(5, -6);
    const late = daysAgo(5, -1);
    for (const takenAt of [early, late]) await prisma.kpiSnapshot.create({ data: { takenAt, scope: 'PLANT', scopeId: 0, scopeName: 'Planta', metric: 'BACKLOG', value: 1 } });
    await computeKpiSnapshots(prisma, { timeZone: TZ, now: new Date(NOW.getTime() + 120_000) });
    const kept = await prisma.kpiSnapshot.findMany({ where: { takenAt: { in: [early, late] } } });
    expect(kept.map((k) => k.takenAt)).toEqual([late]);
  });
});

describe('the dashboard', () => {
  it('charts the latest KPIs and their trend for those who may read them; a technician gets none', async () => {
    const consultant = await aPerson(prisma, office.url, ['CONSULTANTS'], 'Carla Consultora');
    const dashboard = await consultant.client.json<{ kpis: { plant: Record<string, number>; bySite: { name: string }[]; trend: { day: string }[] } }>('/admin/api/dashboard');
    expect(dashboard.body.kpis.plant).toMatchObject({ BACKLOG: 2, OVERDUE: 1 });
    expect(dashboard.body.kpis.bySite.map((s) => s.name)).toEqual(['Planta Norte', 'Planta Sur', 'Planta Tranquila']);
    expect(dashboard.body.kpis.trend.map((t) => t.day)).toEqual(['2026-11-17', '2026-11-22']);

    const technician = await aPerson(prisma, office.url, ['TECHNICIANS'], 'Tomás Técnico', { technician: true });
    expect((await technician.client.json<{ kpis: unknown }>('/admin/api/dashboard')).body.kpis).toBeNull();
  });
});
