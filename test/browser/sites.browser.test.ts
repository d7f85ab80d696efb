// A supervisor scoped to one plant of a utility, in a real browser: his dashboard, his asset list and the
// global change history show his plant only (screenshots under test-artifacts/).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS_DIR, browserAndBackOffice, signInThroughForm } from '../support/browser.js';
import * as make from '../support/factories.js';
import { aPerson, PASSWORD } from '../support/people.js';
import { computeKpisJob } from '../../jobs/compute-kpis.job.js';
import { JOBS } from '../../jobs/registry.js';

// The KPI job is left out: at a minute divisible by ten it would replace the snapshots the test writes.
const started = browserAndBackOffice({ jobs: JOBS.filter((job) => job !== computeKpisJob) });

describe('a supervisor scoped to Planta Norte, in a real browser', () => {
  it('sees his site named on the dashboard, its counts and KPIs, and only its assets in the list and the history', async () => {
    const office = started.office();
    const prisma = office.database.prisma;
    const north = await make.aLocation(prisma, { name: 'Planta Norte', code: 'NORTE' });
    const south = await make.aLocation(prisma, { name: 'Planta Sur', code: 'SUR' });
    const boilers = await make.aLocation(prisma, { name: 'Sala de calderas', code: 'NORTE-CAL', parentId: north.id });
    await make.anAsset(prisma, { locationId: boilers.id, code: 'N-BOMBA-01', description: 'Bomba de alimentación de caldera' });
    await make.anAsset(prisma, { locationId: boilers.id, code: 'N-VENT-01', description: 'Ventilador de tiro forzado' });
    await make.anAsset(prisma, { locationId: south.id, code: 'S-TURB-01', description: 'Turbina de vapor sur' });
    const takenAt = new Date();
    await prisma.kpiSnapshot.createMany({
      data: [
        { takenAt, scope: 'PLANT', scopeId: 0, scopeName: 'Planta', metric: 'BACKLOG', value: 30 },
        { takenAt, scope: 'SITE', scopeId: north.id, scopeName: 'Planta Norte', metric: 'BACKLOG', value: 12 },
        { takenAt, scope: 'SITE', scopeId: south.id, scopeName: 'Planta Sur', metric: 'BACKLOG', value: 18 },
      ],
    });
    const supervisor = await aPerson(prisma, office.url, ['SUPERVISORS'], 'Sara Supervisora Norte');
    await prisma.userSite.create({ data: { userId: supervisor.userId, locationId: north.id } });

    const page = await started.browser().newPage({ viewport: { width: 1300, height: 900 } });
    await signInThroughForm(page, office.url, supervisor.email, PASSWORD);
    const sites = page.getByTestId('dashboard-sites');
    await sites.waitFor({ timeout: 15_000 });
    expect(await sites.innerText()).toContain('Sus sitios: Planta Norte');
    const bySite = page.getByTestId('chart-backlog-by-site');
    await bySite.waitFor({ timeout: 15_000 });
    expect(await bySite.innerText()).toContain('Planta Norte');
    expect(await bySite.innerText()).not.toContain('Planta Sur');
    // His plant's backlog in the cards, not the utility's.
    expect(await page.getByTestId('kpi-BACKLOG').innerText()).toContain('12');
    const dashboard = await page.getByTestId('dashboard').innerText();
    expect(dashboard).toMatch(/Activos\s+2\b/);
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'sites-dashboard.png'), fullPage: true });

    await page.goto(`${office.url}/admin/resources/Asset`);
    await page.getByText('N-BOMBA-01').first().waitFor({ timeout: 15_000 });
    const list = await page.locator('table').first().innerText();
    expect(list).toContain('N-VENT-01');
    expect(list).not.toContain('S-TURB-01');
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'sites-asset-list.png'), fullPage: true });

    // The global change history: his plant's assets by name, never the other plant's.
    await prisma.group.update({ where: { code: 'SUPERVISORS' }, data: { canReadHistory: true } });
    await page.goto(`${office.url}/admin/resources/ChangeHistory?filters.tableName=assets`);
    await page.getByText('N-VENT-01 · Ventilador de tiro forzado').first().waitFor({ timeout: 20_000 });
    const history = await page.locator('table').first().innerText();
    expect(history).toContain('N-BOMBA-01 · Bomba de alimentación de caldera');
    expect(history).not.toContain('S-TURB-01');
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'sites-history.png'), fullPage: true });
    await page.close();
  });
});
