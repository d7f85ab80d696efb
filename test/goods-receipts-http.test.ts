// "Recibir" on a requisition over HTTP (issue 20), as the storeroom clerk uses it: the form shows each line
// with what was ordered, received and is left, in Spanish; the POST records what came and says so; more
// than is left is refused beside the line in Spanish and nothing is written; without the CSRF token, or by
// a group without the storeroom right, it is refused; fields the form does not offer are ignored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../prisma/client.js';
import { startTestBackOffice, type TestBackOffice } from './support/back-office.js';
import * as make from './support/factories.js';
import { aPerson, type Person } from './support/people.js';

let office: TestBackOffice;
let prisma: Db;
let berta: Person; // storeroom clerk: her group (consultants here) holds "gestionar almacén"
let sara: Person; // supervisor, no storeroom right
const YEAR = new Date().getUTCFullYear();

beforeAll(async () => {
  office = await startTestBackOffice();
  prisma = office.database.prisma;
  await prisma.group.update({ where: { code: 'CONSULTANTS' }, data: { canManageStore: true } });
  berta = await aPerson(prisma, office.url, ['CONSULTANTS'], 'Berta Bodeguera');
  sara = await aPerson(prisma, office.url, ['SUPERVISORS'], 'Sara Supervisora');
});
afterAll(() => office?.close());

type ActionBody = {
  notice?: { message: string; type: string };
  record?: { params: Record<string, string>; errors?: Record<string, { message: string }> };
  form?: { number: string; budgetLine: string | null; lines: { position: number; description: string; ordered: string; received: string; left: string; unitPrice: string; stock: { warehouse: string } | null }[] };
};
const formOf = (fields: Record<string, string>) => {
  const body = new FormData();
  for (const [key, value] of Object.entries(fields)) body.set(key, value);
  return body;
};
const receive = (who: Person, id: number, fields: Record<string, string>, options: { csrf?: boolean } = {}) =>
  who.client.json<ActionBody>(`/admin/api/resources/Requisition/records/${id}/receive`, { method: 'POST', body: formOf(fields), ...options });

let codes = 0;
async function anApprovedRequisition() {
  const code = `RH-${++codes}`;
  const site = await make.aLocation(prisma, { name: `Planta ${code}`, code });
  const budget = await prisma.budget.create({ data: { code, name: `Planta ${code}`, year: YEAR, locationId: site.id, lines: { create: { account: 'SERVICES', description: 'Servicios externos' } } }, include: { lines: true } });
  const lineId = budget.lines[0]!.id;
  await prisma.budgetLineMonth.create({ data: { budgetLineId: lineId, month: 1, originalAmount: 10000, currentAmount: 10000 } });
  const warehouse = await make.aWarehouse(prisma, { name: `Almacén ${code}` });
  const material = await make.aMaterial(prisma, { description: 'Rodamiento SKF 6310' });
  const requisition = await prisma.requisition.create({
    data: {
      title: 'Reparación de bomba', requestedById: sara.userId, budgetLineId: lineId,
      items: { create: [
        { description: 'Rebobinado de motor', quantity: 1, unit: 'u', unitPrice: 1800 },
        { description: 'Rodamiento SKF 6310', quantity: 10, unit: 'u', unitPrice: 12.5, materialId: material.id, warehouseId: warehouse.id },
      ] },
    },
    include: { items: { orderBy: { id: 'asc' } } },
  });
  await prisma.requisition.update({ where: { id: requisition.id }, data: { state: 'SUBMITTED' } });
  await prisma.requisition.update({ where: { id: requisition.id }, data: { state: 'APPROVED', approvedById: sara.userId, approvedAt: new Date() } });
  return { ...requisition, code, lineId, warehouse, material };
}

