// Debian's Chromium driven by playwright-core (never a downloaded browser). .ci/run installs it.
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startTestBackOffice, type TestBackOffice } from './back-office.js';

export const ARTIFACTS_DIR = path.resolve(import.meta.dirname, '../../test-artifacts');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchBrowser(options: { extraArgs?: string[] } = {}): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium (see .ci/run)`);
  await mkdir(ARTIFACTS_DIR, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...(options.extraArgs ?? []),
    ],
  });
}

/** Signs in through the login form, as a person would, and waits for the dashboard. */
export async function signInThroughForm(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/admin/login`);
  await page.locator('input[name=email]').fill(email);
  await page.locator('input[name=password]').fill(password);
  await page.locator('button[type=submit]').click();
  await page.getByTestId('dashboard').waitFor({ timeout: 30_000 });
}

/** A back office and a Chromium for one browser test file, started together and stopped after it. */
export function browserAndBackOffice(options: { env?: Record<string, string> } = {}): { office: () => TestBackOffice; browser: () => Browser } {
  let office: TestBackOffice | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    [office, browser] = await Promise.all([startTestBackOffice(options), launchBrowser()]);
    // AdminJS bundles our components on the first request for them (tens of seconds on a busy machine):
    // do it here, under the hook's timeout, so a test's first page load measures the page.
    await fetch(`${office.url}/admin/frontend/assets/components.bundle.js`).then((response) => response.arrayBuffer());
  });
  afterAll(async () => {
    await browser?.close();
    await office?.close();
  });
  return { office: () => office!, browser: () => browser! };
}
