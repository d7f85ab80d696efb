// A consultant (read-only group) in a real browser: he filters the work-order list, exports it to Excel
// and the workbook holds exactly those rows, named and in Spanish; nowhere is he offered a write.
import ExcelJS from 'exceljs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS_DIR, browserAndBackOffice, signInThroughForm } from '../support/browser.js';
import * as make from '../support/factories.js';
import { aPerson, PASSWORD } from '../support/people.js';

const started = browserAndBackOffice();

// Buttons that would write, in Spanish as the pages say them.
const WRITES = ['Crear nuevo', 'Editar', 'Eliminar', 'Importar desde Excel', 'Asignar', 'Iniciar', 'Cerrar orden', 'Cancelar orden', 'Convertir en OT', 'Rechazar'];

describe('a consultant reading and exporting', () => {
  it('filters the work orders, exports exactly them, and sees no button that writes', async () => {
    const office = started.office();
    const prisma = office.database.prisma;
    const consultant = await aPerson(prisma, office.url, ['CONSULTANTS'], 'Carla Consultora');
    const area = await make.aLocation(prisma, { code: 'CT-2', name: 'Central de ciclo combinado' });
    const turbine = await make.anAsset(prisma, { code: 'TG-1', description: 'Turbina de gas 1', locationId: area.id });
    const order = (description: string, state: string, priority: string) =>
      prisma.workOrder.create({ data: { kind: 'CORRECTIVE', assetId: turbine.id, plannedOn: new Date('2026-11-18'), description, state, priority } });
    const urgent = [await order('Vibración alta en cojinete 2', 'PENDING', 'URGENT'), await order('Fuga de aceite de lubricación', 'PENDING', 'URGENT')];
    await order('Limpieza de filtros de aire', 'PENDING', 'LOW');
    await order('Cambio de bujías', 'PENDING', 'MEDIUM');

    const page = await started.browser().newPage({ viewport: { width: 1300, height: 900 }, acceptDownloads: true });
    await signInThroughForm(page, office.url, consultant.email, PASSWORD);
    await page.goto(`${office.url}/admin/resources/WorkOrder`);
    await page.getByText('Limpieza de filtros de aire').waitFor({ timeout: 15_000 });
    for (const write of WRITES) expect(await page.getByRole('button', { name: write, exact: true }).or(page.getByRole('link', { name: write, exact: true })).count(), write).toBe(0);

    // He filters by priority through the filter drawer, as the page offers it.
    await page.getByText('Filtrar', { exact: true }).click();
    await page.locator('[data-css="WorkOrder-filter-drawer"]').getByText('Prioridad').waitFor({ timeout: 15_000 });
    await page.goto(`${office.url}/admin/resources/WorkOrder?filters.priority=URGENT`);
    await page.waitForFunction(() => {
      const rows = Array.from(document.querySelectorAll('tbody tr'), (row) => row.textContent ?? '');
      return rows.length === 2 && rows.every((text) => text.includes('Urgente'));
    }, undefined, { timeout: 15_000 });
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'consultant-1-filtered-list.png'), fullPage: true });

    await page.getByText('Exportar a Excel', { exact: true }).click();
    const button = page.getByTestId('export-list');
    await button.waitFor({ timeout: 30_000 });
    expect(page.url()).toContain('filters.priority=URGENT');
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'consultant-2-export.png'), fullPage: true });
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await download.path())!);
    const rows: ExcelJS.CellValue[][] = [];
    workbook.worksheets[0]!.eachRow((row) => rows.push((row.values as ExcelJS.CellValue[]).slice(1)));
    const numbers = (await prisma.workOrder.findMany({ where: { id: { in: urgent.map((o) => o.id) } }, orderBy: { id: 'asc' } })).map((o) => o.number);
    expect(rows).toEqual([
      ['Número', 'Descripción', 'Activo', 'Ubicación', 'Técnico asignado', 'Estado', 'Prioridad', 'Fecha planificada', 'Clase'],
      [numbers[0], 'Vibración alta en cojinete 2', 'TG-1', 'Central de ciclo combinado', undefined, 'Pendiente', 'Urgente', new Date('2026-11-18T00:00:00Z'), 'Correctiva'],
      [numbers[1], 'Fuga de aceite de lubricación', 'TG-1', 'Central de ciclo combinado', undefined, 'Pendiente', 'Urgente', new Date('2026-11-18T00:00:00Z'), 'Correctiva'],
    ]);

    // An order's page and an asset's list: read, never write.
    await page.goto(`${office.url}/admin/resources/WorkOrder/records/${urgent[0]!.id}/show`);
    await page.getByText('Vibración alta en cojinete 2').first().waitFor({ timeout: 15_000 });
    for (const write of WRITES) expect(await page.getByRole('button', { name: write, exact: true }).or(page.getByRole('link', { name: write, exact: true })).count(), write).toBe(0);
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'consultant-3-order-read-only.png'), fullPage: true });
    await page.goto(`${office.url}/admin/resources/Asset`);
    await page.getByText('TG-1').first().waitFor({ timeout: 15_000 });
    for (const write of WRITES) expect(await page.getByRole('button', { name: write, exact: true }).or(page.getByRole('link', { name: write, exact: true })).count(), write).toBe(0);
    // And the server agrees: a write sent by hand, with his session and CSRF token, is refused by the rules.
    const token = (await page.context().cookies()).find((cookie) => cookie.name === 'XSRF-TOKEN')!.value;
    const forged = await page.request.post(`${office.url}/admin/api/resources/WorkOrder/records/${urgent[0]!.id}/edit`, {
      form: { description: 'Cambiada' }, headers: { 'x-xsrf-token': decodeURIComponent(token) },
    });
    expect(forged.status()).toBe(403);
    expect((await prisma.workOrder.findUniqueOrThrow({ where: { id: urgent[0]!.id } })).description).toBe('Vibración alta en cojinete 2');
    await page.close();
  }, 180_000);
});
