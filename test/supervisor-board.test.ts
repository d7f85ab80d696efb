// The supervisor's dashboard of his area over HTTP on a real database: overdue, due this week, backlog by
// craft and requests waiting, counted under his rules; not shown to a technician.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayIn } from '../domain/dates.js';
import type { Db } from '../prisma/client.js';
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

type Board = { overdue: number; dueThisWeek: number; backlogByCraft: { craft: string | null; craftLabel: string; orders: number }[]; requestsWaiting: number };

describe("the supervisor's dashboard of his area", () => {
  it('counts overdue, due this week, backlog by craft and requests waiting', async () => {
    const today = todayIn(office.config.timeZone);
    const weekday = today.getUTCDay() === 0 ? 7 : today.getUTCDay();
    const day = (offset: number) => new Date(today.getTime() + offset * 86_400_000);
    const electrician = await prisma.technician.create({ data: { userId: (await make.aUser(prisma, 'Elena Eléctrica')).id, craft: 'Electricista' } });
    const asset = await make.anAsset(prisma);
    const order = (plannedOn: Date, state: string, technicianId: number | null = null) =>
      prisma.workOrder.create({ data: { kind: 'CORRECTIVE', assetId: asset.id, plannedOn, state, technicianId, description: 'Orden' } });
    await order(day(-3), 'ASSIGNED', technician.technicianId); // overdue, Mecánico
    await order(day(-1), 'ON_HOLD', electrician.id); // overdue, Electricista
    await order(day(-10), 'CLOSED', electrician.id); // done: counts nowhere
    await order(today, 'PENDING'); // due this week, unassigned
    await order(day(7 - weekday), 'ASSIGNED', electrician.id); // Sunday: still this week
    await order(day(8 - weekday), 'ASSIGNED', electrician.id); // next Monday: backlog only
    await prisma.workRequest.create({ data: { assetId: asset.id, reportedById: supervisor.userId, description: 'Ruido', state: 'OPEN' } });
    await prisma.workRequest.create({ data: { assetId: asset.id, reportedById: supervisor.userId, description: 'Fuga', state: 'IN_REVIEW' } });
    await prisma.workRequest.create({ data: { assetId: asset.id, reportedById: supervisor.userId, description: 'Ya resuelto', state: 'REJECTED' } });

    const answer = await supervisor.client.json<{ board: Board }>('/admin/api/dashboard?language=es');
    expect(answer.status).toBe(200);
    expect(answer.body.board).toEqual({
      overdue: 2,
      dueThisWeek: 2,
      backlogByCraft: [
        { craft: 'Electricista', craftLabel: 'Electricista', orders: 3 },
        { craft: 'Mecánico', craftLabel: 'Mecánico', orders: 1 },
        { craft: null, craftLabel: 'Sin técnico asignado', orders: 1 },
      ],
      requestsWaiting: 2,
    });
    expect((await supervisor.client.json<{ board: Board }>('/admin/api/dashboard?language=en')).body.board.backlogByCraft[2]!.craftLabel).toBe('No technician assigned');
  });

  it('is not shown to a technician', async () => {
    expect((await technician.client.json<{ board: Board | null }>('/admin/api/dashboard')).body.board).toBeNull();
  });
});
