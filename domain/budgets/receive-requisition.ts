// "Recibir" on an approved requisition: what a delivery brought, line by line (part of a line is fine;
// more than was ordered is refused, line by line). The rule decided for issue 20:
//  - a direct purchase (a line naming no material) is charged to the budget at receipt: an actual on the
//    requisition's line (cmms_post_budget_actual, source GOODS_RECEIPT, the receipt's id), which also
//    releases as much of its commitment (the database trigger raises requisitions.received_amount);
//  - a line bought for stock goes into its warehouse (a RECEIPT movement at the line's price) and releases
//    the commitment without an actual: it reaches the budget when issued to an order (the stock ledger's
//    trigger posts WORK_ORDER_MATERIALS on the order's budget).
// One transaction under the requisition's lock: two clerks receiving the same line take turns, and the
// second is told what is left.
import { Prisma } from '@prisma/client';
import type { Db } from '../../prisma/client.js';
import { AccessDeniedError, accessibleWhere, type AppAbility } from '../access/abilities.js';
import { changeAllowedRow, type Tx } from '../access/allowed-row.js';
import { postMovement } from '../inventory/post-movement.js';
import { judgeQuantity, optionalText, shown } from '../inventory/stock-input.js';
import { lockStockIn } from '../inventory/stock-lock.js';
import { Refusal, type FieldRefusal } from '../refusal.js';

/** Requisition states "Recibir" is offered in; the ERP may still have rejected or cancelled it. */
export const RECEIVABLE_STATES = ['APPROVED'] as const;
const ERP_STOPPED = ['Rejected', 'Cancelled'];

export type ReceiptState = 'NONE' | 'PARTIAL' | 'RECEIVED';

/** The form's fields: per line `quantity_<itemId>` (empty: not in this delivery) and `bin_<itemId>`
 * (stock lines), and the delivery's note and delivery-note number. Nothing else is read. */
export type ReceiptPayload = Record<string, unknown>;

export interface ReceivedRequisition {
  receiptState: ReceiptState;
  /** Charged to the budget now (direct purchases). */
  charged: Prisma.Decimal;
  /** Gone into warehouses (stock lines), charged when issued to orders. */
  stocked: Prisma.Decimal;
}

export const canReceive = (state: string, receiptState: unknown) => (RECEIVABLE_STATES as readonly string[]).includes(state) && receiptState !== 'RECEIVED';

export async function receiveRequisition(db: Db, ability: AppAbility, userId: number, requisitionId: number, payload: ReceiptPayload): Promise<ReceivedRequisition> {
  const deliveryNote = judgedText(payload, 'deliveryNote', 100);
  const note = judgedText(payload, 'note', 500);
  return changeAllowedRow(
    db,
    ability,
    { model: 'Requisition', id: requisitionId, rule: 'receive', read: (tx, where: Prisma.RequisitionWhereInput) => tx.requisition.findFirst({ where, include: { items: { orderBy: { id: 'asc' }, include: { material: true } } } }) },
    async (tx, requisition) => {
      if (!canReceive(requisition.state, requisition.receiptState) || ERP_STOPPED.includes(requisition.erpStatus ?? ''))
        throw new Refusal(requisition.receiptState === 'RECEIVED' ? 'receiptRefused_alreadyReceived' : 'receiptRefused_notApproved', { number: requisition.number }, { field: 'state' });
      const received = await receivedByItem(tx, requisition.id);
      const lines = judgeLines(requisition.items, received, payload);
      const at = new Date();
      let charged = new Prisma.Decimal(0);
      let stocked = new Prisma.Decimal(0);
      let releasedWithoutActual = new Prisma.Decimal(0);
      for (const { item, quantity, binId } of lines) {
        const amount = quantity.times(item.unitPrice).toDecimalPlaces(2);
        const stockMovementId = item.materialId && item.warehouseId
          ? await intoWarehouse(tx, ability, userId, { materialId: item.materialId, warehouseId: item.warehouseId, binId, quantity, unitCost: item.unitPrice, sourceDocument: (deliveryNote ? `${requisition.number} · ${deliveryNote}` : requisition.number).slice(0, 100), note }, item.id)
          : null;
        const receipt = await tx.goodsReceipt.create({
          data: { requisitionId: requisition.id, requisitionItemId: item.id, quantity, amount, warehouseId: stockMovementId ? item.warehouseId : null, stockMovementId, deliveryNote, note, receivedById: userId, receivedAt: at },
        });
        if (stockMovementId) {
          stocked = stocked.plus(amount);
          releasedWithoutActual = releasedWithoutActual.plus(amount);
        } else if (await postActual(tx, requisition, receipt.id, amount, at)) {
          charged = charged.plus(amount);
        } else {
          // No budget line to charge: nothing is committed either; "Recibido" still says what came in.
          releasedWithoutActual = releasedWithoutActual.plus(amount);
        }
      }
      const receiptState = stateAfter(requisition.items, received, lines);
      await tx.requisition.update({ where: { id: requisition.id }, data: { receiptState, receivedAmount: { increment: releasedWithoutActual } } });
      return { receiptState, charged, stocked };
    },
  );
}

