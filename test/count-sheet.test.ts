// A physical count over HTTP as the storekeeper: the warehouse's count sheet (Excel, blind), the counted
// quantities entered on "Conteo físico" and posted as COUNT movements of the ledger; a wrong quantity is
// refused beside its line and nothing is posted; the ledger's and the stock's Excel exports name
// materials, warehouses, kinds and people, filtered like their lists.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../prisma/client.js';
import { startTestBackOffice, type TestBackOffice } from './support/back-office.js';
import * as make from './support/factories.js';
import { aPerson, type Person } from './support/people.js';

let office: TestBackOffice;
let prisma: Db;
let storekeeper: Person;
let supervisor: Person;
let warehouseId: number;
let materials: { id: number; code: string }[];

beforeAll(async () => {
  office = await startTestBackOffice();
  prisma = office.database.prisma;
  await prisma.group.update({ where: { code: 'CONSULTANTS' }, data: { canManageStore: true } });
  storekeeper = await aPerson(prisma, office.url, ['CONSULTANTS'], 'Berta Bodeguera');
  supervisor = await aPerson(prisma, office.url, ['SUPERVISORS'], 'Sara Supervisora');
  const warehouse = await make.aWarehouse(prisma, { code: 'ALM-CEN', name: 'Almacén Central' });
  warehouseId = warehouse.id;
  const [shelfA, shelfB] = [await prisma.bin.create({ data: { warehouseId, code: 'A-01' } }), await prisma.bin.create({ data: { warehouseId, code: 'B-02' } })];
  const grease = await make.aMaterial(prisma, { code: 'GRASA-EP2', description: 'Grasa EP2', unit: 'kg' });
  const bearing = await make.aMaterial(prisma, { code: 'ROD-6205', description: 'Rodamiento 6205', unit: 'u' });
  materials = [bearing, grease];
  await prisma.stockMovement.create({ data: { kind: 'RECEIPT', materialId: bearing.id, warehouseId, binId: shelfA.id, quantity: 10, unitCost: 6.5, movedById: storekeeper.userId } });
  await prisma.stockMovement.create({ data: { kind: 'RECEIPT', materialId: grease.id, warehouseId, binId: shelfB.id, quantity: 4, unitCost: 12, movedById: storekeeper.userId } });
});
afterAll(() => office?.close());

async function sheetOf(response: Response) {
  expect(response.status).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await response.arrayBuffer());
  const sheet = workbook.worksheets[0]!;
  return Array.from({ length: sheet.rowCount }, (_, i) => (sheet.getRow(i + 1).values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v))));
}
const post = (body: unknown, person = storekeeper) =>
  person.client.json<{ notice?: { message: string; type: string }; record?: { errors?: Record<string, { message: string }> } }>(`/admin/api/resources/Warehouse/records/${warehouseId}/countSheet`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body),
  });

describe('a physical count of a warehouse', () => {
  it('the count sheet lists the warehouse by bin, in Spanish, without the quantity on hand', async () => {
    const rows = await sheetOf(await storekeeper.client.request(`/admin/inventory/warehouses/${warehouseId}/count-sheet.xlsx`));
    expect(rows[0]).toEqual(['Hoja de conteo Almacén Central']);
    // The count's reference, and (hidden) how many movements each level had when printed: the import's checks.
    expect(rows[2]).toEqual(['Referencia del conteo', expect.stringMatching(/^CNT-ALM-CEN-\d{8}-\d{9}$/)]);
    expect(rows[3]).toEqual(['Ubicación', 'Código', 'Descripción', 'Unidad', 'Cantidad contada', 'Movimientos al imprimir (no cambiar)']);
    expect(rows.slice(4)).toEqual([['A-01', 'ROD-6205', 'Rodamiento 6205', 'u', undefined, '1'], ['B-02', 'GRASA-EP2', 'Grasa EP2', 'kg', undefined, '1']]);
    const english = await sheetOf(await storekeeper.client.request(`/admin/inventory/warehouses/${warehouseId}/count-sheet.xlsx?language=en`));
    expect(english[3]).toEqual(['Bin', 'Code', 'Description', 'Unit', 'Counted quantity', 'Movements when printed (do not change)']);
    expect((await storekeeper.client.request('/admin/inventory/warehouses/999999/count-sheet.xlsx')).status).toBe(404);
  });

  it('a quantity that is no number is refused beside its line, and nothing is posted', async () => {
    const refused = await post({ lines: [{ materialId: materials[0]!.id, counted: 'nueve' }, { materialId: materials[1]!.id, counted: '3,5' }] });
    expect(refused.body.notice).toMatchObject({ message: 'countSheetRefused', type: 'error' });
    expect(refused.body.record?.errors?.['lines.0.counted']?.message).toBe('Cantidad contada: indique cero o más, con hasta tres decimales (recibido: «nueve»).');
    expect(await prisma.stockMovement.count({ where: { kind: 'COUNT' } })).toBe(0);
    const empty = await post({ lines: [{ materialId: materials[0]!.id, counted: '' }] });
    expect(empty.body.record?.errors?.lines?.message).toBe('Anote al menos una cantidad contada.');
  });

  it('the counted quantities are posted as count movements: the differences move the stock, the average cost stays', async () => {
    const posted = await post({ lines: [{ materialId: materials[0]!.id, counted: '9' }, { materialId: materials[1]!.id, counted: '4' }], sourceDocument: 'Conteo 2026-11' });
    expect(posted.body.notice).toMatchObject({ message: 'countSheetPosted', type: 'success' });
    const counts = await prisma.stockMovement.findMany({ where: { kind: 'COUNT' }, include: { material: true }, orderBy: { id: 'asc' } });
    expect(counts.map((m) => [m.material.code, m.quantity.toString(), m.countedQuantity?.toString(), m.unitCost?.toString(), m.sourceDocument, m.movedById])).toEqual([
      ['ROD-6205', '-1', '9', '6.5', 'Conteo 2026-11', storekeeper.userId],
      ['GRASA-EP2', '0', '4', '12', 'Conteo 2026-11', storekeeper.userId],
    ]);
    const bearing = await prisma.stockLevel.findUniqueOrThrow({ where: { materialId_warehouseId: { materialId: materials[0]!.id, warehouseId } } });
    expect([bearing.onHand.toString(), bearing.averageCost.toString()]).toEqual(['9', '6.5']);
  });

  it('a supervisor, who moves no stock, cannot post a count', async () => {
    const before = await prisma.stockMovement.count();
    expect((await post({ lines: [{ materialId: materials[0]!.id, counted: '1' }] }, supervisor)).status).toBe(403);
    expect(await prisma.stockMovement.count()).toBe(before);
  });
});

