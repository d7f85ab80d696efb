// The ERP module in the back office: settings validated at start, the module off (and saying so) without
// them; with them, the 5-minute job's work seen on the requisition, and "Reintentar sincronización".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncRequisitionsWithErp } from '../domain/budgets/erp-sync.js';
import { startFakeDynamics, type FakeDynamics } from '../integrations/erp-dynamics/fake/fake-dynamics.js';
import { dynamicsErp } from '../integrations/erp-dynamics/dynamics.erp.js';
import { ConfigError, loadConfig } from '../server/config.js';
import type { Db } from '../prisma/client.js';
import { startTestBackOffice, type TestBackOffice } from './support/back-office.js';
import { aPerson, PASSWORD, type Person } from './support/people.js';

type ShowJson = { record: { params: Record<string, unknown>; recordActions: { name: string }[]; errors?: Record<string, { message: string }> }; notice?: { message: string; type: string } };

describe('settings', () => {
  const base = { NODE_ENV: 'test' };
  it('unset: the module is off', () => {
    expect(loadConfig(base).erp).toBeNull();
  });
  it('a URL without the rest names each missing variable', () => {
    const problems = (() => {
      try {
        loadConfig({ ...base, ERP_DYNAMICS_URL: 'https://contoso.operations.dynamics.com' });
      } catch (error) {
        return (error as ConfigError).problems;
      }
      return [];
    })();
    expect(problems).toEqual(expect.arrayContaining([
      expect.stringMatching(/^ERP_DYNAMICS_TOKEN_URL: is required/), expect.stringMatching(/^ERP_DYNAMICS_CLIENT_ID: is required/),
      expect.stringMatching(/^ERP_DYNAMICS_CLIENT_SECRET: is required/), expect.stringMatching(/^ERP_DYNAMICS_COMPANY: is required/),
    ]));
  });
  it('credentials without a URL, or a malformed company, are refused', () => {
    expect(() => loadConfig({ ...base, ERP_DYNAMICS_CLIENT_ID: 'x' })).toThrow(/ERP_DYNAMICS_URL: is required when ERP_DYNAMICS_CLIENT_ID is set/);
    expect(() => loadConfig({ ...base, ERP_DYNAMICS_URL: 'https://d.example', ERP_DYNAMICS_TOKEN_URL: 'https://t.example/token', ERP_DYNAMICS_CLIENT_ID: 'a', ERP_DYNAMICS_CLIENT_SECRET: 'b', ERP_DYNAMICS_COMPANY: 'us mf' })).toThrow(/ERP_DYNAMICS_COMPANY: must be a company id/);
  });
  it('complete: the driver settings, scope derived from the URL', () => {
    const config = loadConfig({ ...base, ERP_DYNAMICS_URL: 'https://d.example/', ERP_DYNAMICS_TOKEN_URL: 'https://t.example/token', ERP_DYNAMICS_CLIENT_ID: 'a', ERP_DYNAMICS_CLIENT_SECRET: 'b', ERP_DYNAMICS_COMPANY: 'usmf', ERP_DYNAMICS_TIMEOUT_SECONDS: '5' });
    expect(config.erp).toMatchObject({ baseUrl: 'https://d.example/', scope: 'https://d.example/.default', dataAreaId: 'usmf', requestTimeoutMs: 5000, externalKeyField: 'CmmsRequisitionNumber' });
  });
});

describe('the module off', () => {
  let office: TestBackOffice;
  let supervisor: Person;
  beforeAll(async () => {
    office = await startTestBackOffice();
    supervisor = await aPerson(office.database.prisma, office.url, ['SUPERVISORS'], 'Sara Supervisora');
  });
  afterAll(() => office?.close());

  it('the requisition page says Dynamics 365 is not configured and offers no retry; the job does nothing', async () => {
    const prisma = office.database.prisma;
    const requisition = await prisma.requisition.create({ data: { title: 'Sellos', requestedById: supervisor.userId } });
    const shown = await supervisor.client.json<ShowJson>(`/admin/api/resources/Requisition/records/${requisition.id}/show`);
    expect(shown.body.record.recordActions.map((a) => a.name)).not.toContain('retryErpSync');
    const page = await supervisor.client.request(`/admin/resources/Requisition/records/${requisition.id}/show`);
    expect(page.status).toBe(200);
    // The page's state carries the notice's setting and its Spanish text (the component draws it).
    const html = await page.text();
    expect(html).toMatch(/"erpModule":\{[^}]*"custom":\{"configured":false\}/);
    expect(html).toContain('La sincronización con Dynamics 365 no está configurada');
    const { syncRequisitionsWithErpJob } = await import('../jobs/sync-requisitions-with-erp.job.js');
    expect(await syncRequisitionsWithErpJob.handle({}, { prisma, erp: null } as never)).toEqual({ skipped: 'ERP not configured (ERP_DYNAMICS_URL)' });
  });
});

