import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEST_ADMIN } from '../support/back-office.js';
import { ARTIFACTS_DIR, browserAndBackOffice, signInThroughForm } from '../support/browser.js';
import { aWorkbook } from '../support/workbooks.js';

const started = browserAndBackOffice();

describe('a clerk importing assets from Excel in a real browser', () => {
  it('uploads, watches the progress bar reach 100 %, reloads, and downloads the error report', async () => {
    const office = started.office();
    const prisma = office.database.prisma;
    await prisma.location.create({ data: { code: 'PLT', name: 'Planta' } });
    await prisma.assetCategory.create({ data: { code: 'BOM', name: 'Bombas' } });
    const rows = [
      ['Inventario de bombas'],
      ['Código', 'Descripción', 'Ubicación', 'Categoría'],
      ...Array.from({ length: 300 }, (_, i) => [`B-${i + 1}`, `Bomba ${i + 1}`, 'PLT', 'Bombas']),
      ['B-X', 'Ubicación equivocada', 'PLANTA-9', 'Bombas'],
    ];
    const file = await aWorkbook(rows);

    const page = await started.browser().newPage({ viewport: { width: 1300, height: 900 }, acceptDownloads: true });
    await signInThroughForm(page, office.url, TEST_ADMIN.email, TEST_ADMIN.password);
    await page.goto(`${office.url}/admin/resources/Asset/actions/importXlsx`);
    await page.getByTestId('import-workbook').waitFor({ timeout: 30_000 });
    await page.getByTestId('import-file').setInputFiles({ name: 'bombas.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: file });
    await page.getByTestId('import-mode-VALID_ROWS').check();
    await page.getByTestId('import-submit').click();

    const progress = page.getByTestId('import-progress');
    await page.locator('[data-testid=import-progress][data-state=PARTIAL]').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('import-progress-bar').getAttribute('aria-valuenow')).toBe('100');
    expect(await page.getByTestId('import-counters').innerText()).toBe('Leídas 301 de 301 · nuevas 300 · modificadas 0 · sin cambios 0 · rechazadas 1 · escritas 300');
    expect(await page.getByTestId('import-state').innerText()).toBe('Terminada con filas rechazadas');
    expect(await prisma.asset.count({ where: { code: { startsWith: 'B-' } } })).toBe(300);

    // The address carries the run: a reload shows the same outcome.
    expect(page.url()).toMatch(/[?&]run=\d+/);
    await page.reload();
    await page.locator('[data-testid=import-progress][data-state=PARTIAL]').waitFor({ timeout: 30_000 });
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'asset-import.png'), fullPage: true });

    const [download] = await Promise.all([page.waitForEvent('download'), progress.getByTestId('import-error-report').click()]);
    const report = new ExcelJS.Workbook();
    await report.xlsx.load((await readFile((await download.path())!)) as never);
    const sheet = report.worksheets[0]!;
    expect(sheet.getRow(2).values).toEqual([undefined, 303, 'Ubicación', 'PLANTA-9', expect.stringContaining('No existe la ubicación "PLANTA-9"')]);

    // The ImportRun's page shows the same outcome.
    const runId = new URL(page.url()).searchParams.get('run');
    await page.goto(`${office.url}/admin/resources/ImportRun/records/${runId}/show`);
    await page.locator('[data-testid=import-progress][data-state=PARTIAL]').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('import-counters').innerText()).toContain('rechazadas 1');
    await page.close();
  });

  it('validates without importing, maps an unknown state once, then imports the same file', async () => {
    const office = started.office();
    const prisma = office.database.prisma;
    const rows = [
      ['Código', 'Descripción', 'Ubicación', 'Categoría', 'Estado'],
      ...Array.from({ length: 40 }, (_, i) => [`OPV-${i + 1}`, `Bomba ${i + 1}`, 'PLT', 'Bombas', i % 4 ? 'OPERATIVO' : 'ACTIVO']),
    ];
    const page = await started.browser().newPage({ viewport: { width: 1300, height: 900 } });
    await signInThroughForm(page, office.url, TEST_ADMIN.email, TEST_ADMIN.password);
    await page.goto(`${office.url}/admin/resources/Asset/actions/importXlsx`);
    await page.getByTestId('import-workbook').waitFor({ timeout: 30_000 });
    await page.getByTestId('import-file').setInputFiles({ name: 'legado.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await aWorkbook(rows) });
    await page.getByTestId('import-mode-VALID_ROWS').check();
    await page.getByTestId('import-preview-submit').click();

    await page.locator('[data-testid=import-preview][data-state=PARTIAL]').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('import-preview-counters').innerText()).toBe(
      'Filas leídas 40 · nuevas 10 · modificadas 0 · sin cambios 0 · rechazadas 30 (no se escribió nada)',
    );
    // The unknown value once, with its 30 rows, not 30 errors.
    expect(await page.getByTestId('import-unknown-status').innerText()).toContain('OPERATIVO\t30');
    expect(await prisma.asset.count({ where: { code: { startsWith: 'OPV-' } } })).toBe(0);
    await page.getByTestId('import-map-value-status-OPERATIVO').selectOption({ label: 'En servicio' });
    await page.getByTestId('import-map-saved').waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'asset-import-preview.png'), fullPage: true });

    await page.getByTestId('import-preview-import').click();
    await page.locator('[data-testid=import-progress][data-state=SUCCEEDED]').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('import-counters').innerText()).toBe('Leídas 40 de 40 · nuevas 40 · modificadas 0 · sin cambios 0 · rechazadas 0 · escritas 40');
    expect(await prisma.asset.count({ where: { code: { startsWith: 'OPV-' }, status: 'IN_SERVICE' } })).toBe(40);
    // Remembered for the next import of assets.
    expect(await prisma.importMapping.findFirst({ where: { kind: 'assets', field: 'status', sourceText: 'OPERATIVO' } })).toMatchObject({ target: 'IN_SERVICE' });

    // The migration page lists the kinds in order, with this import as the last run of assets.
    await page.goto(`${office.url}/admin/resources/ImportRun/actions/migration`);
    await page.getByTestId('import-migration').waitFor({ timeout: 30_000 });
    const assets = await page.getByTestId('migration-assets').innerText();
    expect(assets).toContain('Activos');
    expect(assets).toContain('nuevas 40');
    expect(await page.getByTestId('migration-users').innerText()).toContain('Nunca importado');
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'import-migration.png'), fullPage: true });
    await page.close();
  });

  it('validates without importing, maps an unknown category to an existing one picked as he types, then imports', async () => {
    const office = started.office();
    const prisma = office.database.prisma;
    await prisma.assetCategory.create({ data: { code: 'BOM-CEN', name: 'Bombas centrífugas' } });
    const rows = [
      ['Código', 'Descripción', 'Ubicación', 'Categoría'],
      ...Array.from({ length: 12 }, (_, i) => [`CEN-${i + 1}`, `Bomba ${i + 1}`, 'PLT', i % 3 ? 'Bombas centrif.' : 'Bombas']),
    ];
    const page = await started.browser().newPage({ viewport: { width: 1300, height: 900 } });
    await signInThroughForm(page, office.url, TEST_ADMIN.email, TEST_ADMIN.password);
    await page.goto(`${office.url}/admin/resources/Asset/actions/importXlsx`);
    await page.getByTestId('import-workbook').waitFor({ timeout: 30_000 });
    await page.getByTestId('import-file').setInputFiles({ name: 'categorias.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await aWorkbook(rows) });
    await page.getByTestId('import-mode-VALID_ROWS').check();
    await page.getByTestId('import-preview-submit').click();

    await page.locator('[data-testid=import-preview][data-state=PARTIAL]').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('import-unknown-category').innerText()).toContain('Bombas centrif.\t8');
    const input = page.getByTestId('import-map-reference-category-Bombas centrif.');
    await input.fill('centrifu');
    // The suggestions come from the catalogue as he types: the existing category is offered by its code.
    await page.locator('datalist[id="import-references-category-Bombas centrif."] option[value="BOM-CEN"]').waitFor({ state: 'attached', timeout: 30_000 });
    await input.fill('BOM-CEN');
    await page.getByTestId('import-map-reference-save-category-Bombas centrif.').click();
    await page.getByTestId('import-map-saved').waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'asset-import-map-reference.png'), fullPage: true });

    await page.getByTestId('import-preview-import').click();
    await page.locator('[data-testid=import-progress][data-state=SUCCEEDED]').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('import-counters').innerText()).toBe('Leídas 12 de 12 · nuevas 12 · modificadas 0 · sin cambios 0 · rechazadas 0 · escritas 12');
    expect(await prisma.asset.count({ where: { code: { startsWith: 'CEN-' }, category: { code: 'BOM-CEN' } } })).toBe(8);
    expect(await prisma.importMapping.findFirst({ where: { kind: 'assets', field: 'category', sourceText: 'Bombas centrif.' } })).toMatchObject({ target: 'BOM-CEN' });
    await page.close();
  });
});
