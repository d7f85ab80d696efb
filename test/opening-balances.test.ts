// Opening balances over HTTP as the storekeeper: the template, the filled sheet posted as COUNT movements
// at their unit cost (which sets each level's average); every problem of every row said at once, naming
// row and column, and nothing posted; a level that has moved takes no opening balance.
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

beforeAll(async () => {
  office = await startTestBackOffice();
  prisma = office.database.prisma;
  await prisma.group.update({ where: { code: 'CONSULTANTS' }, data: { canManageStore: true } });
  storekeeper = await aPerson(prisma, office.url, ['CONSULTANTS'], 'Berta Bodeguera');
  supervisor = await aPerson(prisma, office.url, ['SUPERVISORS'], 'Sara Supervisora');
  const central = await make.aWarehouse(prisma, { code: 'ALM-CEN', name: 'Almacén Central' });
  await prisma.bin.create({ data: { warehouseId: central.id, code: 'A-01' } });
  await make.aWarehouse(prisma, { code: 'ALM-NOR', name: 'Almacén Norte' });
  await make.aMaterial(prisma, { code: 'ROD-6205', description: 'Rodamiento 6205' });
  await make.aMaterial(prisma, { code: 'GRASA-EP2', description: 'Grasa EP2', unit: 'kg' });
});
afterAll(() => office?.close());

async function aSheet(rows: unknown[][], header = ['Código de material', 'Código de almacén', 'Ubicación', 'Cantidad', 'Costo unitario']) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Saldos iniciales');
  sheet.addRow(['Saldos iniciales, planta 2026']);
  sheet.addRow(header);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
const upload = (body: Buffer, person = storekeeper) =>
  person.client.json<{ message: string; posted?: number; errors?: { field: string; message: string }[] }>('/admin/inventory/opening-balances', { method: 'POST', body: new Uint8Array(body) });

describe('opening balances', () => {
  it('the template names the columns in the reader’s language', async () => {
    const response = await storekeeper.client.request('/admin/inventory/opening-balances/template.xlsx');
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    expect((workbook.worksheets[0]!.getRow(1).values as unknown[]).slice(1)).toEqual(['Código de material', 'Código de almacén', 'Ubicación', 'Cantidad', 'Costo unitario']);
  });

  it('every problem of every row is said at once, by row and column, and nothing is posted', async () => {
    const answer = await upload(await aSheet([
      ['ROD-6205', 'ALM-CEN', 'Z-99', 10, 6.5],
      ['BOMBA-X', 'ALM-XYZ', '', 'diez', -1],
      ['GRASA-EP2', 'ALM-CEN', '', '4,5', '12,30'],
    ]));
    expect(answer.status).toBe(422);
    expect(answer.body.message).toBe('No se registró ningún saldo: hay problemas en 2 filas (abajo). Corrija la hoja y súbala de nuevo.');
    expect(answer.body.errors!.map((e) => e.message)).toEqual([
      'Fila 3, ubicación: «Z-99» no existe en Almacén Central.',
      'Fila 4, código de material: «BOMBA-X» no existe en el catálogo.',
      'Fila 4, código de almacén: «ALM-XYZ» no existe o no lo puede ver.',
      'Fila 4, cantidad: indique cero o más, con hasta tres decimales (recibido: «diez»).',
      'Fila 4, costo unitario: indique cero o más, con hasta cuatro decimales (recibido: «-1»).',
    ]);
    expect(await prisma.stockMovement.count()).toBe(0);
  });

  it('a good sheet is posted as opening counts at its unit costs; the same sheet again is refused (those levels have moved)', async () => {
    const sheet = await aSheet([
      ['rod-6205', 'ALM-CEN', 'A-01', 10, 6.5],
      ['GRASA-EP2', 'alm-cen', '', '4,5', '12,30'],
    ]);
    const answer = await upload(sheet);
    expect(answer.status).toBe(200);
    expect(answer.body.message).toBe('Saldos iniciales registrados: 2 existencias.');
    const ledger = await prisma.stockMovement.findMany({ include: { material: true, bin: true, movedBy: true }, orderBy: { id: 'asc' } });
    expect(ledger.map((m) => [m.kind, m.material.code, m.quantity.toString(), m.unitCost?.toString(), m.bin?.code ?? null, m.sourceDocument, m.movedBy.name])).toEqual([
      ['COUNT', 'ROD-6205', '10', '6.5', 'A-01', 'Saldo inicial', 'Berta Bodeguera'],
      ['COUNT', 'GRASA-EP2', '4.5', '12.3', null, 'Saldo inicial', 'Berta Bodeguera'],
    ]);
    const levels = await prisma.stockLevel.findMany({ include: { material: true }, orderBy: { id: 'asc' } });
    expect(levels.map((l) => [l.material.code, l.onHand.toString(), l.averageCost.toString()])).toEqual([['ROD-6205', '10', '6.5'], ['GRASA-EP2', '4.5', '12.3']]);

    const again = await upload(sheet);
    expect(again.status).toBe(422);
    expect(again.body.errors!.map((e) => e.message)[0]).toBe('Fila 3: este material ya tiene movimientos en ese almacén; su existencia se corrige con un conteo, no con un saldo inicial.');
    expect(await prisma.stockMovement.count()).toBe(2);
  });

  it('a file that is no workbook, or a sheet without the columns, is told what to do; a supervisor posts none', async () => {
    const notAWorkbook = await upload(Buffer.from('no soy un libro de Excel'));
    expect([notAWorkbook.status, notAWorkbook.body.message]).toEqual([422, 'El archivo no es un libro de Excel (.xlsx) legible: guárdelo como .xlsx y súbalo de nuevo.']);
    const noHeader = await upload(await aSheet([['ROD-6205', 1]], ['Artículo', 'Existencia']));
    expect(noHeader.body.message).toMatch(/^No se encontró la fila de encabezados: la hoja debe tener las columnas Código de material, Código de almacén/);
    expect((await upload(await aSheet([['ROD-6205', 'ALM-NOR', '', 1, 1]]), supervisor)).status).toBe(403);
    expect(await prisma.stockMovement.count({ where: { warehouse: { code: 'ALM-NOR' } } })).toBe(0);
  });
});
