// Service contracts (issue 24): an order handed to a contractor under a contract covering its asset, its SLA
// measured in plant time (response = first start, resolution = completion, from the hand-over), the SLA
// compliance per vendor, and the owner told once per renewal window. Through HTTP where a person acts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plantDateTime } from '../domain/notifications/triggers/plant-text.js';
import { notifyExpiringContracts } from '../domain/services/contracts/expiring-contracts.js';
import { serviceLevelOf } from '../domain/services/contracts/service-level.js';
import type { Db } from '../prisma/client.js';
import { startTestBackOffice, type TestBackOffice } from './support/back-office.js';
import * as make from './support/factories.js';
import { aPerson, type Person } from './support/people.js';

const PLANT = 'America/Tegucigalpa'; // UTC−6, the test back office's default zone
let office: TestBackOffice;
let prisma: Db;
let planner: Person;
let consultant: Person;

beforeAll(async () => {
  office = await startTestBackOffice({ env: { APP_TIMEZONE: PLANT } });
  prisma = office.database.prisma;
  planner = await aPerson(prisma, office.url, ['SUPERVISORS'], 'Pablo Planificador');
  consultant = await aPerson(prisma, office.url, ['CONSULTANTS'], 'Celia Consultora');
});
afterAll(() => office?.close());

type Clock = { state: string; due: string; stopped: string | null; elapsedHours: number; allowedHours: number };
type Level = { contract: { id: number; title: string } | null; handedOver: string | null; response: Clock | null; resolution: Clock | null; offers: { id: number; title: string }[] };
type Answer = { record: { params: Record<string, unknown>; errors: Record<string, { message: string }> }; notice?: { message: string; type: string }; form?: { offers: { id: number; title: string }[] } };

const levelOf = async (person: Person, orderId: number) => {
  const shown = await person.client.json<Answer>(`/admin/api/resources/WorkOrder/records/${orderId}/show`);
  expect(shown.status).toBe(200);
  return JSON.parse(String(shown.body.record.params.serviceLevel)) as Level;
};
const handOver = (person: Person, orderId: number, contract: number | string) => {
  const body = new FormData();
  body.set('serviceContract', String(contract));
  return person.client.json<Answer>(`/admin/api/resources/WorkOrder/records/${orderId}/linkServiceContract`, { method: 'POST', body });
};

describe('SLA clocks in plant time', () => {
  it('run from the hand-over: response to the first start, resolution to completion, deadlines on the plant clock', () => {
    // Handed over at 22:30 on 29/11 in the plant (04:30 UTC on the 30th); 4 h to respond, 24 h to resolve.
    const handedOver = new Date('2026-11-30T04:30:00Z');
    const level = serviceLevelOf(
      { contractAssignedAt: handedOver, startedAt: new Date('2026-11-30T07:00:00Z'), completedAt: new Date('2026-12-01T06:00:00Z') },
      { responseHours: 4, resolutionHours: 24 },
    )!;
    expect(level.response).toMatchObject({ state: 'MET', elapsedHours: 2.5, allowedHours: 4 });
    expect(plantDateTime(level.response.dueAt, PLANT)).toBe('30/11/2026 02:30');
    expect(plantDateTime(level.response.stoppedAt!, PLANT)).toBe('30/11/2026 01:00');
    // Completed at 00:00 on 01/12 in the plant: 25,5 h, past the 24 h due at 22:30 on 30/11.
    expect(level.resolution).toMatchObject({ state: 'BREACHED', elapsedHours: 25.5 });
    expect(plantDateTime(level.resolution.dueAt, PLANT)).toBe('30/11/2026 22:30');
  });

  it('count elapsed hours across a change of daylight saving, and show the deadline as the plant clock reads it', () => {
    // A plant in New York: midnight EST on 08/03/2026, clocks jump 02:00 → 03:00; 4 elapsed hours end at 05:00 EDT.
    const level = serviceLevelOf({ contractAssignedAt: new Date('2026-03-08T05:00:00Z'), startedAt: null, completedAt: null }, { responseHours: 4, resolutionHours: 8 }, new Date('2026-03-08T08:30:00Z'))!;
    expect(plantDateTime(level.response.dueAt, 'America/New_York')).toBe('08/03/2026 05:00');
    expect(level.response).toMatchObject({ state: 'RUNNING', elapsedHours: 3.5, stoppedAt: null });
    // Still not started past the due moment: breached while it runs.
    const late = serviceLevelOf({ contractAssignedAt: new Date('2026-03-08T05:00:00Z'), startedAt: null, completedAt: null }, { responseHours: 4, resolutionHours: 8 }, new Date('2026-03-08T09:00:01Z'))!;
    expect(late.response.state).toBe('BREACHED');
    expect(late.resolution.state).toBe('RUNNING');
  });

  it('an order started before the hand-over (contractor already on site) answered at the hand-over', () => {
    const level = serviceLevelOf(
      { contractAssignedAt: new Date('2026-11-30T12:00:00Z'), startedAt: new Date('2026-11-30T10:00:00Z'), completedAt: null },
      { responseHours: 2, resolutionHours: 8 }, new Date('2026-11-30T13:00:00Z'),
    )!;
    expect(level.response).toMatchObject({ state: 'MET', elapsedHours: 0 });
  });
});