describe('the module on', () => {
  let office: TestBackOffice;
  let fake: FakeDynamics;
  let prisma: Db;
  let supervisor: Person;
  beforeAll(async () => {
    fake = await startFakeDynamics();
    office = await startTestBackOffice({
      env: { ERP_DYNAMICS_URL: fake.url, ERP_DYNAMICS_TOKEN_URL: fake.tokenUrl, ERP_DYNAMICS_CLIENT_ID: fake.clientId, ERP_DYNAMICS_CLIENT_SECRET: fake.clientSecret, ERP_DYNAMICS_COMPANY: 'usmf', ERP_DYNAMICS_TIMEOUT_SECONDS: '2' },
      jobs: [],
    });
    prisma = office.database.prisma;
    supervisor = await aPerson(prisma, office.url, ['SUPERVISORS'], 'Sara Supervisora');
    await prisma.userProfile.update({ where: { userId: supervisor.userId }, data: { canApproveRequisitions: true, approvalLimit: 10_000 } });
  });
  afterAll(async () => {
    await office?.close();
    await fake?.close();
  });

  it('a refused requisition shows its error and "Reintentar sincronización" puts it back; the next run sends it', async () => {
    const requisition = await prisma.requisition.create({
      data: { title: 'Rodamientos', requestedById: supervisor.userId, items: { create: { description: 'Rodamiento 6205', quantity: 2, unit: 'u', unitPrice: 12.5 } } },
    });
    await supervisor.client.json(`/admin/api/resources/Requisition/records/${requisition.id}/submit`, { method: 'POST' });
    const signedWith = new FormData();
    signedWith.set('password', PASSWORD);
    const approved = await supervisor.client.json<ShowJson>(`/admin/api/resources/Requisition/records/${requisition.id}/approve`, { method: 'POST', body: signedWith });
    expect(approved.body.notice?.message).toBe('requisitionDecided_approve');
    expect((await prisma.requisition.findUniqueOrThrow({ where: { id: requisition.id } })).erpSyncState).toBe('PENDING');

    // The ERP refuses it (a company it does not know): FAILED, with the reason on the page.
    await syncRequisitionsWithErp(prisma, dynamicsErp({ ...office.config.erp!, dataAreaId: 'zz' }), { backoffMs: 10 });
    const failed = await supervisor.client.json<ShowJson>(`/admin/api/resources/Requisition/records/${requisition.id}/show`);
    expect(failed.body.record.params).toMatchObject({ erpSyncState: 'FAILED' });
    expect(String(failed.body.record.params.erpLastError)).toContain("Company 'zz' does not exist");
    expect(failed.body.record.recordActions.map((a) => a.name)).toContain('retryErpSync');

    // A GET changes nothing; the POST puts it back in the queue and asks for a run.
    await supervisor.client.request(`/admin/api/resources/Requisition/records/${requisition.id}/retryErpSync`);
    expect((await prisma.requisition.findUniqueOrThrow({ where: { id: requisition.id } })).erpSyncState).toBe('FAILED');
    const retried = await supervisor.client.json<ShowJson>(`/admin/api/resources/Requisition/records/${requisition.id}/retryErpSync`, { method: 'POST' });
    expect(retried.body.notice).toMatchObject({ message: 'erpSyncRetried', type: 'success' });
    expect(await prisma.requisition.findUniqueOrThrow({ where: { id: requisition.id } })).toMatchObject({ erpSyncState: 'PENDING', erpLastError: null });
    // A run is asked for: the sync job waits in its queue (read from pg-boss's table, whatever its state).
    const { rows: queued } = await office.database.pool.query(`SELECT state FROM pgboss.job WHERE name = 'sync' AND data->>'job' = 'sync-requisitions-with-erp'`);
    expect(queued.length).toBeGreaterThan(0);

    await syncRequisitionsWithErp(prisma, dynamicsErp(office.config.erp!), { backoffMs: 10 });
    const synced = await supervisor.client.json<ShowJson>(`/admin/api/resources/Requisition/records/${requisition.id}/show`);
    expect(synced.body.record.params).toMatchObject({ erpSyncState: 'SENT', erpStatus: 'InReview' });
    expect(String(synced.body.record.params.erpId)).toMatch(/^PR-\d{6}$/);
    expect(synced.body.record.recordActions.map((a) => a.name)).not.toContain('retryErpSync');
    // Synced, a second press is refused with the reason, and nothing changes.
    const again = await supervisor.client.json<ShowJson>(`/admin/api/resources/Requisition/records/${requisition.id}/retryErpSync`, { method: 'POST' });
    expect(again.body.record.errors?.erpSyncState?.message).toBeTruthy();
    expect(fake.rows('PurchaseRequisitionHeaders')).toHaveLength(1);
  });

  it('a consultant sees the sync runs but cannot retry', async () => {
    const consultant = await aPerson(prisma, office.url, ['CONSULTANTS'], 'Carla Consultora');
    expect((await consultant.client.request('/admin/api/resources/ErpSyncRun/actions/list')).status).toBe(200);
    const requisition = await prisma.requisition.findFirstOrThrow();
    expect((await consultant.client.request(`/admin/api/resources/Requisition/records/${requisition.id}/retryErpSync`, { method: 'POST' })).status).toBe(403);
  });
});
