// Reports on a read replica (issue 26): with DATABASE_REPLICA_URL set, the KPI job, Excel exports and the
// dashboard read there, and nothing is written there. Here the "replica" is a second database holding
// different orders and assets than the primary, so every figure tells which one it was read from.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeKpisJob } from '../jobs/compute-kpis.job.js';
import { startTestBackOffice, TEST_ADMIN, type TestBackOffice } from './support/back-office.js';
import { createTestDatabase, type TestDatabase } from './support/database.js';
import * as make from './support/factories.js';
import { HttpClient } from './support/http-client.js';
import { aPerson, PASSWORD, type Person } from './support/people.js';

let replica: TestDatabase;
let office: TestBackOffice;
let admin: HttpClient;

const openOrders = async (db: TestDatabase, count: number, description: string) => {
  for (let i = 0; i < count; i++) await make.aWorkOrder(db.prisma, { description: `${description} ${i + 1}` });
};

beforeAll(async () => {
  replica = await createTestDatabase();
  office = await startTestBackOffice({ env: { DATABASE_REPLICA_URL: replica.url } });
  await openOrders(office.db, 2, 'Orden del primario');
  await openOrders(replica, 5, 'Orden de la réplica');
  admin = new HttpClient(office.url);
  await admin.signIn(TEST_ADMIN.email, TEST_ADMIN.password);
}, 120_000);
afterAll(async () => {
  await office?.close();
  await replica?.drop();
});

describe('reports on a read replica', () => {
  it('the KPI job reads the orders on the replica and writes its snapshots on the primary', async () => {
    await office.queue.send(computeKpisJob, {});
    const backlog = await (async () => {
      for (let waited = 0; waited < 30_000; waited += 200) {
        const row = await office.db.prisma.kpiSnapshot.findFirst({ where: { scope: 'PLANT', metric: 'BACKLOG' } });
        if (row) return Number(row.value);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      throw new Error('no KPI snapshot on the primary within 30 s');
    })();
    expect(backlog).toBe(5);
    expect(await replica.prisma.kpiSnapshot.count()).toBe(0);
  });

  it('an Excel export lists the replica’s rows', async () => {
    const response = await admin.request('/admin/exports/WorkOrder.xlsx');
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as never);
    const text = JSON.stringify(workbook.worksheets[0]!.getSheetValues());
    expect(text).toContain('Orden de la réplica 5');
    expect(text).not.toContain('Orden del primario');
    expect(workbook.worksheets[0]!.actualRowCount).toBe(1 + 5);
  });

  it('the dashboard counts what the replica holds, and a change is written to the primary only', async () => {
    const dashboard = await admin.json<{ counts: { label: string; value: number }[] }>('/admin/api/dashboard');
    expect(dashboard.status).toBe(200);
    expect(dashboard.body.counts.find((c) => c.label === 'dashboardAssets')?.value).toBe(await replica.prisma.asset.count());
    expect(await replica.prisma.asset.count()).not.toBe(await office.db.prisma.asset.count());

    const order = await office.db.prisma.workOrder.findFirstOrThrow({ where: { description: 'Orden del primario 1' } });
    const form = new FormData();
    form.set('description', 'Orden del primario 1: revisada');
    expect((await admin.request(`/admin/api/resources/WorkOrder/records/${order.id}/edit`, { method: 'POST', body: form })).status).toBe(200);
    expect((await office.db.prisma.workOrder.findUniqueOrThrow({ where: { id: order.id } })).description).toBe('Orden del primario 1: revisada');
    expect(await replica.prisma.workOrder.count({ where: { description: { contains: 'revisada' } } })).toBe(0);
    // Lists, shows and edits stay on the primary: a person sees what he just wrote.
    const list = await admin.json<{ records: { params: { description: string } }[] }>('/admin/api/resources/WorkOrder/actions/list');
    expect(list.body.records.map((r) => r.params.description).sort()).toEqual(['Orden del primario 1: revisada', 'Orden del primario 2']);
  });
});

describe('a person scoped to one site, reading the replica', () => {
  // A real replica is a copy: its locations have the primary's ids, so a site's path ("/id/") means the
  // same place on both. Here both databases get the same two plants, with the same ids.
  const NORTH = 900_001;
  const SOUTH = 900_002;
  let scoped: Person;

  beforeAll(async () => {
    for (const db of [office.db, replica]) {
      await db.prisma.location.create({ data: { id: NORTH, code: 'R-NORTE', name: 'Planta Norte' } });
      await db.prisma.location.create({ data: { id: SOUTH, code: 'R-SUR', name: 'Planta Sur' } });
    }
    for (const [site, plant] of [[NORTH, 'norte'], [SOUTH, 'sur']] as const) {
      const asset = await make.anAsset(replica.prisma, { locationId: site, code: `R-BOMBA-${plant}`, description: `Bomba ${plant}` });
      await make.aWorkOrder(replica.prisma, { assetId: asset.id, description: `Orden de la réplica en el ${plant}` });
    }
    scoped = await aPerson(office.db.prisma, office.url, ['SUPERVISORS'], 'Sara Supervisora Norte');
    await office.db.prisma.userSite.create({ data: { userId: scoped.userId, locationId: NORTH } });
    await scoped.client.signIn(scoped.email, PASSWORD);
  });

  it('his export lists only his site’s rows of the replica', async () => {
    const response = await scoped.client.request('/admin/exports/WorkOrder.xlsx');
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as never);
    const text = JSON.stringify(workbook.worksheets[0]!.getSheetValues());
    expect(text).toContain('Orden de la réplica en el norte');
    expect(text).not.toContain('Orden de la réplica en el sur');
    expect(text).not.toContain('Orden de la réplica 1'); // the replica's orders outside any of his sites
    expect(workbook.worksheets[0]!.actualRowCount).toBe(1 + 1);
  });

  it('his dashboard counts only his site’s assets on the replica', async () => {
    const dashboard = await scoped.client.json<{ counts: { label: string; value: number }[] }>('/admin/api/dashboard');
    expect(dashboard.status).toBe(200);
    expect(dashboard.body.counts.find((c) => c.label === 'dashboardAssets')?.value).toBe(1);
    // The administrator, unscoped, counts every asset of the replica.
    const all = await admin.json<{ counts: { label: string; value: number }[] }>('/admin/api/dashboard');
    expect(all.body.counts.find((c) => c.label === 'dashboardAssets')?.value).toBe(await replica.prisma.asset.count());
  });
});