/** A free text of the form, at most `max` characters (trimmed; empty: none). */
function judgedText(payload: ReceiptPayload, field: 'deliveryNote' | 'note', max: number): string | null {
  const value = payload[field];
  const parsed = optionalText(max).safeParse(typeof value === 'string' ? value : null);
  if (!parsed.success) throw new Refusal('receiptRefused_tooLong', { max }, { field });
  return parsed.data;
}

/** What each line of a requisition has received so far. */
export async function receivedByItem(db: Tx | Db, requisitionId: number): Promise<Map<number, Prisma.Decimal>> {
  const sums = await db.$queryRaw<{ item: number; quantity: Prisma.Decimal }[]>`
    SELECT requisition_item_id AS item, sum(quantity) AS quantity FROM goods_receipts WHERE requisition_id = ${requisitionId} GROUP BY requisition_item_id`;
  return new Map(sums.map((row) => [row.item, new Prisma.Decimal(row.quantity)]));
}

type Item = Prisma.RequisitionItemGetPayload<{ include: { material: true } }>;
interface JudgedLine { item: Item & { position: number }; quantity: Prisma.Decimal; binId: number | null }

/** Each line's quantity as typed, judged against what is left of it; every problem at once, beside its line. */
function judgeLines(items: Item[], received: Map<number, Prisma.Decimal>, payload: ReceiptPayload): JudgedLine[] {
  const problems: FieldRefusal[] = [];
  const lines: JudgedLine[] = [];
  items.forEach((item, index) => {
    const field = `quantity_${item.id}`;
    const typed = payload[field];
    if (typed === undefined || typed === null || (typeof typed === 'string' && typed.trim() === '')) return;
    const params = { line: index + 1, item: item.description, unit: item.unit };
    let quantity: Prisma.Decimal;
    try {
      quantity = judgeQuantity(typed, { field });
    } catch {
      problems.push({ field, key: 'receiptRefused_quantity', params: { ...params, value: String(typed) } });
      return;
    }
    const already = received.get(item.id) ?? new Prisma.Decimal(0);
    const left = new Prisma.Decimal(item.quantity).minus(already);
    if (quantity.gt(left)) {
      problems.push({ field, key: left.gt(0) ? 'receiptRefused_overReceipt' : 'receiptRefused_lineComplete', params: { ...params, ordered: shown(item.quantity), received: shown(already), left: shown(left), quantity: shown(quantity) } });
      return;
    }
    const bin = Number(payload[`bin_${item.id}`]);
    lines.push({ item: { ...item, position: index + 1 }, quantity, binId: item.materialId && Number.isInteger(bin) && bin > 0 ? bin : null });
  });
  if (problems.length) throw new Refusal(problems.length === 1 ? problems[0]!.key : 'receiptRefused_lines', problems.length === 1 ? problems[0]!.params : { count: problems.length }, { fields: problems });
  if (!lines.length) throw new Refusal('receiptRefused_nothing', {}, { field: 'lines' });
  return lines;
}

function stateAfter(items: Item[], received: Map<number, Prisma.Decimal>, lines: JudgedLine[]): ReceiptState {
  const now = new Map(received);
  for (const { item, quantity } of lines) now.set(item.id, (now.get(item.id) ?? new Prisma.Decimal(0)).plus(quantity));
  return items.every((item) => (now.get(item.id) ?? new Prisma.Decimal(0)).gte(item.quantity)) ? 'RECEIVED' : 'PARTIAL';
}

/** A stock line's receipt: its level locked under the storeroom's rule (a warehouse outside the clerk's
 * sites is refused), the movement posted at the line's price. */
async function intoWarehouse(
  tx: Tx,
  ability: AppAbility,
  userId: number,
  line: { materialId: number; warehouseId: number; binId: number | null; quantity: Prisma.Decimal; unitCost: Prisma.Decimal; sourceDocument: string; note: string | null },
  itemId: number,
): Promise<number> {
  const allowed = accessibleWhere(ability, 'receive', 'StockLevel');
  if (!allowed) throw new AccessDeniedError('receive', 'StockLevel');
  const stock = await lockStockIn(tx, ability, allowed, line);
  if (!stock.material.isActive) throw new Refusal('stockRefused_inactiveMaterial', { material: stock.material.code }, { field: `quantity_${itemId}` });
  if (line.binId && !(await tx.bin.count({ where: { id: line.binId, warehouseId: line.warehouseId } })))
    throw new Refusal('stockRefused_binElsewhere', { warehouse: stock.warehouse.name }, { field: `bin_${itemId}` });
  const movement = await postMovement(tx, stock, {
    kind: 'RECEIPT', materialId: line.materialId, warehouseId: line.warehouseId, binId: line.binId, quantity: line.quantity, unitCost: line.unitCost,
    sourceDocument: line.sourceDocument, note: line.note, movedById: userId,
  });
  return movement.id;
}

/** A direct purchase's actual, on the requisition's budget line; false when it has none. */
async function postActual(tx: Tx, requisition: { id: number; workOrderId: number | null }, receiptId: number, amount: Prisma.Decimal, at: Date): Promise<boolean> {
  const [row] = await tx.$queryRaw<{ posted: number | null }[]>`
    SELECT cmms_post_budget_actual(NULL::integer, ${at}::timestamptz, NULL::text, ${amount}::numeric, 'GOODS_RECEIPT', ${receiptId}::integer, ${requisition.workOrderId}::integer, ${requisition.id}::integer) AS posted`;
  return row?.posted != null;
}
