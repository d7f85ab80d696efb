// The work-order list a supervisor reads: which order, what, on which asset and where, who, state,
// priority, date; the location is named (never an id) and the list sorts by it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../prisma/client.js';
import { startTestBackOffice, type TestBackOffice } from './support/back-office.js';
import * as make from './support/factories.js';
import { aPerson, type Person } from './support/people.js';

let office: TestBackOffice;
let prisma: Db;
let supervisor: Person;
let technician: Person;

type ListJson = { records: { id: string; params: Record<string, unknown>; populated: Record<string, { title: string } | null> }[] };

beforeAll(async () => {
  office = await startTestBackOffice();
  prisma = office.database.prisma;
  supervisor = await aPerson(prisma, office.url, ['SUPERVISORS'], 'Sara Supervisora');
  technician = await aPerson(prisma, office.url, ['TECHNICIANS'], 'Tomás Técnico', { technician: true });
  const plant = await make.aLocation(prisma, { code: 'PL', name: 'Planta' });
  const boilers = await make.aLocation(prisma, { code: 'PL-CAL', name: 'Calderas', parentId: plant.id });
  const pumps = await make.aLocation(prisma, { code: 'PL-BOM', name: 'Bombas', parentId: plant.id });
  const boiler = await make.anAsset(prisma, { code: 'CAL-1', description: 'Caldera principal', locationId: boilers.id });
  const pump = await make.anAsset(prisma, { code: 'BOM-1', description: 'Bomba de alimentación', locationId: pumps.id });
  for (const [assetId, description] of [[boiler.id, 'Revisar quemador'], [pump.id, 'Cambiar sello'], [boiler.id, 'Purgar caldera']] as const)
    await prisma.workOrder.create({ data: { kind: 'CORRECTIVE', assetId, description, plannedOn: new Date('2026-11-20'), technicianId: technician.technicianId, state: 'ASSIGNED' } });
});
afterAll(() => office?.close());

describe('the work-order list', () => {
  it('shows by default number, description, asset, location, technician, state, priority, date and kind', async () => {
    const page = await supervisor.client.request('/admin/resources/WorkOrder');
    expect(page.status).toBe(200);
    const html = await page.text();
    // The resource's settings as the page gives them to the browser: the list's columns, in order.
    const listed = /"listProperties":\[(.*?)\],"editProperties"/.exec(html)?.[1] ?? '';
    const columns = [...listed.matchAll(/"propertyPath":"(\w+)"/g)].map((m) => m[1]).filter((name, i, all) => all.indexOf(name) === i);
    expect(columns.slice(0, 9)).toEqual(['number', 'description', 'asset', 'location', 'technician', 'state', 'priority', 'plannedOn', 'kind']);
  });

  it("names each order's location by its full name, for a supervisor and for the technician alike", async () => {
    for (const person of [supervisor, technician]) {
      const list = await person.client.json<ListJson>('/admin/api/resources/WorkOrder/actions/list?sortBy=number&direction=asc');
      expect(list.status).toBe(200);
      expect(list.body.records.map((r) => [r.params.description, r.populated.location?.title])).toEqual([
        ['Revisar quemador', 'Planta > Calderas'],
        ['Cambiar sello', 'Planta > Bombas'],
        ['Purgar caldera', 'Planta > Calderas'],
      ]);
      const shown = await person.client.json<{ record: { populated: Record<string, { title: string } | null> } }>(`/admin/api/resources/WorkOrder/records/${list.body.records[1]!.id}/show`);
      expect(shown.body.record.populated.location?.title).toBe('Planta > Bombas');
    }
  });

  it('sorts by location name, either way, numbers breaking ties', async () => {
    const ascending = await supervisor.client.json<ListJson>('/admin/api/resources/WorkOrder/actions/list?sortBy=location&direction=asc');
    expect(ascending.body.records.map((r) => r.params.description)).toEqual(['Cambiar sello', 'Revisar quemador', 'Purgar caldera']);
    const descending = await supervisor.client.json<ListJson>('/admin/api/resources/WorkOrder/actions/list?sortBy=location&direction=desc');
    expect(descending.body.records.map((r) => r.populated.location?.title)).toEqual(['Planta > Calderas', 'Planta > Calderas', 'Planta > Bombas']);
  });
});
