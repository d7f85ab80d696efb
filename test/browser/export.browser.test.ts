// A supervisor filters the work-order list in a real browser, presses "Exportar a Excel", and the
// downloaded workbook holds exactly the rows the filtered list showed, every column filled.
import ExcelJS from 'exceljs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS_DIR, browserAndBackOffice, signInThroughForm } from '../support/browser.js';
import * as make from '../support/factories.js';
import { aPerson, PASSWORD } from '../support/people.js';

const started = browserAndBackOffice();

describe('a supervisor exporting his filtered work-order list', () => {
  it('downloads the filtered rows, with names and Spanish labels', async () => {
    const office = started.office();
    const prisma = office.database.prisma;
    const supervisor = await aPerson(prisma, office.url, ['SUPERVISORS'], 'Sofía Supervisora');
    const technician = await make.aTechnician(prisma);
    const pump = await make.anAsset(prisma, { code: 'BOM-201', description: 'Bomba de condensado' });
    const order = (description: string, technicianId?: number) =>
      prisma.workOrder.create({ data: { kind: 'CORRECTIVE', assetId: pump.id, plannedOn: new Date('2026-11-20'), description, technicianId, state: technicianId ? 'ASSIGNED' : 'PENDING' } });
    const sealed = [await order('Cambiar sello mecánico, lado acople', technician.id), await order('Cambiar sello mecánico, lado libre')];
    await order('Revisar fuga en brida');
    await order('Lubricar rodamientos', technician.id);

    const page = await started.browser().newPage({ viewport: { width: 1300, height: 900 }, acceptDownloads: true });
    await signInThroughForm(page, office.url, supervisor.email, PASSWORD);
    await page.goto(`${office.url}/admin/resources/WorkOrder`);
    await page.getByText('Revisar fuga en brida').waitFor({ timeout: 15_000 });
    await page.getByText('Filtrar', { exact: true }).click();
    await page.locator('input[name="filter-description"]').fill('sello mecanico');
    await page.getByRole('button', { name: 'Aplicar cambios' }).click();
    await page.waitForURL(/filters\.description=sello/);
    // The list may repaint its old rows once before the filtered answer arrives: wait for the filtered page.
    await page.waitForFunction(() => {
      const rows = Array.from(document.querySelectorAll('tbody tr'), (row) => row.textContent ?? '');
      return rows.length === 2 && rows.every((text) => text.includes('Cambiar sello'));
    }, undefined, { timeout: 15_000 });
    expect(await page.locator('tbody tr').allTextContents()).toEqual([expect.stringContaining('Cambiar sello'), expect.stringContaining('Cambiar sello')]);
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'export-1-filtered-list.png'), fullPage: true });

    await page.locator('[data-css="WorkOrder-filter-drawer"] button').first().click(); // the drawer's ✕
    await page.getByText('Exportar a Excel', { exact: true }).click();
    const button = page.getByTestId('export-list');
    await button.waitFor({ timeout: 30_000 });
    expect(page.url()).toContain('filters.description=sello');
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'export-2-drawer.png'), fullPage: true });
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    expect(download.suggestedFilename()).toMatch(/^Órdenes de trabajo-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await download.path())!);
    const rows: ExcelJS.CellValue[][] = [];
    workbook.worksheets[0]!.eachRow((row) => rows.push((row.values as ExcelJS.CellValue[]).slice(1)));
    const numbers = (await prisma.workOrder.findMany({ where: { id: { in: sealed.map((o) => o.id) } }, orderBy: { id: 'asc' } })).map((o) => o.number);
    const name = (await prisma.user.findUniqueOrThrow({ where: { id: technician.userId } })).name;
    const where = (await prisma.location.findUniqueOrThrow({ where: { id: pump.locationId } })).fullName;
    expect(rows).toEqual([
      ['Número', 'Descripción', 'Activo', 'Ubicación', 'Técnico asignado', 'Estado', 'Prioridad', 'Fecha planificada', 'Clase'],
      [numbers[0], 'Cambiar sello mecánico, lado acople', 'BOM-201', where, name, 'Asignada', 'Media', new Date('2026-11-20T00:00:00Z'), 'Correctiva'],
      [numbers[1], 'Cambiar sello mecánico, lado libre', 'BOM-201', where, undefined, 'Pendiente', 'Media', new Date('2026-11-20T00:00:00Z'), 'Correctiva'],
    ]);
    await page.close();
  }, 180_000); // a browser journey on a shared two-core machine
});