describe('handing an order to a contractor', () => {
  it('offers the contracts in force covering the asset (by asset or by a location above it), links one, and the page shows its SLA', async () => {
    const site = await make.aLocation(prisma, { name: 'Planta Norte' });
    const room = await make.aLocation(prisma, { name: 'Sala de compresores', parentId: site.id });
    const compressor = await make.anAsset(prisma, { locationId: room.id, description: 'Compresor de aire 2' });
    const airVendor = await make.aVendor(prisma, 'Aire Comprimido del Norte S.A.');
    const byAsset = await make.aServiceContract(prisma, { code: 'CS-AIRE', vendorId: airVendor.id, assetIds: [compressor.id], responseHours: 4, resolutionHours: 24 });
    const bySite = await make.aServiceContract(prisma, { code: 'CS-NORTE', locationIds: [site.id] });
    await make.aServiceContract(prisma, { code: 'CS-VENCIDO', assetIds: [compressor.id], startsOn: new Date('2025-01-01'), endsOn: new Date('2025-12-31') });
    const elsewhere = await make.aServiceContract(prisma, { code: 'CS-OTRO', assetIds: [(await make.anAsset(prisma)).id] });
    const order = await make.aWorkOrder(prisma, { assetId: compressor.id, description: 'Fuga de aceite en el compresor' });

    // Not handed over yet: the page lists what covers the asset.
    const before = await levelOf(planner, order.id);
    expect(before.contract).toBeNull();
    expect(before.offers.map((o) => o.title).sort()).toEqual(['CS-AIRE · Aire Comprimido del Norte S.A.', expect.stringMatching(/^CS-NORTE · /)].sort());
    const offered = await planner.client.json<Answer>(`/admin/api/resources/WorkOrder/records/${order.id}/linkServiceContract`);
    expect(offered.body.form?.offers.map((o) => o.id).sort()).toEqual([byAsset.id, bySite.id].sort());

    // A contract not covering the asset is refused beside the field; nothing is written.
    const refused = await handOver(planner, order.id, elsewhere.id);
    expect(refused.body.record.errors.serviceContract?.message).toBe('Ese contrato no está vigente hoy o no cubre el activo de esta orden: elija uno de la lista.');
    expect((await prisma.workOrder.findUniqueOrThrow({ where: { id: order.id } })).serviceContractId).toBeNull();

    const linked = await handOver(planner, order.id, byAsset.id);
    expect(linked.body.notice).toEqual({ message: 'serviceContractLinked', type: 'success' });
    const stored = await prisma.workOrder.findUniqueOrThrow({ where: { id: order.id } });
    expect(stored.serviceContractId).toBe(byAsset.id);
    expect(Date.now() - stored.contractAssignedAt!.getTime()).toBeLessThan(60_000);

    const after = await levelOf(planner, order.id);
    expect(after.contract?.title).toBe('CS-AIRE · Aire Comprimido del Norte S.A.');
    expect(after.handedOver).toBe(plantDateTime(stored.contractAssignedAt!, PLANT));
    expect(after.response).toMatchObject({ state: 'RUNNING', allowedHours: 4, due: plantDateTime(new Date(stored.contractAssignedAt!.getTime() + 4 * 3600_000), PLANT) });
    expect(after.resolution).toMatchObject({ state: 'RUNNING', allowedHours: 24 });
  });

  it('a form cannot set the contract or the hand-over moment, and a finished order is not handed over', async () => {
    const asset = await make.anAsset(prisma);
    const contract = await make.aServiceContract(prisma, { assetIds: [asset.id] });
    const order = await make.aWorkOrder(prisma, { assetId: asset.id });
    const body = new FormData();
    body.set('serviceContract', String(contract.id));
    const edited = await planner.client.json<Answer>(`/admin/api/resources/WorkOrder/records/${order.id}/edit`, { method: 'POST', body });
    expect(edited.body.record.errors.serviceContract).toBeDefined();
    expect((await prisma.workOrder.findUniqueOrThrow({ where: { id: order.id } })).serviceContractId).toBeNull();

    await prisma.workOrder.update({ where: { id: order.id }, data: { state: 'COMPLETED', completedAt: new Date() } });
    expect((await handOver(planner, order.id, contract.id)).body.record.errors.serviceContract?.message).toBe(
      `La orden ${order.number} ya está terminada o cancelada: no se entrega a un contratista.`,
    );
    expect((await prisma.workOrder.findUniqueOrThrow({ where: { id: order.id } })).serviceContractId).toBeNull();
    // A consultant reads the SLA but does not hand orders over.
    expect((await handOver(consultant, order.id, contract.id)).status).toBe(403);
  });
});

