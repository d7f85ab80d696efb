// What "Recibir" shows before the clerk types what came in: each line with what was ordered, received so far
// and is left, where it goes (a warehouse and its bins, or charged to the budget at once), and the line
// it is charged to. Read under the viewer's rules; the receipt reads it all again under the lock.
import { Prisma } from '@prisma/client';
import type { Db } from '../../prisma/client.js';
import { accessibleWhere, type AppAbility } from '../access/abilities.js';
import { shown } from '../inventory/stock-input.js';
import { amountIn, budgetLineName, type Language } from './line-availability.js';
import { receivedByItem } from './receive-requisition.js';

export interface ReceiptFormLine {
  itemId: number;
  position: number;
  description: string;
  unit: string;
  unitPrice: string;
  ordered: string;
  received: string;
  left: string;
  /** Stock lines: "ROD-6310 · Rodamiento" into this warehouse, with its bins; null: a direct purchase. */
  stock: { material: string; warehouse: string; bins: { value: string; label: string }[] } | null;
}

export interface ReceiptForm {
  number: string;
  title: string;
  /** The budget line direct purchases are charged to; null without one. */
  budgetLine: string | null;
  lines: ReceiptFormLine[];
}

export async function requisitionReceiptForm(db: Db, ability: AppAbility, requisitionId: number, language: Language): Promise<ReceiptForm | null> {
  const requisition = await db.requisition.findFirst({
    where: { AND: [{ id: requisitionId }, accessibleWhere(ability, 'read', 'Requisition') ?? { id: -1 }] },
    include: {
      budgetLine: { include: { budget: true } },
      items: { orderBy: { id: 'asc' }, include: { material: true, warehouse: { include: { bins: { where: { isActive: true }, orderBy: { code: 'asc' } } } } } },
    },
  });
  if (!requisition) return null;
  const received = await receivedByItem(db, requisition.id);
  return {
    number: requisition.number,
    title: requisition.title,
    budgetLine: requisition.budgetLine ? budgetLineName({ name: requisition.budgetLine.budget.name, account: requisition.budgetLine.account, description: requisition.budgetLine.description }, language) : null,
    lines: requisition.items.map((item, index) => {
      const already = received.get(item.id) ?? new Prisma.Decimal(0);
      return {
        itemId: item.id,
        position: index + 1,
        description: item.description,
        unit: item.unit,
        unitPrice: amountIn(language, item.unitPrice),
        ordered: shown(item.quantity),
        received: shown(already),
        left: shown(Prisma.Decimal.max(new Prisma.Decimal(item.quantity).minus(already), 0)),
        stock: item.material && item.warehouse
          ? { material: `${item.material.code} · ${item.material.description}`, warehouse: item.warehouse.name, bins: item.warehouse.bins.map((bin) => ({ value: String(bin.id), label: bin.code })) }
          : null,
      };
    }),
  };
}
