// The outside systems' syncs failing run after run reach the administrators as notifications: once per
// streak, nobody else, the run to open named.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { erpSyncAlert } from '../domain/budgets/erp-sync-alert.js';
import { sigSyncFailureAlert } from '../domain/call-center/sig-sync-alert.js';
import { notifyErpSyncFailing, notifySigSyncFailing } from '../domain/notifications/triggers/sync-alerts.js';
import type { Db } from '../prisma/client.js';
import { startTestBackOffice, TEST_ADMIN, type TestBackOffice } from './support/back-office.js';
import { aPerson } from './support/people.js';

let office: TestBackOffice;
let prisma: Db;
let admins: number[];

beforeAll(async () => {
  office = await startTestBackOffice({ jobs: [] });
  prisma = office.database.prisma;
  const second = await aPerson(prisma, office.url, ['ADMINISTRATORS'], 'Alba Administradora');
  await aPerson(prisma, office.url, ['SUPERVISORS'], 'Sergio Supervisor');
  admins = [(await prisma.user.findUniqueOrThrow({ where: { email: TEST_ADMIN.email } })).id, second.userId].sort((a, b) => a - b);
});
afterAll(() => office?.close());

const toldOf = async (kind: string) => (await prisma.notification.findMany({ where: { kind }, orderBy: { userId: 'asc' } }));

describe('a failing sync', () => {
  it('ERP: the fourth failed run in a row tells every administrator once, in plant time', async () => {
    const startedAt = new Date('2026-11-30T12:00:00Z');
    for (let i = 0; i < 4; i++)
      await prisma.erpSyncRun.create({ data: { outcome: 'FAILED', startedAt: new Date(startedAt.getTime() + i * 300_000), finishedAt: new Date(), error: 'HTTP 503 del ERP' } });
    const alert = (await erpSyncAlert(prisma))!;
    expect(alert).not.toBeNull();
    expect((await notifyErpSyncFailing(prisma, alert, 'America/Tegucigalpa')).notified).toEqual(admins);
    const told = await toldOf('erp-sync-failing');
    expect(told.map((n) => n.userId)).toEqual(admins);
    expect(told[0]).toMatchObject({ model: 'ErpSyncRun', recordId: alert.record.id, values: { runs: 4, since: '30/11/2026 06:00', lastError: 'HTTP 503 del ERP' } });
    expect((await notifyErpSyncFailing(prisma, alert, 'America/Tegucigalpa')).notified).toEqual([]);
  });

  it('SIG: the third failed run in a row tells every administrator once', async () => {
    for (let i = 0; i < 3; i++) await prisma.sigSyncRun.create({ data: { state: 'FAILED', finishedAt: new Date(), errorCode: 'sigLayoutChanged' } });
    const alert = (await sigSyncFailureAlert(prisma))!;
    expect(alert).toBeDefined();
    expect((await notifySigSyncFailing(prisma, alert)).notified).toEqual(admins);
    expect((await toldOf('sig-sync-failing')).map((n) => [n.userId, n.recordId])).toEqual(admins.map((id) => [id, alert.record.id]));
    expect((await notifySigSyncFailing(prisma, alert)).notified).toEqual([]);
  });
});
