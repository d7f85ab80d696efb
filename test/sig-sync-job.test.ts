// The SIG scrape as the worker runs it: the sig-sync job on the sync queue, scheduled every 15 minutes in
// the plant's time zone, configured from SIG_* settings, its tickets authored by job:sig-sync. Off while
// SIG_URL is unset.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleSigTickets, startFakeSigSite, type FakeSigSite } from '../integrations/sig/fake-sig-site.js';
import { syncSigTicketsJob } from '../jobs/sync-sig-tickets.job.js';
import { startTestBackOffice, type TestBackOffice } from './support/back-office.js';

let site: FakeSigSite;
let office: TestBackOffice;

beforeAll(async () => {
  site = await startFakeSigSite({ tickets: sampleSigTickets(30) });
  office = await startTestBackOffice({
    env: { SIG_URL: site.url, SIG_USERNAME: site.credentials.username, SIG_PASSWORD: site.credentials.password, SIG_PAGE_DELAY_MS: '0' },
    jobs: [syncSigTicketsJob],
  });
});
afterAll(async () => {
  await office?.close();
  await site?.close();
});

async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, seconds = 30): Promise<T> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe('the sig-sync job', () => {
  it('is scheduled every 15 minutes in plant time on the sync queue', async () => {
    const schedules = await office.queue.boss.getSchedules();
    expect(schedules.find((s) => s.key === 'sig-sync')).toMatchObject({ name: 'sync', cron: '*/15 * * * *', timezone: office.config.timeZone });
  });

  it('reads the SIG with the configured account and records the run, its tickets authored by job:sig-sync', async () => {
    await office.queue.send(syncSigTicketsJob, { limit: 20 });
    const runs = await eventually(() => office.database.prisma.sigSyncRun.findMany({ where: { state: { not: 'RUNNING' } } }), (found) => found.length > 0);
    expect(runs).toMatchObject([{ state: 'SUCCEEDED', created: 20, found: 20 }]);
    const { rows } = await office.database.pool.query(`SELECT DISTINCT actor_label FROM change_history_entries WHERE table_name = 'tickets'`);
    expect(rows).toEqual([{ actor_label: 'job:sig-sync' }]);
  });
});
