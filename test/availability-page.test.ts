// The availability page's figures (issue 25) over HTTP: per location and per category over whole days of
// the plant's calendar (America/Tegucigalpa, UTC−6), worst first, the reader's whole part of the plant in
// a total line; a user scoped to one site gets his site's figures only; bad dates are refused plainly.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../prisma/client.js';
import { startTestBackOffice, type TestBackOffice } from './support/back-office.js';
import * as make from './support/factories.js';
import { aPerson, PASSWORD, type Person } from './support/people.js';

type Figures = { id: number; periodHours: number; downtimeHours: number; unplannedDowntimeHours: number; availability: number; failures: number; mtbfHours: number | null; mttrHours: number | null };
type Report = { rows: (Figures & { name: string })[]; total: Figures | null };

let office: TestBackOffice;
let prisma: Db;
let supervisor: Person;
let northSupervisor: Person;
let stranger: Person;
const at = (iso: string) => new Date(iso);

beforeAll(async () => {
  office = await startTestBackOffice();
  prisma = office.database.prisma;
  supervisor = await aPerson(prisma, office.url, ['SUPERVISORS'], 'Sara Supervisora');
  northSupervisor = await aPerson(prisma, office.url, ['SUPERVISORS'], 'Nora Supervisora Norte');
  stranger = await aPerson(prisma, office.url, [], 'Pedro Sin Grupo');

  const north = await make.aLocation(prisma, { name: 'Planta Norte', code: 'NORTE' });
  const south = await make.aLocation(prisma, { name: 'Planta Sur', code: 'SUR' });
  const pumps = await make.aCategory(prisma, 'Bombas');
  const fans = await make.aCategory(prisma, 'Ventiladores');
  const pumpN = await make.anAsset(prisma, { locationId: north.id, categoryId: pumps.id, description: 'Bomba norte' });
  await make.anAsset(prisma, { locationId: north.id, categoryId: fans.id, description: 'Ventilador norte' });
  const pumpS = await make.anAsset(prisma, { locationId: south.id, categoryId: pumps.id, description: 'Bomba sur' });
  const retired = await make.anAsset(prisma, { locationId: south.id, categoryId: fans.id, description: 'Ventilador retirado' });
  await prisma.asset.update({ where: { id: retired.id }, data: { status: 'RETIRED' } });
  await prisma.downtimeEvent.createMany({
    data: [
      // November in the plant: 2026-11-01T06:00Z to 2026-12-01T06:00Z, 720 h per asset.
      { assetId: pumpN.id, startedAt: at('2026-11-10T10:00:00Z'), endedAt: at('2026-11-10T16:00:00Z') }, // 6 h failure
      { assetId: pumpN.id, startedAt: at('2026-11-20T00:00:00Z'), endedAt: at('2026-11-20T12:00:00Z'), planned: true, reason: 'PREVENTIVE' }, // 12 h planned
      { assetId: pumpS.id, startedAt: at('2026-11-05T00:00:00Z'), endedAt: at('2026-11-06T12:00:00Z') }, // 36 h failure
      // Before the plant's November began (05:00 UTC on the 1st is 23:00 on October 31st there): left out.
      { assetId: pumpS.id, startedAt: at('2026-11-01T02:00:00Z'), endedAt: at('2026-11-01T05:00:00Z') },
      { assetId: retired.id, startedAt: at('2026-11-05T00:00:00Z'), endedAt: at('2026-11-25T00:00:00Z') },
    ],
  });
  await prisma.userSite.create({ data: { userId: northSupervisor.userId, locationId: north.id } });
  await northSupervisor.client.signIn(northSupervisor.email, PASSWORD);
});
afterAll(() => office?.close());

const report = (person: Person, query: string) => person.client.json<Report>(`/admin/health/availability?${query}`);

describe('the availability page', () => {
  it('by location: the south plant (36 h stopped of 720) before the north (18 h of 1 440), and the plant in total', async () => {
    const { status, body } = await report(supervisor, 'from=2026-11-01&to=2026-11-30&groupBy=location');
    expect(status).toBe(200);
    expect(body.rows.map((r) => [r.name, r.periodHours, r.downtimeHours, r.unplannedDowntimeHours])).toEqual([
      ['Planta Sur', 720, 36, 36],
      ['Planta Norte', 1440, 18, 6],
    ]);
    expect(body.rows[0]!.availability).toBeCloseTo(684 / 720, 10);
    expect(body.rows[1]!.availability).toBeCloseTo(1422 / 1440, 10);
    expect(body.rows[0]).toMatchObject({ failures: 1, mtbfHours: 684, mttrHours: 36 });
    expect(body.rows[1]).toMatchObject({ failures: 1, mtbfHours: 1422, mttrHours: 6 });
    // Three assets in service (the retired fan is out): 2 160 h, 54 stopped; MTTR over both repairs: 21 h.
    expect(body.total).toMatchObject({ periodHours: 2160, downtimeHours: 54, failures: 2, mtbfHours: (2160 - 54) / 2, mttrHours: 21 });
    expect(body.total!.availability).toBeCloseTo(2106 / 2160, 10);
  });

  it('by category: the pumps of both plants together, the fans untouched', async () => {
    const { body } = await report(supervisor, 'from=2026-11-01&to=2026-11-30&groupBy=category');
    expect(body.rows.map((r) => [r.name, r.periodHours, r.downtimeHours, r.availability])).toEqual([
      ['Bombas', 1440, 54, (1440 - 54) / 1440],
      ['Ventiladores', 720, 0, 1],
    ]);
  });

  it('a supervisor scoped to the north plant gets its figures alone', async () => {
    const { status, body } = await report(northSupervisor, 'from=2026-11-01&to=2026-11-30&groupBy=location');
    expect(status).toBe(200);
    expect(body.rows.map((r) => r.name)).toEqual(['Planta Norte']);
    expect(body.total).toMatchObject({ periodHours: 1440, downtimeHours: 18 });
  });

  it('refuses dates it cannot read or a backwards range, saying how to write them, and a user without the right', async () => {
    // Unreadable: 400; readable but impossible (backwards, longer than a year): 422.
    for (const [query, expected] of [['from=30/11/2026&to=2026-11-30', 400], ['from[a]=1&to=2026-11-30', 400], ['from=2026-11-30&to=2026-11-01', 422], ['from=2025-01-01&to=2026-11-30', 422]] as const) {
      const { status, body } = await supervisor.client.json<{ message: string }>(`/admin/health/availability?${query}`);
      expect(status, query).toBe(expected);
      expect(body.message).toContain('AAAA-MM-DD');
    }
    const denied = await report(stranger, 'from=2026-11-01&to=2026-11-30');
    expect(denied.status).toBe(403);
  });
});
