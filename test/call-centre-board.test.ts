// The call-centre board ("Tablero" on the ticket list), through HTTP as the plant reads it: tickets by state
// and type, open ones by age, those past their SLA, the caller waiting longest, what was handled today in
// the plant's day, the SIG's last run in words; counted under the viewer's rules, his sites included.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callCentreBoard } from '../domain/call-center/call-centre-board.js';
import { defineAbilitiesFor } from '../domain/access/abilities.js';
import type { Db } from '../prisma/client.js';
import { startTestBackOffice, type TestBackOffice } from './support/back-office.js';
import * as make from './support/factories.js';
import { aPerson, PASSWORD, type Person } from './support/people.js';

let office: TestBackOffice;
let prisma: Db;
let operator: Person;
let scopedSupervisor: Person;
let technician: Person;
const HOUR = 3_600_000;
const ago = (hours: number) => new Date(Date.now() - hours * HOUR);
const tickets = {} as Record<'failureOld' | 'serviceAnswered' | 'complaintResolved' | 'informationLate' | 'failureNew', number>;

type Ticket = { id: number; number: string; type: string; requester: string; reportedAt: string };
type Board = {
  byStateAndType: { state: string; type: string; tickets: number }[];
  openByAge: { type: string; tickets: number[] }[];
  overdue: { tickets: number; response: number; resolution: number; worst: (Ticket & { clock: string; due: string })[] };
  oldestWaiting: Ticket | null;
  today: { from: string; answered: number; resolved: number };
  compliance: { week: string; tickets: number }[];
  lastRun?: { state: string; message: string | null; created: number } | null;
  timeZone: string;
  sigConfigured: boolean;
};
const boardOf = async (person: Person, language = 'es') => {
  const { status, body } = await person.client.json<{ board: Board | null }>(`/admin/api/resources/Ticket/actions/board?language=${language}`);
  expect(status).toBe(200);
  return body.board!;
};

beforeAll(async () => {
  office = await startTestBackOffice();
  prisma = office.database.prisma;
  operator = await aPerson(prisma, office.url, ['OPERATORS'], 'Olga Operadora');
  scopedSupervisor = await aPerson(prisma, office.url, ['SUPERVISORS'], 'Sara Supervisora Norte');
  technician = await aPerson(prisma, office.url, ['TECHNICIANS'], 'Tito Técnico', { technician: true });
  const north = await make.aLocation(prisma, { name: 'Planta Norte', code: 'NORTE' });
  const south = await make.aLocation(prisma, { name: 'Planta Sur', code: 'SUR' });
  const northPump = await make.anAsset(prisma, { locationId: north.id, code: 'N-BOMBA' });
  await prisma.userSite.create({ data: { userId: scopedSupervisor.userId, locationId: north.id } });
  await scopedSupervisor.client.signIn(scopedSupervisor.email, PASSWORD);

  const ticket = (data: { number: string; type: string; state?: string; reportedAt: Date; answeredAt?: Date; resolvedAt?: Date; assetId?: number; locationId?: number; requester?: string }) =>
    prisma.ticket.create({ data: { description: 'Sin energía en el sector', requester: 'Vecino', ...data } }).then((t) => t.id);
  // Past both its clocks (2 h to answer, 24 h to resolve a failure), in Planta Norte.
  tickets.failureOld = await ticket({ number: 'SIG-1', type: 'FAILURE', reportedAt: ago(30), assetId: northPump.id, locationId: north.id, requester: 'José Peña' });
  // Answered now, 10 h after the report: its answer clock stopped (late), its resolution clock runs (72 h).
  tickets.serviceAnswered = await ticket({ number: 'SIG-2', type: 'SERVICE', state: 'IN_PROGRESS', reportedAt: ago(10), answeredAt: new Date() });
  tickets.complaintResolved = await ticket({ number: 'SIG-3', type: 'COMPLAINT', state: 'RESOLVED', reportedAt: ago(50), answeredAt: new Date(), resolvedAt: new Date() });
  // Past its answer clock (4 h) only, in Planta Sur.
  tickets.informationLate = await ticket({ number: 'SIG-4', type: 'INFORMATION', reportedAt: ago(5), locationId: south.id });
  tickets.failureNew = await ticket({ number: 'SIG-5', type: 'FAILURE', reportedAt: ago(1) });

  await prisma.sigSyncRun.create({ data: { state: 'SUCCEEDED', startedAt: ago(1), finishedAt: ago(1), pagesRead: 1, found: 5, created: 5 } });
  await prisma.sigSyncRun.create({ data: { state: 'FAILED', startedAt: ago(0.2), finishedAt: ago(0.2), errorCode: 'sigLayoutChanged', errorValues: { column: 'Número', page: 1 } } });
});
afterAll(() => office?.close());

