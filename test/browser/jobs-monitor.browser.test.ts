// An administrator in a real Chromium: opens "Monitor de trabajos" from the sidebar, sees a failed job with
// its error, retries it and sees it complete. A supervisor has no such link.
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineJob, type JobDefinition } from '../../jobs/job.js';
import { JOBS } from '../../jobs/registry.js';
import { startTestBackOffice, TEST_ADMIN, type TestBackOffice } from '../support/back-office.js';
import { ARTIFACTS_DIR, launchBrowser, signInThroughForm } from '../support/browser.js';
import { aPerson, PASSWORD } from '../support/people.js';

let erpUp = false;
const sendToErp = defineJob({
  name: 'test-send-to-erp',
  queue: 'notifications',
  retry: { limit: 0, delaySeconds: 0, backoff: false },
  parse: (data) => z.object({ requisitionId: z.number(), password: z.string() }).parse(data),
  handle: async () => {
    if (!erpUp) throw new Error('El ERP no responde (tiempo de espera agotado)');
    return { sent: true };
  },
});

let office: TestBackOffice;
let browser: Browser;
beforeAll(async () => {
  [office, browser] = await Promise.all([startTestBackOffice({ jobs: [...JOBS, sendToErp] as JobDefinition<unknown>[] }), launchBrowser()]);
  await fetch(`${office.url}/admin/frontend/assets/components.bundle.js`).then((response) => response.arrayBuffer());
});
afterAll(async () => {
  await browser?.close();
  await office?.close();
});

describe('the jobs monitor in a browser', () => {
  it('an administrator sees a failed job, retries it and sees it complete', async () => {
    const id = await office.queue.send(sendToErp, { requisitionId: 41, password: 'no-debe-verse' });
    for (let i = 0; i < 100 && (await office.queue.boss.getJobById('notifications', id!))?.state !== 'failed'; i++) await new Promise((r) => setTimeout(r, 200));

    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await signInThroughForm(page, office.url, TEST_ADMIN.email, TEST_ADMIN.password);
    await page.getByRole('link', { name: 'Monitor de trabajos' }).click();
    const monitor = page.getByTestId('jobs-monitor');
    const failure = page.getByTestId(`failure-${id}`);
    await failure.waitFor({ timeout: 30_000 });
    expect(await failure.innerText()).toContain('El ERP no responde (tiempo de espera agotado)');
    expect(await failure.innerText()).toContain('password=***, requisitionId=41');
    expect(await monitor.innerText()).not.toContain('no-debe-verse');
    expect(await page.getByTestId('queue-notifications-failed').innerText()).toBe('1');
    expect(await page.getByTestId('schedule-generate-preventive-orders').innerText()).toContain('Generación de órdenes preventivas');
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'jobs-monitor-failed.png'), fullPage: true });

    erpUp = true;
    await failure.getByRole('button', { name: 'Reintentar' }).click();
    await page.getByTestId('jobs-monitor-notice').getByText('Trabajo enviado de nuevo a su cola.').waitFor({ timeout: 15_000 });
    await failure.waitFor({ state: 'detached', timeout: 30_000 });
    await page.waitForFunction(() => document.querySelector('[data-testid="queue-notifications-completed"]')?.textContent === '1', undefined, { timeout: 30_000 });
    expect(await page.getByTestId('queue-notifications-failed').innerText()).toBe('0');
    expect((await office.queue.boss.getJobById('notifications', id!))?.state).toBe('completed');
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'jobs-monitor-retried.png'), fullPage: true });
    await page.close();
  });

  it('a supervisor has no link to it, and is told it is for administrators if he types its address', async () => {
    const supervisor = await aPerson(office.database.prisma, office.url, ['SUPERVISORS'], 'Supervisor Curioso');
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await signInThroughForm(page, office.url, supervisor.email, PASSWORD);
    expect(await page.getByRole('link', { name: 'Monitor de trabajos' }).count()).toBe(0);
    await page.goto(`${office.url}/admin/pages/jobsMonitor`);
    await page.getByTestId('jobs-monitor-problem').getByText('Solo los administradores pueden ver y operar los trabajos en segundo plano.').waitFor({ timeout: 30_000 });
    await page.close();
  });
});