describe('"Recibir" over HTTP', () => {
  it('shows the lines in Spanish, records a partial receipt and says so', async () => {
    const requisition = await anApprovedRequisition();
    const [motor, bearings] = requisition.items;
    const form = await berta.client.json<ActionBody>(`/admin/api/resources/Requisition/records/${requisition.id}/receive`);
    expect(form.status).toBe(200);
    expect(form.body.form).toMatchObject({
      number: requisition.number,
      budgetLine: `Planta ${requisition.code} · Servicios externos`,
      lines: [
        { position: 1, description: 'Rebobinado de motor', ordered: '1', received: '0', left: '1', unitPrice: '1.800,00', stock: null },
        { position: 2, description: 'Rodamiento SKF 6310', ordered: '10', received: '0', left: '10', unitPrice: '12,50', stock: { warehouse: requisition.warehouse.name } },
      ],
    });

    const done = await receive(berta, requisition.id, { [`quantity_${motor!.id}`]: '1', [`quantity_${bearings!.id}`]: '4', deliveryNote: 'NE-4471' });
    expect(done.status).toBe(200);
    expect(done.body.notice).toMatchObject({ message: 'requisitionReceived_PARTIAL', type: 'success' });
    expect(done.body.record?.params.receiptState).toBe('PARTIAL');
    expect(await prisma.goodsReceipt.count({ where: { requisitionId: requisition.id } })).toBe(2);

    const again = await berta.client.json<ActionBody>(`/admin/api/resources/Requisition/records/${requisition.id}/receive`);
    expect(again.body.form!.lines.map((l) => [l.received, l.left])).toEqual([['1', '0'], ['4', '6']]);
  });

  it('refuses more than is left, beside the line and in Spanish, and writes nothing', async () => {
    const requisition = await anApprovedRequisition();
    const bearings = requisition.items[1]!;
    await receive(berta, requisition.id, { [`quantity_${bearings.id}`]: '7' });
    const refused = await receive(berta, requisition.id, { [`quantity_${bearings.id}`]: '3,5' });
    expect(refused.body.notice).toMatchObject({ message: 'receiptRefused_overReceipt', type: 'error' });
    expect(refused.body.record?.errors?.[`quantity_${bearings.id}`]?.message).toBe(
      'Línea 2, Rodamiento SKF 6310: se pidieron 10 u y ya se recibieron 7; puede recibir como mucho 3 u más, no 3.5.',
    );
    expect(await prisma.goodsReceipt.count({ where: { requisitionId: requisition.id } })).toBe(1);
  });

  it('says the refusal in English to one who reads English', async () => {
    const requisition = await anApprovedRequisition();
    const bearings = requisition.items[1]!;
    const refused = await receive(berta, requisition.id, { [`quantity_${bearings.id}`]: '11', language: 'en' });
    expect(refused.body.record?.errors?.[`quantity_${bearings.id}`]?.message).toBe(
      'Line 2, Rodamiento SKF 6310: 10 u were ordered and 0 already received; you may receive at most 10 u more, not 11.',
    );
  });

  it('a requisition line for stock names its material and its warehouse, or neither', async () => {
    const draft = await prisma.requisition.create({ data: { title: 'Repuestos', requestedById: sara.userId } });
    const material = await make.aMaterial(prisma, { description: 'Sello mecánico' });
    const created = await sara.client.json<ActionBody>('/admin/api/resources/RequisitionItem/actions/new', {
      method: 'POST',
      body: formOf({ requisition: String(draft.id), description: 'Sello mecánico', quantity: '2', unit: 'u', unitPrice: '80', material: String(material.id) }),
    });
    expect(created.body.record?.errors?.warehouse?.message).toBe('Un artículo para almacén indica el material y el almacén de destino; una compra directa, ninguno de los dos.');
    expect(await prisma.requisitionItem.count({ where: { requisitionId: draft.id } })).toBe(0);
  });

  it('is refused without the CSRF token, and to a supervisor without the storeroom right', async () => {
    const requisition = await anApprovedRequisition();
    const fields = { [`quantity_${requisition.items[0]!.id}`]: '1' };
    expect((await berta.client.request(`/admin/api/resources/Requisition/records/${requisition.id}/receive`, { method: 'POST', body: formOf(fields), csrf: false })).status).toBe(403);
    expect((await receive(sara, requisition.id, fields)).status).toBe(403);
    expect((await sara.client.request(`/admin/api/resources/Requisition/records/${requisition.id}/receive`)).status).toBe(403);
    expect(await prisma.goodsReceipt.count({ where: { requisitionId: requisition.id } })).toBe(0);
    expect((await prisma.requisition.findUniqueOrThrow({ where: { id: requisition.id } })).receiptState).toBe('NONE');
  });

  it('ignores fields the form does not offer: state, amounts, and lines of another requisition', async () => {
    const requisition = await anApprovedRequisition();
    const other = await anApprovedRequisition();
    const done = await receive(berta, requisition.id, {
      [`quantity_${requisition.items[0]!.id}`]: '1',
      [`quantity_${other.items[0]!.id}`]: '1',
      state: 'REJECTED', receiptState: 'RECEIVED', receivedAmount: '99999', total: '1', amount: '0', receivedBy: String(sara.userId), warehouseId: '1',
    });
    expect(done.body.notice).toMatchObject({ message: 'requisitionReceived_PARTIAL', type: 'success' });
    const after = await prisma.requisition.findUniqueOrThrow({ where: { id: requisition.id } });
    expect({ state: after.state, receiptState: after.receiptState, received: Number(after.receivedAmount), total: Number(after.total) }).toEqual({ state: 'APPROVED', receiptState: 'PARTIAL', received: 1800, total: 1925 });
    const receipts = await prisma.goodsReceipt.findMany({ where: { requisitionId: requisition.id } });
    expect(receipts.map((r) => [r.requisitionItemId, Number(r.amount), r.receivedById])).toEqual([[requisition.items[0]!.id, 1800, berta.userId]]);
    expect(await prisma.goodsReceipt.count({ where: { requisitionId: other.id } })).toBe(0);
  });
});
