// The SIG scrape end to end on real PostgreSQL, against our fake SIG over HTTP: first and incremental
// runs, 250 open tickets at 100 per run, overlapping runs, and every failure recorded with its reason.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sampleSigTickets, startFakeSigSite, type FakeSigSite, type FakeSigSwitches } from '../integrations/sig/fake-sig-site.js';
import { createSigClient } from '../integrations/sig/sig-client.js';
import { sigSyncFailureAlert } from '../domain/call-center/sig-sync-alert.js';
import { syncSigTickets } from '../domain/call-center/sync-sig-tickets.js';
import { actAs } from '../prisma/actor.js';
import { createTestDatabase, type TestDatabase } from './support/database.js';

const TZ = 'America/Tegucigalpa';
let db: TestDatabase;
let site: FakeSigSite;

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db?.drop());
beforeEach(async () => {
  await db.pool.query('DELETE FROM ticket_notes; DELETE FROM tickets; DELETE FROM sig_sync_runs');
});
afterEach(() => site?.close());

async function aSig(count: number, switches: Partial<FakeSigSwitches> = {}) {
  site = await startFakeSigSite({ tickets: sampleSigTickets(count), switches, pageSize: 25 });
  return site;
}

const run = (overrides: { timeoutMs?: number } = {}) =>
  actAs({ label: 'job:sig-sync' }, () =>
    syncSigTickets(
      db.prisma,
      createSigClient({ baseUrl: site.url, ...site.credentials, pageDelayMs: 5, timeoutMs: overrides.timeoutMs ?? 5_000, maxPages: 50 }),
      { timeZone: TZ },
    ),
  );
const ticketCount = () => db.prisma.ticket.count();

describe('the SIG scrape', () => {
  it('creates the open tickets on the first run, with their source, raw row, plant-time date and author', async () => {
    await aSig(30);
    const record = await run();
    expect(record).toMatchObject({ state: 'SUCCEEDED', pagesRead: 2, found: 30, created: 30, skipped: 0, errorCode: null });
    const ticket = await db.prisma.ticket.findUniqueOrThrow({ where: { number: '100002' } });
    expect(ticket).toMatchObject({
      source: 'SIG',
      type: 'SERVICE',
      priority: 'MEDIUM',
      state: 'OPEN',
      requester: 'José Peña 2',
      callerAddress: 'Barrio El Centro, Av. Cervantes',
      description: 'Sin energía en el sector 2 poste dañado — “urgente” según el señor Muñoz',
    });
    // "02/11/2026 08:01" on the plant's clocks (UTC-6).
    expect(ticket.reportedAt.toISOString()).toBe('2026-11-02T14:01:00.000Z');
    expect(ticket.sigRow).toMatchObject({ Número: '100002', Tipo: 'Servicio', Prioridad: 'Media', Fecha: '02/11/2026 08:01' });
    const authors = await db.pool.query(`SELECT DISTINCT actor_label FROM change_history_entries WHERE table_name = 'tickets'`);
    expect(authors.rows).toEqual([{ actor_label: 'job:sig-sync' }]);
  });

  it('creates only the new ones on the next run', async () => {
    await aSig(10);
    await run();
    site.tickets.unshift(...sampleSigTickets(3, 200_001));
    const second = await run();
    expect(second).toMatchObject({ state: 'SUCCEEDED', found: 13, created: 3, skipped: 10 });
    expect(await ticketCount()).toBe(13);
  });

  it('takes 250 open tickets at most 100 per run, the rest in the next runs', async () => {
    await aSig(250);
    const runs = [await run(), await run(), await run(), await run()];
    expect(runs.map((r) => [r.created, r.skipped, r.pagesRead])).toEqual([
      [100, 0, 4],
      [100, 100, 8],
      [50, 200, 10],
      [0, 250, 10],
    ]);
    expect(await ticketCount()).toBe(250);
  });

  it('never duplicates a ticket when two runs overlap', async () => {
    await aSig(60, { slowPageMs: 20 });
    const [first, second] = await Promise.all([run(), run()]);
    expect(first.state).toBe('SUCCEEDED');
    expect(second.state).toBe('SUCCEEDED');
    expect(first.created + second.created).toBe(60);
    expect(first.skipped + second.skipped).toBe(60);
    const duplicated = await db.pool.query('SELECT number FROM tickets GROUP BY number HAVING count(*) > 1');
    expect(duplicated.rows).toEqual([]);
    expect(await ticketCount()).toBe(60);
  });

  it('fails loudly, naming the missing column, when the layout changed, and creates nothing', async () => {
    await aSig(10, { layout: 'renamedNumber' });
    const record = await run();
    expect(record).toMatchObject({ state: 'FAILED', created: 0, pagesRead: 0, errorCode: 'sigLayoutChanged', errorValues: { column: 'Número', page: 1 } });
    expect(await ticketCount()).toBe(0);
  });

  it('records a page without the ticket table as a failure, not as zero new tickets', async () => {
    await aSig(10, { layout: 'noTable' });
    const record = await run();
    expect(record).toMatchObject({ state: 'FAILED', errorCode: 'sigTicketTableMissing', errorValues: { page: 1, title: 'SIG - Aviso' } });
  });

  it('logs in again when the session expires mid-run and finishes the run', async () => {
    await aSig(75, { expireSessionAfterPages: 1 });
    const record = await run();
    expect(record).toMatchObject({ state: 'SUCCEEDED', created: 75, pagesRead: 3 });
    expect(site.counts.logins).toBe(2);
  });

  it('keeps what it created before a failure on a later page, and says where it stopped', async () => {
    await aSig(75, { expireSessionAfterPages: 1, expireRepeatedly: true });
    const record = await run();
    expect(record).toMatchObject({ state: 'FAILED', errorCode: 'sigSessionExpired', errorValues: { page: 3 }, pagesRead: 2, created: 50 });
    expect(await ticketCount()).toBe(50);
  });

  it('records a refused login and a timeout, and the third failure in a row alerts the administrators once', async () => {
    await aSig(10, { refuseLogin: true });
    expect(await run()).toMatchObject({ state: 'FAILED', errorCode: 'sigLoginRefused' });
    expect(await sigSyncFailureAlert(db.prisma)).toBeUndefined();
    site.switches.refuseLogin = false;
    site.switches.slowPageMs = 800;
    expect(await run({ timeoutMs: 200 })).toMatchObject({ state: 'FAILED', errorCode: 'sigTimeout', errorValues: { seconds: 0.2, path: '/tickets' } });
    expect(await sigSyncFailureAlert(db.prisma)).toBeUndefined();
    const third = await run({ timeoutMs: 200 });
    expect(await sigSyncFailureAlert(db.prisma)).toEqual({
      kind: 'sig-sync-failing',
      record: { model: 'SigSyncRun', id: third.id },
      recipients: { groups: ['ADMINISTRATORS'] },
      messageKey: 'sigSyncFailingAlert',
      values: { failures: 3, errorCode: 'sigTimeout' },
    });
    // A fourth failure belongs to the same streak: no second alert; a success ends the streak.
    await run({ timeoutMs: 200 });
    expect(await sigSyncFailureAlert(db.prisma)).toBeUndefined();
    site.switches.slowPageMs = 0;
    expect(await run()).toMatchObject({ state: 'SUCCEEDED', created: 10 });
    expect(await sigSyncFailureAlert(db.prisma)).toBeUndefined();
    const runs = await db.prisma.sigSyncRun.findMany();
    expect(JSON.stringify(runs)).not.toContain(site.credentials.password);
  });
});
