// The warm-up before listening (admin/warm-up.ts): each group's landing pages asked over HTTP, through the
// whole application, as a person of that group with no account (a session id never stored). Every one of
// those requests is served (none fails), they write nothing (no change history, no session row), and the
// first real person after the start is served as usual.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBackOffice, TEST_ADMIN, type TestBackOffice } from './support/back-office.js';
import { HttpClient } from './support/http-client.js';
import * as make from './support/factories.js';
import { createTestDatabase } from './support/database.js';

let office: TestBackOffice;

beforeAll(async () => {
  // A plant with an order and an asset, for the show pages the warm-up opens.
  const database = await createTestDatabase();
  await make.aWorkOrder(database.prisma, { description: 'Orden de la planta' });
  office = await startTestBackOffice({ warmUp: true, database });
});
afterAll(() => office?.close());

describe('warm-up before listening', () => {
  it("asked every group's dashboard, lists and show pages over HTTP at the start, each served, writing nothing", async () => {
    // Served: 200, or 404 for a show page the group may not see (nobody's orders are a technician's).
    // Writing nothing: they are GETs, whose actor is read-only (any write would have failed them), and
    // their sessions were never stored.
    expect(office.warmedUp).toMatchObject({ failed: [] });
    expect(office.warmedUp!.requests).toBeGreaterThanOrEqual(2 * 5 * 3);
    expect(office.warmedUp!.asked).toEqual(expect.arrayContaining(['TECHNICIANS dashboard', 'OPERATORS list WorkRequest', 'SUPERVISORS show WorkOrder', 'ADMINISTRATORS list User']));
    expect((await office.database.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM session')).rows[0]!.n).toBe(0);
  });

  it('serves the first person after a warmed-up start as usual', async () => {
    const client = new HttpClient(office.url);
    await client.signIn(TEST_ADMIN.email, TEST_ADMIN.password);
    const dashboard = await client.request('/admin/api/dashboard');
    expect(dashboard.status).toBe(200);
    const list = await client.request('/admin/api/resources/WorkOrder/actions/list');
    expect(list.status).toBe(200);
    expect(((await list.json()) as { records: unknown[] }).records.length).toBeGreaterThan(0);
  });
});
