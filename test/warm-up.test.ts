// The warm-up before listening (admin/warm-up.ts): each group's landing pages asked once as a person of
// that group with no account. Every one of those requests is served (none fails), they write nothing,
// they show nobody's orders, and the first real person after the start is served as usual.
import { pino } from 'pino';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdmin } from '../admin/admin.js';
import { warmUp } from '../admin/warm-up.js';
import { queryPlanCacheFigures } from '../prisma/query-plan-cache.js';
import { startTestBackOffice, TEST_ADMIN, type TestBackOffice } from './support/back-office.js';
import { HttpClient } from './support/http-client.js';
import * as make from './support/factories.js';

let office: TestBackOffice;

beforeAll(async () => {
  office = await startTestBackOffice({ warmUp: true });
});
afterAll(() => office?.close());

function capturingLogger() {
  const lines: { level: number; msg: string; what?: string }[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { logger: pino({ level: 'info' }, stream), lines };
}

describe('warm-up before listening', () => {
  it("asks every group's dashboard, lists and show pages, each served, writing nothing", async () => {
    const prisma = office.database.prisma;
    const order = await make.aWorkOrder(prisma, { description: 'Orden de la planta' });
    const historyBefore = await office.database.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM change_history');
    const { logger, lines } = capturingLogger();
    const admin = createAdmin(prisma, { language: 'es', timeZone: office.config.timeZone });
    const compiledBefore = queryPlanCacheFigures().compiled;
    const warm = await warmUp(admin, prisma, logger);
    // Five groups, each with its dashboard and the lists and show pages it may open.
    expect(warm.requests).toBeGreaterThanOrEqual(5 * 3);
    expect(warm.asked).toEqual(expect.arrayContaining(['TECHNICIANS dashboard', 'SUPERVISORS list WorkOrder', 'ADMINISTRATORS show WorkOrder', 'CONSULTANTS show Asset']));
    expect(lines.filter((line) => line.msg === 'warm-up request failed')).toEqual([]);
    expect(queryPlanCacheFigures().compiled).toBeGreaterThan(compiledBefore);
    const historyAfter = await office.database.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM change_history');
    expect(historyAfter.rows[0]!.n).toBe(historyBefore.rows[0]!.n);
    // The order still is the plant's, untouched.
    expect((await prisma.workOrder.findUnique({ where: { id: order.id } }))?.description).toBe('Orden de la planta');
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
