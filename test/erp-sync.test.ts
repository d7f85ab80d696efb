// The ERP sync against our fake Dynamics 365 over real HTTP, through every way the ERP misbehaves: after
// each, every approved requisition is in the ERP exactly once, with its lines once each.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { erpSyncAlert } from '../domain/budgets/erp-sync-alert.js';
import { syncRequisitionsWithErp } from '../domain/budgets/erp-sync.js';
import { dynamicsErp } from '../integrations/erp-dynamics/dynamics.erp.js';
import { DYNAMICS_DEFAULTS, type DynamicsSettings } from '../integrations/erp-dynamics/index.js';
import { startFakeDynamics, type FakeDynamics } from '../integrations/erp-dynamics/fake/fake-dynamics.js';
import type { Db } from '../prisma/client.js';
import { createTestDatabase, type TestDatabase } from './support/database.js';

let database: TestDatabase;
let prisma: Db;
let fake: FakeDynamics;
let requesterId: number;

const settingsFor = (erp: FakeDynamics, overrides: Partial<DynamicsSettings> = {}): DynamicsSettings => ({
  ...DYNAMICS_DEFAULTS,
  baseUrl: erp.url,
  tokenUrl: erp.tokenUrl,
  clientId: erp.clientId,
  clientSecret: erp.clientSecret,
  scope: `${erp.url}/.default`,
  dataAreaId: 'usmf',
  requestTimeoutMs: 400,
  backoffMs: 20,
  ...overrides,
});
const QUICK = { backoffMs: 20 };

beforeAll(async () => {
  database = await createTestDatabase();
  prisma = database.prisma;
  requesterId = (await prisma.user.create({ data: { email: 'ana@planta.test', name: 'Ana Compras' } })).id;
});
afterAll(() => database?.drop());
beforeEach(async () => {
  fake = await startFakeDynamics();
  await prisma.erpSyncRun.deleteMany();
  await prisma.requisition.deleteMany();
});
afterEach(() => fake?.close());

async function aRequisition(state: 'DRAFT' | 'SUBMITTED' | 'APPROVED', items: [string, number, number][] = [['Rodamiento 6205', 4, 12.5], ['Sello mecánico', 1, 310]]) {
  const requisition = await prisma.requisition.create({
    data: {
      title: 'Repuestos bomba P-101', requestedById: requesterId,
      items: { create: items.map(([description, quantity, unitPrice]) => ({ description, quantity, unit: 'u', unitPrice })) },
    },
  });
  if (state !== 'DRAFT') await prisma.requisition.update({ where: { id: requisition.id }, data: { state: 'SUBMITTED' } });
  if (state === 'APPROVED') await prisma.requisition.update({ where: { id: requisition.id }, data: { state: 'APPROVED', approvedAt: new Date(), approvedById: requesterId } });
  return prisma.requisition.findUniqueOrThrow({ where: { id: requisition.id }, include: { items: true } });
}

/** Every approved requisition is in the ERP exactly once, with each of its items as one line. */
async function expectExactlyOneErpRequisitionEach() {
  const approved = await prisma.requisition.findMany({ where: { state: 'APPROVED', erpId: { not: null } }, include: { _count: { select: { items: true } } } });
  const headers = fake.rows('PurchaseRequisitionHeaders');
  const byNumber = new Map<string, number>();
  for (const header of headers) byNumber.set(String(header.CmmsRequisitionNumber), (byNumber.get(String(header.CmmsRequisitionNumber)) ?? 0) + 1);
  expect([...byNumber.values()].every((count) => count === 1)).toBe(true);
  for (const requisition of approved) {
    expect(byNumber.get(requisition.number)).toBe(1);
    const header = headers.find((h) => h.CmmsRequisitionNumber === requisition.number)!;
    expect(header.RequisitionNumber).toBe(requisition.erpId);
    const lines = fake.rows('PurchaseRequisitionLines').filter((line) => line.RequisitionNumber === requisition.erpId);
    expect(lines.map((line) => line.LineNumber).sort()).toEqual(Array.from({ length: requisition._count.items }, (_, i) => i + 1));
  }
}