describe('Excel exports of the stock and of the ledger', () => {
  it('name materials, warehouses, kinds and people, and follow the list filter', async () => {
    const ledger = await sheetOf(await storekeeper.client.request('/admin/exports/StockMovement.xlsx?filters.kind=COUNT'));
    expect(ledger).toHaveLength(3);
    for (const row of ledger.slice(1)) {
      expect(row.join(' | ')).toContain('Almacén Central');
      expect(row.join(' | ')).toContain('Berta Bodeguera');
    }
    // In the ledger's order (oldest first), as the count sheet's lines were posted.
    expect(ledger.slice(1).map((row) => row.filter((cell) => /^(ROD|GRASA)-/.test(cell)))).toEqual([['ROD-6205'], ['GRASA-EP2']]);
    expect(ledger.slice(1).every((row) => row.includes('Conteo físico'))).toBe(true);
    const stock = await sheetOf(await storekeeper.client.request(`/admin/exports/StockLevel.xlsx?filters.warehouse=${warehouseId}`));
    expect(stock).toHaveLength(3);
    expect(stock.slice(1).map((row) => row.slice(0, 2))).toEqual([['ROD-6205', 'Almacén Central'], ['GRASA-EP2', 'Almacén Central']]);
  });
});

describe('a filled count sheet imported back', () => {
  type Answer = { message: string; posted?: number; differences?: number; alreadyPosted?: boolean; errors?: { field: string; message: string }[] };
  /** The warehouse's count sheet as downloaded, with `counted` written in by code (extra rows appended). */
  async function filledSheet(id: number, counted: Record<string, unknown>, extra: unknown[][] = []) {
    const response = await storekeeper.client.request(`/admin/inventory/warehouses/${id}/count-sheet.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.worksheets[0]!;
    sheet.eachRow((row, n) => {
      const code = String(row.getCell(2).value ?? '');
      if (n > 4 && code in counted) row.getCell(5).value = counted[code] as ExcelJS.CellValue;
    });
    for (const values of extra) sheet.addRow(values);
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }
  const upload = (id: number, file: Buffer, person = storekeeper, reason = 'Conteo anual 2026') =>
    person.client.json<Answer>(`/admin/inventory/warehouses/${id}/count-sheet?reason=${encodeURIComponent(reason)}`, { method: 'POST', body: new Uint8Array(file) });
  const counts = () => prisma.stockMovement.count({ where: { kind: 'COUNT' } });

  it('posts each counted line with the count reason and reference; the same sheet again changes nothing', async () => {
    const file = await filledSheet(warehouseId, { 'ROD-6205': 7, 'GRASA-EP2': null });
    const before = await counts();
    const posted = await upload(warehouseId, file);
    expect(posted.status).toBe(200);
    expect(posted.body.message).toBe('Conteo importado: 1 líneas contadas, 1 con diferencia (quedaron como movimientos de conteo).');
    const [count] = await prisma.stockMovement.findMany({ where: { kind: 'COUNT' }, orderBy: { id: 'desc' }, take: 1, include: { material: true } });
    expect([count!.material.code, count!.quantity.toString(), count!.countedQuantity?.toString(), count!.note, count!.movedById]).toEqual(['ROD-6205', '-2', '7', 'Conteo anual 2026', storekeeper.userId]);
    expect(count!.sourceDocument).toMatch(/^CNT-ALM-CEN-\d{8}-\d{9}$/);
    const again = await upload(warehouseId, file);
    expect(again.status).toBe(200);
    expect(again.body.alreadyPosted).toBe(true);
    expect(again.body.message).toMatch(/^Esta hoja de conteo ya se registró el \d{2}\/\d{2}\/\d{4},? \d{2}:\d{2}: no se cambió nada\.$/);
    expect(await counts()).toBe(before + 1);
    const bearing = await prisma.stockLevel.findUniqueOrThrow({ where: { materialId_warehouseId: { materialId: materials[0]!.id, warehouseId } } });
    expect(bearing.onHand.toString()).toBe('7');
  });

  it('says every problem of every row at once, by row and column, and posts nothing', async () => {
    const file = await filledSheet(warehouseId, { 'ROD-6205': 'nueve', 'GRASA-EP2': 5 }, [['', 'NO-EXISTE', '', '', 3, 0], ['B-02', 'GRASA-EP2', '', '', 6, 3]]);
    const before = await counts();
    const refused = await upload(warehouseId, file);
    expect(refused.status).toBe(422);
    expect(refused.body.message).toBe('No se registró nada: hay problemas en 3 filas (abajo). Corrija la hoja y súbala de nuevo.');
    expect(refused.body.errors).toEqual([
      { field: 'rows.5.counted', message: 'Fila 5, cantidad contada: indique cero o más, con hasta tres decimales (recibido: «nueve»).' },
      { field: 'rows.7.code', message: 'Fila 7, código: «NO-EXISTE» no está en la hoja de conteo de Almacén Central; un material nuevo entra con una recepción.' },
      { field: 'rows.8.code', message: 'Fila 8, código: GRASA-EP2 ya se contó en la fila 6.' },
    ]);
    expect(await counts()).toBe(before);
  });

  it('a sheet printed before the stock moved is stale: the moved line is named and nothing is posted', async () => {
    const file = await filledSheet(warehouseId, { 'ROD-6205': 7, 'GRASA-EP2': 6 });
    await prisma.stockMovement.create({ data: { kind: 'RECEIPT', materialId: materials[1]!.id, warehouseId, quantity: 2, unitCost: 12, movedById: storekeeper.userId } });
    const before = await counts();
    const refused = await upload(warehouseId, file);
    expect(refused.status).toBe(422);
    expect(refused.body.message).toBe('No se registró nada: la existencia de 1 líneas cambió después de imprimir la hoja (abajo). Descargue una hoja nueva y cuente esas líneas de nuevo.');
    expect(refused.body.errors).toEqual([{ field: 'rows.6.code', message: 'Fila 6, código: GRASA-EP2 tuvo 1 movimientos después de imprimir la hoja; cuéntelo de nuevo en una hoja nueva.' }]);
    expect(await counts()).toBe(before);
  });

  it('a sheet of another warehouse, or a workbook that is no count sheet, is refused whole', async () => {
    const north = await make.aWarehouse(prisma, { code: 'ALM-NOR', name: 'Almacén Norte' });
    await prisma.stockMovement.create({ data: { kind: 'RECEIPT', materialId: materials[0]!.id, warehouseId: north.id, quantity: 3, unitCost: 6, movedById: storekeeper.userId } });
    const before = await counts();
    const other = await upload(warehouseId, await filledSheet(north.id, { 'ROD-6205': 3 }));
    expect(other.status).toBe(422);
    expect(other.body.message).toBe('Esta hoja es del almacén ALM-NOR, no de Almacén Central: súbala en la página de ese almacén.');
    const template = Buffer.from(await (await storekeeper.client.request('/admin/inventory/opening-balances/template.xlsx')).arrayBuffer());
    const foreign = await upload(warehouseId, template);
    expect(foreign.status).toBe(422);
    expect(foreign.body.message).toMatch(/^No se encontró la fila de encabezados/);
    const notExcel = await upload(warehouseId, Buffer.from('no soy un libro'));
    expect(notExcel.body.message).toMatch(/no es un libro de Excel/);
    expect(await counts()).toBe(before);
  });

  it('a supervisor, who moves no stock, cannot import a count', async () => {
    const file = await filledSheet(warehouseId, { 'ROD-6205': 1 });
    const before = await counts();
    expect((await upload(warehouseId, file, supervisor)).status).toBe(403);
    expect(await counts()).toBe(before);
  });
});