describe("a technician's page of his own order", () => {
  it('does not show the contract, its value or its SLA (contracts are not his to read)', async () => {
    const technician = await aPerson(prisma, office.url, ['TECHNICIANS'], 'Teo Técnico', { technician: true });
    const asset = await make.anAsset(prisma);
    const contract = await make.aServiceContract(prisma, { assetIds: [asset.id] });
    const order = await prisma.workOrder.create({
      data: { kind: 'CORRECTIVE', assetId: asset.id, plannedOn: new Date(), description: 'Orden del técnico', state: 'ASSIGNED', technicianId: technician.technicianId, serviceContractId: contract.id },
    });
    const shown = await technician.client.json<Answer>(`/admin/api/resources/WorkOrder/records/${order.id}/show`);
    expect(shown.status).toBe(200);
    expect(shown.body.record.params.serviceLevel).toBeUndefined();
    expect(shown.body.record.params.serviceContract).toBeUndefined();
    expect((await technician.client.request(`/admin/api/resources/ServiceContract/records/${contract.id}/show`)).status).toBe(403);
  });
});

describe('SLA compliance per vendor', () => {
  it('counts, per vendor, the clocks met among those judged; a clock still running is not judged', async () => {
    const now = Date.now();
    const hoursAgo = (hours: number) => new Date(now - hours * 3600_000);
    const asset = await make.anAsset(prisma);
    const fast = await make.aServiceContract(prisma, { vendorId: (await make.aVendor(prisma, 'Electro Rápido')).id, assetIds: [asset.id], responseHours: 2, resolutionHours: 10 });
    const slow = await make.aServiceContract(prisma, { vendorId: (await make.aVendor(prisma, 'Bombas Lentas')).id, assetIds: [asset.id], responseHours: 2, resolutionHours: 10 });
    const order = (contract: number, handedOver: Date, startedAt: Date | null, completedAt: Date | null) =>
      prisma.workOrder.create({
        data: { kind: 'CORRECTIVE', assetId: asset.id, plannedOn: new Date(), description: 'Contratista', state: completedAt ? 'COMPLETED' : startedAt ? 'IN_PROGRESS' : 'ASSIGNED', serviceContractId: contract, contractAssignedAt: handedOver, startedAt, completedAt },
      });
    // Electro Rápido: responded in 1 h and resolved in 5 h; responded in 3 h (late), resolution still running.
    await order(fast.id, hoursAgo(48), hoursAgo(47), hoursAgo(43));
    await order(fast.id, hoursAgo(4), hoursAgo(1), null);
    // Bombas Lentas: never started in 30 h (both clocks run out); an order handed over 200 days ago is outside the 90.
    await order(slow.id, hoursAgo(30), null, null);
    await order(slow.id, hoursAgo(200 * 24), hoursAgo(200 * 24 - 1), hoursAgo(200 * 24 - 2));

    const page = await consultant.client.json<{ compliance: { days: number; vendors: { vendor: string; orders: number; response: unknown; resolution: unknown }[] } }>(
      '/admin/api/resources/ServiceContract/actions/slaCompliance',
    );
    expect(page.status).toBe(200);
    const rows = page.body.compliance.vendors.filter((v) => ['Electro Rápido', 'Bombas Lentas'].includes(v.vendor));
    expect(rows).toEqual([
      { vendorId: expect.any(Number), vendor: 'Bombas Lentas', orders: 1, response: { met: 0, judged: 1, percent: 0 }, resolution: { met: 0, judged: 1, percent: 0 } },
      { vendorId: expect.any(Number), vendor: 'Electro Rápido', orders: 2, response: { met: 1, judged: 2, percent: 50 }, resolution: { met: 1, judged: 1, percent: 100 } },
    ]);
  });
});

