// The SIG client against our fake SIG over real HTTP on 127.0.0.1: login form with hidden fields, the
// session cookie, pages, windows-1252, and every way the old site breaks.
import { afterEach, describe, expect, it } from 'vitest';
import { sampleSigTickets, startFakeSigSite, type FakeSigSite, type FakeSigSwitches } from './fake-sig-site.js';
import { createSigClient } from './sig-client.js';
import { SigError } from './sig-error.js';
import type { SigSettings } from './sig-settings.js';

let site: FakeSigSite | undefined;
afterEach(async () => {
  await site?.close();
  site = undefined;
});

async function fake(count: number, switches: Partial<FakeSigSwitches> = {}) {
  site = await startFakeSigSite({ tickets: sampleSigTickets(count), switches, pageSize: 10 });
  return site;
}

const settingsFor = (s: FakeSigSite, overrides: Partial<SigSettings> = {}): SigSettings => ({
  baseUrl: s.url,
  ...s.credentials,
  pageDelayMs: 0,
  timeoutMs: 2_000,
  maxPages: 50,
  ...overrides,
});

async function readAll(settings: SigSettings) {
  const pages = [];
  for await (const page of createSigClient(settings).openTicketPages()) pages.push(page);
  return pages;
}

async function failureOf(settings: SigSettings): Promise<SigError> {
  const error = await readAll(settings).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SigError);
  return error as SigError;
}

describe('reading the SIG', () => {
  it('logs in with the form and its hidden fields, follows every page and reads each row by its headers', async () => {
    const s = await fake(25);
    const pages = await readAll(settingsFor(s));
    expect(pages.map((p) => p.rows.length)).toEqual([10, 10, 5]);
    expect(s.counts.logins).toBe(1);
    const first = pages[0]?.rows[0];
    expect(first).toMatchObject({
      number: '100001',
      type: 'Falla',
      requester: 'José Peña 1',
      address: 'Col. Kennedy, 3a calle',
      reportedAt: '01/11/2026 07:00',
      priority: 'Baja',
    });
    expect(pages.flatMap((p) => p.rows.map((r) => r.number))).toEqual(sampleSigTickets(25).map((t) => t.number));
  });

  it('decodes windows-1252 and flattens &nbsp;, <br> and nested markup into plain text', async () => {
    const s = await fake(1);
    const rows = (await readAll(settingsFor(s)))[0]?.rows ?? [];
    expect(rows[0]?.description).toBe('Sin energía en el sector 1 poste dañado — “urgente” según el señor Muñoz');
    expect(rows[0]?.requester).toBe('José Peña 1');
    expect(rows[0]?.raw).toMatchObject({ Número: '100001', Solicitante: 'José Peña 1', Dirección: 'Col. Kennedy, 3a calle' });
  });

  it('reads reordered columns into the right fields', async () => {
    const s = await fake(3, { layout: 'reordered' });
    const rows = (await readAll(settingsFor(s)))[0]?.rows ?? [];
    expect(rows[2]).toMatchObject({ number: '100003', type: 'Reclamo', priority: 'Alta', requester: 'José Peña 3' });
  });

  it('an empty list is an empty table, not a failure', async () => {
    const s = await fake(0);
    const pages = await readAll(settingsFor(s));
    expect(pages).toEqual([{ pageNumber: 1, rows: [] }]);
  });

  it('fails naming the missing column when the headers changed', async () => {
    const s = await fake(3, { layout: 'renamedNumber' });
    const error = await failureOf(settingsFor(s));
    expect(error.code).toBe('sigLayoutChanged');
    expect(error.values).toEqual({ column: 'Número', page: 1 });
  });

  it('fails when the page has no ticket table (zero rows is not "no tickets")', async () => {
    const s = await fake(3, { layout: 'noTable' });
    const error = await failureOf(settingsFor(s));
    expect(error.code).toBe('sigTicketTableMissing');
    expect(error.values).toEqual({ page: 1, title: 'SIG - Aviso' });
  });

  it('logs in again once when the session expires mid-run, and reads the same page', async () => {
    const s = await fake(25, { expireSessionAfterPages: 2 });
    const pages = await readAll(settingsFor(s));
    expect(pages.flatMap((p) => p.rows).length).toBe(25);
    expect(s.counts.logins).toBe(2);
  });

  it('fails when the session expires a second time in the same run', async () => {
    const s = await fake(25, { expireSessionAfterPages: 1, expireRepeatedly: true });
    const error = await failureOf(settingsFor(s));
    expect(error.code).toBe('sigSessionExpired');
    expect(error.values).toEqual({ page: 3 });
    expect(s.counts.logins).toBe(2);
  });

  it('fails when the login is refused, without the password anywhere in the error', async () => {
    const s = await fake(3, { refuseLogin: true });
    const error = await failureOf(settingsFor(s));
    expect(error.code).toBe('sigLoginRefused');
    expect(`${error.message} ${JSON.stringify(error.values)}`).not.toContain(s.credentials.password);
    const wrong = await failureOf(settingsFor(s, { password: 'otra-clave' }));
    expect(wrong.code).toBe('sigLoginRefused');
  });

  it('fails with a timeout when a page is too slow', async () => {
    const s = await fake(3, { slowPageMs: 1_500 });
    const error = await failureOf(settingsFor(s, { timeoutMs: 300 }));
    expect(error.code).toBe('sigTimeout');
    expect(error.values).toEqual({ seconds: 0.3, path: '/tickets' });
  });

  it('fails when the SIG cannot be reached', async () => {
    const s = await fake(0);
    const url = s.url;
    await s.close();
    site = undefined;
    const error = await failureOf({ baseUrl: url, username: 'a', password: 'b', pageDelayMs: 0, timeoutMs: 1_000, maxPages: 5 });
    expect(error.code).toBe('sigUnreachable');
  });
});
