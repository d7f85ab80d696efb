// "Generar órdenes" on the schedules, over HTTP: for one schedule or all, by those whose rules allow it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../prisma/client.js';
import { todayIn } from '../domain/dates.js';
import { startTestBackOffice, type TestBackOffice } from './support/back-office.js';
import * as make from './support/factories.js';
import { aPerson, type Person } from './support/people.js';

let office: TestBackOffice;
let prisma: Db;
let supervisor: Person;
let technician: Person;

beforeAll(async () => {
  office = await startTestBackOffice();
  prisma = office.database.prisma;
  supervisor = await aPerson(prisma, office.url, ['SUPERVISORS'], 'Sara Supervisora');
  technician = await aPerson(prisma, office.url, ['TECHNICIANS'], 'Tomás Técnico', { technician: true });
});
afterAll(() => office?.close());

// A monthly schedule that started on today's date two months ago: three due dates up to today.
async function aScheduleDueToday() {
  const today = todayIn(office.config.timeZone);
  const startsOn = new Date(today);
  startsOn.setUTCMonth(startsOn.getUTCMonth() - 2);
  const routine = await make.aRoutine(prisma);
  return prisma.maintenanceSchedule.create({ data: { routineId: routine.id, assetId: (await make.anAsset(prisma)).id, startsOn } });
}
type Answer = { notice?: { message: string; type: string; options?: { count: number } } };

describe('"Generar órdenes"', () => {
  it('a supervisor generates the orders of one schedule, up to today, and is told how many', async () => {
    const schedule = await aScheduleDueToday();
    const other = await aScheduleDueToday();
    const answer = await supervisor.client.json<Answer>(`/admin/api/resources/MaintenanceSchedule/records/${schedule.id}/generate`, { method: 'POST' });
    expect(answer.body.notice).toMatchObject({ message: 'preventiveOrdersGenerated', type: 'success' });
    const made = await prisma.workOrder.count({ where: { scheduleId: schedule.id } });
    expect(made).toBeGreaterThanOrEqual(2);
    expect(answer.body.notice?.options?.count).toBe(made);
    expect(await prisma.workOrder.count({ where: { scheduleId: other.id } })).toBe(0);
  });

  it('for all schedules at once; a second click makes nothing new', async () => {
    const schedule = await aScheduleDueToday();
    const first = await supervisor.client.json<Answer>('/admin/api/resources/MaintenanceSchedule/actions/generateAll', { method: 'POST' });
    expect(first.body.notice?.message).toBe('preventiveOrdersGenerated');
    expect(await prisma.workOrder.count({ where: { scheduleId: schedule.id } })).toBeGreaterThanOrEqual(2);
    const second = await supervisor.client.json<Answer>('/admin/api/resources/MaintenanceSchedule/actions/generateAll', { method: 'POST' });
    expect(second.body.notice?.options?.count).toBe(0);
  });

  it('is refused to a technician, and generates nothing', async () => {
    const schedule = await aScheduleDueToday();
    expect((await technician.client.request(`/admin/api/resources/MaintenanceSchedule/records/${schedule.id}/generate`, { method: 'POST' })).status).toBe(403);
    expect((await technician.client.request('/admin/api/resources/MaintenanceSchedule/actions/generateAll', { method: 'POST' })).status).toBe(403);
    expect(await prisma.workOrder.count({ where: { scheduleId: schedule.id } })).toBe(0);
  });
});
