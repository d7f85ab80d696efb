// A receipt into a warehouse the material has never been in, over HTTP as the storekeeper: "Recibir" on the
// material offers every warehouse he sees; the receipt creates the stock level (priced by the lot) and its
// ledger line. A receipt without a warehouse is refused beside the field; a supervisor receives nothing.
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
});
afterAll(() => office?.close());

type Answer = { form?: { intro: string; material: string; fields: { name: string; options?: { value: string; label: string }[] }[] }; notice?: { message: string; type: string }; record?: { errors?: Record<string, { message: string }> } };
const receive = (person: Person, materialId: number, body: Record<string, unknown>) =>
  person.client.json<Answer>(`/admin/api/resources/Material/records/${materialId}/receive`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('receiving a material into a warehouse it has never been in', () => {
  it('the material offers every warehouse, and the receipt creates its stock level at the lot price', async () => {
    const central = await make.aWarehouse(prisma, { code: 'ALM-CEN', name: 'Almacén Central' });
    const north = await make.aWarehouse(prisma, { code: 'ALM-NOR', name: 'Almacén Norte' });
    const shelf = await prisma.bin.create({ data: { warehouseId: north.id, code: 'N-07' } });
    const valve = await make.aMaterial(prisma, { code: 'VAL-2IN', description: 'Válvula de bola 2"', unit: 'u' });
    await prisma.stockMovement.create({ data: { kind: 'RECEIPT', materialId: valve.id, warehouseId: central.id, quantity: 4, unitCost: 30, movedById: storekeeper.userId } });
    expect(await prisma.stockLevel.count({ where: { materialId: valve.id, warehouseId: north.id } })).toBe(0);

    const form = await storekeeper.client.json<Answer>(`/admin/api/resources/Material/records/${valve.id}/receive`);
    expect(form.status).toBe(200);
    expect(form.body.form?.material).toBe('VAL-2IN · Válvula de bola 2"');
    const fields = Object.fromEntries(form.body.form!.fields.map((f) => [f.name, f.options?.map((o) => o.label)]));
    expect(fields.warehouse).toEqual(['Almacén Central', 'Almacén Norte']);
    expect(fields.bin).toEqual(['Almacén Norte · N-07']);

    const done = await receive(storekeeper, valve.id, { warehouse: String(north.id), bin: String(shelf.id), quantity: '6', unitCost: '42,5', sourceDocument: 'Remisión 4410' });
    expect(done.body.notice).toMatchObject({ message: 'stockMoved_receive', type: 'success' });
    const level = await prisma.stockLevel.findUniqueOrThrow({ where: { materialId_warehouseId: { materialId: valve.id, warehouseId: north.id } } });
    expect([level.onHand.toString(), level.averageCost.toString(), level.binId, level.movementCount]).toEqual(['6', '42.5', shelf.id, 1]);
    const [movement] = await prisma.stockMovement.findMany({ where: { materialId: valve.id, warehouseId: north.id } });
    expect([movement!.kind, movement!.quantity.toString(), movement!.sourceDocument, movement!.movedById]).toEqual(['RECEIPT', '6', 'Remisión 4410', storekeeper.userId]);
    // The other warehouse's level is its own: untouched.
    const other = await prisma.stockLevel.findUniqueOrThrow({ where: { materialId_warehouseId: { materialId: valve.id, warehouseId: central.id } } });
    expect([other.onHand.toString(), other.averageCost.toString()]).toEqual(['4', '30']);
  });

  it('without a warehouse, or with a bin of another warehouse, it is refused beside the field and writes nothing', async () => {
    const central = await prisma.warehouse.findUniqueOrThrow({ where: { code: 'ALM-CEN' } });
    const northShelf = await prisma.bin.findFirstOrThrow({ where: { code: 'N-07' } });
    const seal = await make.aMaterial(prisma, { code: 'SELLO-40', description: 'Sello mecánico 40 mm' });
    const none = await receive(storekeeper, seal.id, { quantity: '2', unitCost: '10' });
    expect(none.body.record?.errors?.warehouse?.message).toBe('El almacén no existe o no lo puede ver: elija uno de la lista.');
    const elsewhere = await receive(storekeeper, seal.id, { warehouse: String(central.id), bin: String(northShelf.id), quantity: '2', unitCost: '10' });
    expect(elsewhere.body.notice).toMatchObject({ type: 'error' });
    expect(elsewhere.body.record?.errors?.bin?.message).toContain('Almacén Central');
    expect(await prisma.stockLevel.count({ where: { materialId: seal.id } })).toBe(0);
    expect(await prisma.stockMovement.count({ where: { materialId: seal.id } })).toBe(0);
  });

  it('a supervisor, who moves no stock, cannot receive', async () => {
    const central = await prisma.warehouse.findUniqueOrThrow({ where: { code: 'ALM-CEN' } });
    const gasket = await make.aMaterial(prisma, { code: 'EMP-3', description: 'Empaque 3"' });
    expect((await receive(supervisor, gasket.id, { warehouse: String(central.id), quantity: '1', unitCost: '1' })).status).toBe(403);
    expect(await prisma.stockMovement.count({ where: { materialId: gasket.id } })).toBe(0);
  });
});
