// A list too large to count on every page turn reads as estimated: the header says "aprox. 43" in
// Spanish and "about 43" in English, and an exact count stays a plain number. The limit above which
// counts are estimated is lowered to 5 rows, so a small plant shows the estimate; likewise the cap of
// counts under a site ("más de 5").
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setExactCountLimitForTests, setListLimitsForTests } from '../../admin/adapter/prisma-resource.js';
import { ARTIFACTS_DIR, browserAndBackOffice, signInThroughForm } from '../support/browser.js';
import * as make from '../support/factories.js';
import { aPerson, PASSWORD } from '../support/people.js';

const started = browserAndBackOffice();
beforeEach(() => setExactCountLimitForTests(5));
afterEach(() => setExactCountLimitForTests(undefined));

describe('an estimated list total', () => {
  it('reads "aprox." in Spanish and "about" in English, and an exact total reads as a number', async () => {
    const office = started.office();
    const prisma = office.database.prisma;
    const area = await make.aLocation(prisma, { name: 'Patio de transformadores' });
    const category = await make.aCategory(prisma);
    await office.database.pool.query(
      `INSERT INTO assets (code, description, location_id, category_id)
       SELECT 'TR-' || i, CASE WHEN i <= 3 THEN 'Seccionador ' ELSE 'Transformador de potencia ' END || i, $1, $2
         FROM generate_series(1, 43) i`,
      [area.id, category.id],
    );
    await office.database.pool.query('ANALYZE assets');
    const supervisor = await aPerson(prisma, office.url, ['SUPERVISORS'], 'Sara Supervisora');
    const tableSize = Number((await office.database.pool.query<{ n: number }>(`SELECT reltuples::int AS n FROM pg_class WHERE relname = 'assets'`)).rows[0]!.n);

    const page = await started.browser().newPage({ viewport: { width: 1300, height: 900 } });
    await signInThroughForm(page, office.url, supervisor.email, PASSWORD);
    await page.goto(`${office.url}/admin/resources/Asset`);
    await page.getByText(`aprox. ${tableSize}`, { exact: true }).waitFor({ timeout: 30_000 });
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'estimated-count-1-es.png') });
    // The dashboard's card of assets counts as the list does, and says so.
    await page.goto(`${office.url}/admin`);
    await expect.poll(() => page.getByTestId('dashboard-count-dashboardAssets').textContent(), { timeout: 30_000 }).toBe(`aprox. ${tableSize}`);

    // A narrow search is counted: no "aprox.".
    await page.goto(`${office.url}/admin/resources/Asset?filters.description=seccionador`);
    await page.waitForFunction(() => document.querySelectorAll('tbody tr').length === 3, undefined, { timeout: 30_000 });
    await page.getByText('3', { exact: true }).first().waitFor({ timeout: 15_000 });
    expect(await page.getByText(/^aprox\./).count()).toBe(0);

    await prisma.user.update({ where: { id: supervisor.userId }, data: { locale: 'en' } });
    await page.goto(`${office.url}/admin/resources/Asset`);
    await page.getByText(`about ${tableSize}`, { exact: true }).waitFor({ timeout: 30_000 });
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'estimated-count-2-en.png') });
    await page.goto(`${office.url}/admin`);
    await expect.poll(() => page.getByTestId('dashboard-count-dashboardAssets').textContent(), { timeout: 30_000 }).toBe(`about ${tableSize}`);
  });
});

describe('a capped list total', () => {
  it('reads "más de 5" / "more than 5" for a site supervisor, and the pager still goes forward', async () => {
    setListLimitsForTests({ relatedCount: 5 });
    try {
      const office = started.office();
      const prisma = office.database.prisma;
      const site = await make.aLocation(prisma, { name: 'Subestación Este', code: 'SE-ESTE' });
      const category = await make.aCategory(prisma);
      await office.database.pool.query(
        `INSERT INTO assets (code, description, location_id, category_id)
         SELECT 'SE-' || i, 'Interruptor de potencia ' || i, $1, $2 FROM generate_series(1, 60) i`,
        [site.id, category.id],
      );
      const supervisor = await aPerson(prisma, office.url, ['SUPERVISORS'], 'Sergio Supervisor Este');
      await prisma.userSite.create({ data: { userId: supervisor.userId, locationId: site.id } });

      const page = await started.browser().newPage({ viewport: { width: 1300, height: 900 } });
      await signInThroughForm(page, office.url, supervisor.email, PASSWORD);
      await page.goto(`${office.url}/admin/resources/Asset`);
      await page.getByText('más de 5', { exact: true }).waitFor({ timeout: 30_000 });
      await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'capped-count-1-es.png') });
      // 25 a page: the pager offers page 2 though the count stopped at 5; from there, page 3 (the last 10).
      await page.getByTestId('page-2').click();
      await page.waitForURL(/page=2/, { timeout: 15_000 });
      await page.getByTestId('page-3').click();
      await page.waitForURL(/page=3/, { timeout: 15_000 });
      await page.waitForFunction(() => document.querySelectorAll('tbody tr').length === 10, undefined, { timeout: 30_000 });
      expect(await page.getByTestId('page-4').count()).toBe(0);

      await prisma.user.update({ where: { id: supervisor.userId }, data: { locale: 'en' } });
      await page.goto(`${office.url}/admin/resources/Asset`);
      await page.getByText('more than 5', { exact: true }).waitFor({ timeout: 30_000 });
      await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'capped-count-2-en.png') });
    } finally {
      setListLimitsForTests();
    }
  });
});