describe('the call-centre board', () => {
  it('shows an operator the tickets by state and type, by age, past their SLA, the oldest waiting and today', async () => {
    const board = await boardOf(operator);
    expect(board.byStateAndType).toEqual([
      { state: 'IN_PROGRESS', type: 'SERVICE', tickets: 1 },
      { state: 'OPEN', type: 'FAILURE', tickets: 2 },
      { state: 'OPEN', type: 'INFORMATION', tickets: 1 },
      { state: 'RESOLVED', type: 'COMPLAINT', tickets: 1 },
    ]);
    // Under 4 h, 4 to 24 h, 1 to 3 days, older.
    expect(board.openByAge).toEqual([
      { type: 'FAILURE', tickets: [1, 0, 1, 0] },
      { type: 'INFORMATION', tickets: [0, 1, 0, 0] },
      { type: 'SERVICE', tickets: [0, 1, 0, 0] },
    ]);
    expect(board.overdue).toMatchObject({ tickets: 2, response: 2, resolution: 1 });
    expect(board.overdue.worst.map((t) => [t.number, t.clock])).toEqual([['SIG-1', 'response'], ['SIG-4', 'response']]);
    const failure = await prisma.ticket.findUniqueOrThrow({ where: { id: tickets.failureOld } });
    expect(new Date(board.overdue.worst[0]!.due).getTime()).toBe(failure.reportedAt.getTime() + 2 * HOUR);
    expect(board.oldestWaiting).toMatchObject({ id: tickets.failureOld, number: 'SIG-1', requester: 'José Peña' });
    expect(board.today).toMatchObject({ answered: 2, resolved: 1 });
    expect(board.timeZone).toBe('America/Tegucigalpa');
    // Compliance per plant week counts every ticket reported in the last eight weeks.
    expect(board.compliance.reduce((sum, week) => sum + week.tickets, 0)).toBe(5);
  });

  it("tells the SIG's last run and why it failed, in the reader's language", async () => {
    expect((await boardOf(operator)).lastRun).toMatchObject({
      state: 'FAILED',
      message: 'El diseño del SIG cambió: falta la columna Número (página 1). Hay que adaptar el lector del SIG antes de seguir importando tickets.',
    });
    expect((await boardOf(operator, 'en')).lastRun?.message).toMatch(/^The SIG layout changed: the column Número is missing \(page 1\)/);
    expect((await boardOf(operator)).sigConfigured).toBe(false);
  });

  it("counts for a supervisor scoped to Planta Norte his plant's tickets only", async () => {
    const board = await boardOf(scopedSupervisor);
    expect(board.byStateAndType).toEqual([{ state: 'OPEN', type: 'FAILURE', tickets: 1 }]);
    expect(board.overdue).toMatchObject({ tickets: 1, response: 1, resolution: 1 });
    expect(board.overdue.worst.map((t) => t.number)).toEqual(['SIG-1']);
    expect(board.oldestWaiting?.number).toBe('SIG-1');
    expect(board.today).toMatchObject({ answered: 0, resolved: 0 });
    expect(board.compliance.reduce((sum, week) => sum + week.tickets, 0)).toBe(1);
  });

  it('is refused to a technician, who sees no tickets', async () => {
    expect((await technician.client.request('/admin/api/resources/Ticket/actions/board')).status).toBe(403);
  });

  it("counts 'today' and the weeks in the plant's time, not UTC's", async () => {
    // 01:00 in Tegucigalpa (UTC−6) on 10 June 2025: 05:30 UTC was yesterday there, 06:30 UTC is today.
    const now = new Date('2025-06-10T07:00:00Z');
    await prisma.ticket.create({ data: { number: 'OLD-1', type: 'SERVICE', description: 'x', requester: 'y', reportedAt: new Date('2025-06-09T20:00:00Z'), answeredAt: new Date('2025-06-10T05:30:00Z') } });
    await prisma.ticket.create({ data: { number: 'OLD-2', type: 'SERVICE', description: 'x', requester: 'y', reportedAt: new Date('2025-06-09T20:00:00Z'), answeredAt: new Date('2025-06-10T06:30:00Z') } });
    const everyone = defineAbilitiesFor({ userId: 0, groups: ['ADMINISTRATORS'], technicianId: null, sharedOrderIds: [], canReadHistory: false, approvalLimit: null, sitePaths: [] });
    const board = await callCentreBoard(prisma, everyone, { timeZone: 'America/Tegucigalpa', now });
    expect(board!.today.from.toISOString()).toBe('2025-06-10T06:00:00.000Z');
    expect(board!.today.answered).toBe(1);
    // Both reported on Monday 9 June (plant week of the 9th), both answered after their 8 h; resolution still running.
    expect(board!.compliance).toEqual([{ week: '2025-06-09', tickets: 2, responseMet: 0, responseDue: 2, resolutionMet: 0, resolutionDue: 0 }]);
  });
});