describe('pushing approved requisitions', () => {
  it('sends approved requisitions once, with their lines, and nothing else; a second run sends nothing', async () => {
    const approved = [await aRequisition('APPROVED'), await aRequisition('APPROVED'), await aRequisition('APPROVED', [['Filtro de aceite', 2, 45]])];
    const draft = await aRequisition('DRAFT');
    const submitted = await aRequisition('SUBMITTED');
    expect(approved[0]!.erpSyncState).toBe('PENDING'); // approving queued it for the ERP
    expect(approved[0]!.number).toMatch(/^REQ-\d{4}-\d{6}$/);

    const erp = dynamicsErp(settingsFor(fake));
    const first = await syncRequisitionsWithErp(prisma, erp, QUICK);
    expect(first).toMatchObject({ outcome: 'SUCCEEDED', pushed: 3, failed: 0 });
    for (const requisition of approved) {
      const synced = await prisma.requisition.findUniqueOrThrow({ where: { id: requisition.id } });
      expect(synced).toMatchObject({ erpSyncState: 'SENT', erpStatus: 'InReview', erpLastError: null, erpAttempts: 1 });
      expect(synced.erpId).toMatch(/^PR-\d{6}$/);
      expect(synced.erpSyncedAt).not.toBeNull();
    }
    const line = fake.rows('PurchaseRequisitionLines').find((l) => l.LineDescription === 'Sello mecánico')!;
    expect(line).toMatchObject({ dataAreaId: 'usmf', RequestedPurchaseQuantity: 1, PurchasePrice: 310, PurchaseUnitSymbol: 'u' });
    for (const other of [draft, submitted]) expect((await prisma.requisition.findUniqueOrThrow({ where: { id: other.id } })).erpSyncState).toBe('NOT_SENT');

    const second = await syncRequisitionsWithErp(prisma, erp, QUICK);
    expect(second).toMatchObject({ outcome: 'SUCCEEDED', pushed: 0 });
    expect(fake.rows('PurchaseRequisitionHeaders')).toHaveLength(3);
    await expectExactlyOneErpRequisitionEach();
    // One token served every request of both runs (cached until it expires).
    expect(fake.counts.tokens).toBe(1);
  });

  it('an expired token (401) is renewed and the request sent again', async () => {
    await aRequisition('APPROVED');
    const erp = dynamicsErp(settingsFor(fake));
    await syncRequisitionsWithErp(prisma, erp, QUICK);
    fake.expireTokens();
    await aRequisition('APPROVED');
    expect(await syncRequisitionsWithErp(prisma, erp, QUICK)).toMatchObject({ outcome: 'SUCCEEDED', pushed: 1 });
    expect(fake.counts.tokens).toBe(2);
    await expectExactlyOneErpRequisitionEach();
  });

  it('429: waits what Retry-After says, then goes on', async () => {
    await aRequisition('APPROVED');
    await aRequisition('APPROVED');
    fake.switches.throttle = { count: 3, retryAfterSeconds: 1 };
    const started = Date.now();
    expect(await syncRequisitionsWithErp(prisma, dynamicsErp(settingsFor(fake)), QUICK)).toMatchObject({ outcome: 'SUCCEEDED', pushed: 2, failed: 0 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    await expectExactlyOneErpRequisitionEach();
  });

  it('a Retry-After longer than we wait leaves the requisitions pending with the reason, for the next run', async () => {
    const requisition = await aRequisition('APPROVED');
    fake.switches.throttle = { count: 1, retryAfterSeconds: 3600 };
    expect(await syncRequisitionsWithErp(prisma, dynamicsErp(settingsFor(fake)), QUICK)).toMatchObject({ outcome: 'FAILED', pushed: 0, failed: 1 });
    const waiting = await prisma.requisition.findUniqueOrThrow({ where: { id: requisition.id } });
    expect(waiting).toMatchObject({ erpSyncState: 'PENDING', erpId: null, erpAttempts: 1 });
    expect(waiting.erpLastError).toContain('429');
    expect(waiting.erpLastAttemptAt).not.toBeNull();
    expect(await syncRequisitionsWithErp(prisma, dynamicsErp(settingsFor(fake)), QUICK)).toMatchObject({ outcome: 'SUCCEEDED', pushed: 1 });
    await expectExactlyOneErpRequisitionEach();
  });

  it('500s are retried with backoff, reads and writes alike, without a duplicate', async () => {
    for (let i = 0; i < 4; i++) await aRequisition('APPROVED');
    fake.switches.fail = { count: 5, status: 500 };
    expect(await syncRequisitionsWithErp(prisma, dynamicsErp(settingsFor(fake)), QUICK)).toMatchObject({ outcome: 'SUCCEEDED', pushed: 4, failed: 0 });
    expect(fake.switches.fail.count).toBe(0);
    await expectExactlyOneErpRequisitionEach();
  });

  it('a create the ERP accepted but never answered is found by our number, not made twice', async () => {
    const requisition = await aRequisition('APPROVED');
    fake.switches.acceptThenTimeout = { count: 1 };
    expect(await syncRequisitionsWithErp(prisma, dynamicsErp(settingsFor(fake)), QUICK)).toMatchObject({ outcome: 'SUCCEEDED', pushed: 1 });
    expect(fake.rows('PurchaseRequisitionHeaders')).toHaveLength(1);
    expect((await prisma.requisition.findUniqueOrThrow({ where: { id: requisition.id } })).erpSyncState).toBe('SENT');
    await expectExactlyOneErpRequisitionEach();
  });

  it('a line accepted without an answer is not sent twice either', async () => {
    await aRequisition('APPROVED', [['Correa A-42', 2, 18], ['Grasa EP2', 3, 9], ['Tornillería', 10, 0.5]]);
    fake.switches.acceptThenTimeout = { count: 3 }; // the header and the first two lines
    expect(await syncRequisitionsWithErp(prisma, dynamicsErp(settingsFor(fake)), { ...QUICK, attempts: 4 })).toMatchObject({ pushed: 1 });
    expect(fake.rows('PurchaseRequisitionLines')).toHaveLength(3);
    await expectExactlyOneErpRequisitionEach();
  });

  it('an ERP too slow to answer: requisitions wait, pending with the reason; the next run sends them once', async () => {
    const requisition = await aRequisition('APPROVED');
    fake.switches.latencyMs = 600; // beyond the 400 ms timeout
    expect(await syncRequisitionsWithErp(prisma, dynamicsErp(settingsFor(fake)), { ...QUICK, attempts: 2 })).toMatchObject({ outcome: 'FAILED', pushed: 0, failed: 1 });
    const waiting = await prisma.requisition.findUniqueOrThrow({ where: { id: requisition.id } });
    expect(waiting.erpSyncState).toBe('PENDING');
    expect(waiting.erpLastError).toMatch(/no answer within 400 ms/);
    fake.switches.latencyMs = 0;
    expect(await syncRequisitionsWithErp(prisma, dynamicsErp(settingsFor(fake)), QUICK)).toMatchObject({ outcome: 'SUCCEEDED', pushed: 1 });
    await expectExactlyOneErpRequisitionEach();
  });

  it('a requisition the ERP refuses is FAILED with its reason and not retried until someone asks', async () => {
    const requisition = await aRequisition('APPROVED');
    const wrongCompany = dynamicsErp(settingsFor(fake, { dataAreaId: 'xxxx' }));
    expect(await syncRequisitionsWithErp(prisma, wrongCompany, QUICK)).toMatchObject({ outcome: 'FAILED', failed: 1 });
    const refused = await prisma.requisition.findUniqueOrThrow({ where: { id: requisition.id } });
    expect(refused.erpSyncState).toBe('FAILED');
    expect(refused.erpLastError).toContain("Company 'xxxx' does not exist");
    // Not picked up again by itself.
    expect(await syncRequisitionsWithErp(prisma, dynamicsErp(settingsFor(fake)), QUICK)).toMatchObject({ pushed: 0 });
    // "Reintentar sincronización" puts it back (domain operation tested over HTTP in erp-sync-http.test.ts).
    await prisma.requisition.update({ where: { id: requisition.id }, data: { erpSyncState: 'PENDING' } });
    expect(await syncRequisitionsWithErp(prisma, dynamicsErp(settingsFor(fake)), QUICK)).toMatchObject({ pushed: 1 });
    await expectExactlyOneErpRequisitionEach();
  });

  it('batches are bounded: a run stops at its limit and the next one goes on', async () => {
    for (let i = 0; i < 7; i++) await aRequisition('APPROVED', [['Guantes', 1, 3]]);
    const erp = dynamicsErp(settingsFor(fake));
    expect(await syncRequisitionsWithErp(prisma, erp, { ...QUICK, batchSize: 2, maxPerRun: 5 })).toMatchObject({ pushed: 5 });
    expect(await syncRequisitionsWithErp(prisma, erp, { ...QUICK, batchSize: 2, maxPerRun: 5 })).toMatchObject({ pushed: 2 });
    await expectExactlyOneErpRequisitionEach();
  });
});

describe('pulling statuses (the ERP wins)', () => {
  it('reads the status of requisitions in progress; final ones (cancelled) are not read again', async () => {
    const a = await aRequisition('APPROVED');
    const b = await aRequisition('APPROVED');
    const erp = dynamicsErp(settingsFor(fake));
    await syncRequisitionsWithErp(prisma, erp, QUICK);
    const [erpA, erpB] = await Promise.all([a, b].map((r) => prisma.requisition.findUniqueOrThrow({ where: { id: r.id } })));
    fake.changeRequisition(erpA!.erpId!, { RequisitionStatus: 'Approved' });
    fake.changeRequisition(erpB!.erpId!, { RequisitionStatus: 'Cancelled' });
    expect(await syncRequisitionsWithErp(prisma, erp, QUICK)).toMatchObject({ outcome: 'SUCCEEDED', pulled: 2, conflicts: 0 });
    expect(await prisma.requisition.findUniqueOrThrow({ where: { id: a.id } })).toMatchObject({ state: 'APPROVED', erpStatus: 'Approved' });
    // Our approval decision stays (with its approver); the ERP's status is the requisition's from now on.
    expect(await prisma.requisition.findUniqueOrThrow({ where: { id: b.id } })).toMatchObject({ state: 'APPROVED', erpStatus: 'Cancelled' });
    // Unchanged in the ERP (same ETag): nothing rewritten; the cancelled one is not asked for any more.
    const before = fake.counts.requests;
    expect(await syncRequisitionsWithErp(prisma, erp, QUICK)).toMatchObject({ pulled: 0 });
    expect(fake.counts.requests - before).toBe(1);
  });

  it('a local change the ERP overrules is recorded as a conflict and the ERP value kept', async () => {
    const requisition = await aRequisition('APPROVED');
    const erp = dynamicsErp(settingsFor(fake));
    await syncRequisitionsWithErp(prisma, erp, QUICK);
    const synced = await prisma.requisition.findUniqueOrThrow({ where: { id: requisition.id } });
    await new Promise((resolve) => setTimeout(resolve, 5));
    await prisma.requisition.update({ where: { id: requisition.id }, data: { title: 'Repuestos bomba P-101 (urgente)' } });
    fake.changeRequisition(synced.erpId!, { RequisitionName: 'Repuestos P-101 — compras', RequisitionStatus: 'InReview' });
    expect(await syncRequisitionsWithErp(prisma, erp, QUICK)).toMatchObject({ pulled: 1, conflicts: 1 });
    expect(await prisma.requisition.findUniqueOrThrow({ where: { id: requisition.id } })).toMatchObject({ title: 'Repuestos P-101 — compras', erpStatus: 'InReview' });
    const conflicts = await prisma.erpSyncConflict.findMany({ where: { requisitionId: requisition.id } });
    expect(conflicts.map((c) => [c.field, c.localValue, c.erpValue])).toEqual([['title', 'Repuestos bomba P-101 (urgente)', 'Repuestos P-101 — compras']]);
    // The ERP changed the name with nobody changing it here: followed, no conflict.
    fake.changeRequisition(synced.erpId!, { RequisitionName: 'Repuestos P-101' });
    expect(await syncRequisitionsWithErp(prisma, erp, QUICK)).toMatchObject({ conflicts: 0 });
  });
});

describe('runs and the administrators alert', () => {
  it('wrong credentials fail the run at once; four failed runs in a row raise one alert, a good run ends the streak', async () => {
    await aRequisition('APPROVED');
    const refused = dynamicsErp(settingsFor(fake, { clientSecret: 'wrong' }));
    for (let run = 1; run <= 3; run++) {
      const result = await syncRequisitionsWithErp(prisma, refused, QUICK);
      expect(result.outcome).toBe('FAILED');
      expect(result.error).toMatch(/token refused \(401\)/);
      expect(await erpSyncAlert(prisma)).toBeNull();
    }
    await syncRequisitionsWithErp(prisma, refused, QUICK);
    const alert = await erpSyncAlert(prisma);
    expect(alert).toMatchObject({ kind: 'erp-sync-failing', recipients: { group: 'ADMINISTRATORS' }, messageKey: 'erpSyncFailing', values: { runs: 4 } });
    expect(alert!.values.lastError).toMatch(/token refused/);
    // A fifth failure does not repeat it; a good run ends the streak.
    await syncRequisitionsWithErp(prisma, refused, QUICK);
    expect(await erpSyncAlert(prisma)).toBeNull();
    expect(await syncRequisitionsWithErp(prisma, dynamicsErp(settingsFor(fake)), QUICK)).toMatchObject({ outcome: 'SUCCEEDED', pushed: 1 });
    expect(await erpSyncAlert(prisma)).toBeNull();
    expect(await prisma.erpSyncRun.count({ where: { outcome: 'FAILED' } })).toBe(5);
  });

  it('one run at a time: a second run while one is under way does nothing', async () => {
    await aRequisition('APPROVED');
    fake.switches.latencyMs = 150;
    const erp = dynamicsErp(settingsFor(fake));
    const [first, second] = await Promise.all([syncRequisitionsWithErp(prisma, erp, QUICK), new Promise((r) => setTimeout(r, 50)).then(() => syncRequisitionsWithErp(prisma, erp, QUICK))]);
    expect(first.outcome).toBe('SUCCEEDED');
    expect(second.outcome).toBe('SKIPPED');
    await expectExactlyOneErpRequisitionEach();
  });
});

describe('the driver reads vendors and items', () => {
  it('by code, with $filter and $select; unknown ones are null', async () => {
    const erp = dynamicsErp(settingsFor(fake));
    expect(await erp.readVendor('V-0001')).toEqual({ code: 'V-0001', name: 'Suministros Industriales del Norte' });
    expect(await erp.readItem('M-0001')).toEqual({ code: 'M-0001', name: 'Rodamiento 6205', unit: 'ea' });
    expect(await erp.readVendor("V-'9")).toBeNull();
  });
});
