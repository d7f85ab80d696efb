// The import progress bar in a real browser is moved by the page's event stream (/admin/events), not by
// asking the server: each step of the run shows within a second and a half, while the page's slow
// fallback would ask only every 3 s (and every 20 s while the stream is up).
import { describe, expect, it } from 'vitest';
import { TEST_ADMIN } from '../support/back-office.js';
import { browserAndBackOffice, signInThroughForm } from '../support/browser.js';

const started = browserAndBackOffice();
const PUSHED_WITHIN_MS = 1_500;

describe('an import run watched in a real browser', () => {
  it("moves its bar as the worker moves the run, each step pushed, up to the run's end", async () => {
    const office = started.office();
    const prisma = office.database.prisma;
    const admin = await prisma.user.findUniqueOrThrow({ where: { email: TEST_ADMIN.email } });
    const run = await prisma.importRun.create({
      data: { kind: 'assets', fileName: 'bombas.xlsx', fileKey: 'imports/2026/11/bombas.xlsx', userId: admin.id, state: 'RUNNING', rowsTotal: 200, rowsRead: 20 },
    });
    const page = await started.browser().newPage({ viewport: { width: 1300, height: 900 } });
    await signInThroughForm(page, office.url, TEST_ADMIN.email, TEST_ADMIN.password);
    const asked: number[] = [];
    page.on('request', (request) => {
      if (request.url().includes(`/imports/runs/${run.id}/status`)) asked.push(Date.now());
    });
    const stream = page.waitForResponse((response) => new URL(response.url()).pathname === '/admin/events', { timeout: 30_000 });
    await page.goto(`${office.url}/admin/resources/ImportRun/records/${run.id}/show`);
    await page.locator('[data-testid=import-progress-bar][aria-valuenow="10"]').waitFor({ timeout: 30_000 });
    expect((await stream).status()).toBe(200);
    // The stream's first event (the unread count) has been read: the EventSource is open.
    await page.waitForTimeout(500);

    // The worker's steps (as the import job writes them; the trigger on import_runs raises the event).
    for (const rowsRead of [60, 120]) {
      const before = Date.now();
      await prisma.importRun.update({ where: { id: run.id }, data: { rowsRead } });
      await page.locator(`[data-testid=import-progress-bar][aria-valuenow="${rowsRead / 2}"]`).waitFor({ timeout: PUSHED_WITHIN_MS });
      expect(Date.now() - before).toBeLessThan(PUSHED_WITHIN_MS);
    }
    await prisma.importRun.update({ where: { id: run.id }, data: { rowsRead: 200, rowsValid: 200, rowsWritten: 200, rowsNew: 200, state: 'SUCCEEDED', finishedAt: new Date() } });
    await page.locator('[data-testid=import-progress][data-state=SUCCEEDED]').waitFor({ timeout: PUSHED_WITHIN_MS });
    expect(await page.getByTestId('import-progress-bar').getAttribute('aria-valuenow')).toBe('100');
    expect(await page.getByTestId('import-counters').innerText()).toBe('Leídas 200 de 200 · nuevas 200 · modificadas 0 · sin cambios 0 · rechazadas 0 · escritas 200');
    // Asked once when the page opened (perhaps once more if the stream was not open yet), never polled at 0.7 s.
    expect(asked.length).toBeLessThanOrEqual(2);
    await page.close();
  });
});