describe('a contract about to end', () => {
  it('tells its owner once per renewal window, counted on the plant calendar; a renewal opens a new window', async () => {
    const owner = await aPerson(prisma, office.url, ['SUPERVISORS'], 'Olivia Dueña del Contrato');
    const contract = await make.aServiceContract(prisma, { code: 'CS-VENCE', ownerId: owner.userId, startsOn: new Date('2026-01-01'), endsOn: new Date('2026-12-20'), renewalNoticeDays: 30 });
    const told = () => prisma.notification.findMany({ where: { kind: 'service-contract-expiring', recordId: contract.id }, orderBy: { id: 'asc' } });

    // The window opens on 20/11 in the plant: at 23:00 on 19/11 plant time (05:00 UTC on the 20th) it is not open yet.
    expect((await notifyExpiringContracts(prisma, PLANT, new Date('2026-11-20T05:00:00Z'))).told).not.toContain(contract.id);
    expect(await told()).toHaveLength(0);
    // At 00:30 on 20/11 in the plant it is.
    expect((await notifyExpiringContracts(prisma, PLANT, new Date('2026-11-20T06:30:00Z'))).told).toContain(contract.id);
    // Run again the same day, and on the following days of the window: nobody is told twice.
    for (const moment of ['2026-11-20T13:00:00Z', '2026-11-21T13:00:00Z', '2026-12-20T13:00:00Z'])
      expect((await notifyExpiringContracts(prisma, PLANT, new Date(moment))).told).not.toContain(contract.id);
    const once = await told();
    expect(once.map((n) => [n.userId, n.eventKey, n.values])).toEqual([
      [owner.userId, `service-contract-expiring:${contract.id}:2026-12-20`, { title: expect.stringMatching(/^CS-VENCE · /), endsOn: '20/12/2026', days: 30 }],
    ]);
    // After the end it is no longer told; renewed for a year, it is told again when the new window opens.
    expect((await notifyExpiringContracts(prisma, PLANT, new Date('2026-12-21T13:00:00Z'))).told).not.toContain(contract.id);
    await prisma.serviceContract.update({ where: { id: contract.id }, data: { endsOn: new Date('2027-12-20') } });
    expect((await notifyExpiringContracts(prisma, PLANT, new Date('2027-11-25T13:00:00Z'))).told).toContain(contract.id);
    expect((await told()).map((n) => n.eventKey)).toEqual([`service-contract-expiring:${contract.id}:2026-12-20`, `service-contract-expiring:${contract.id}:2027-12-20`]);

    // The owner reads it in his centre, in words.
    const centre = await owner.client.json<{ lines: { text: string }[] }>('/admin/notifications');
    expect(centre.body.lines.map((line) => line.text)).toContain(`El contrato ${once[0]!.values && (once[0]!.values as { title: string }).title} vence el 20/12/2026 (en 30 días): decida su renovación.`);
  });
});
