// The storeroom's alerts, told as notifications.
// - Reorder: each fall of a stock level to its material's reorder point or below is told once, to those
//   whose rules let them read that level (the storeroom's right, supervisors; their sites'), with one
//   DRAFT requisition prepared for it; the fall ends when a sweep sees the level above the point again,
//   and a later fall is a new event (reorder_alerts keeps which falls are open).
// - Ledger mismatch: the nightly check's differences, told to the administrators once per set of
//   differences (the same unexplained levels found again the next night are not told again).
import { createHash } from 'node:crypto';
import { draftReorderRequisition } from '../../budgets/reorder-requisition.js';
import type { LedgerDifference } from '../../inventory/ledger-check.js';
import { detectReorders, type ReorderAlert } from '../../inventory/reorder.js';
import type { Db } from '../../../prisma/client.js';
import type { Tx } from '../../access/allowed-row.js';
import { stockAtReorderPoint, stockLedgerMismatch } from '../kinds/stock-alerts.kind.js';
import { notify } from '../notify.js';
import type { NotifyDb } from '../notify-db.js';
import { allowedOn, membersOf, recipientsOf, type Recipient } from '../recipients.js';
import { joined } from './plant-text.js';

export interface ReorderSweep {
  /** Falls newly told (each with its draft requisition). */
  raised: number;
  /** Falls that ended: the level is above its reorder point again. */
  cleared: number;
  /** People told. */
  told: number;
}

/** Every level at or below its reorder point now: new falls told (and drafted), ended ones closed. */
export async function notifyReorders(db: Db): Promise<ReorderSweep> {
  const alerts = await detectReorders(db);
  const below = alerts.map((alert) => alert.record.id);
  const cleared = await db.$executeRaw`
    UPDATE reorder_alerts SET cleared_at = now() WHERE cleared_at IS NULL AND NOT (stock_level_id = ANY(${below}::int[]))`;
  const open = new Set(
    (await db.reorderAlert.findMany({ where: { clearedAt: null, stockLevelId: { in: below } }, select: { stockLevelId: true } })).map((row) => row.stockLevelId),
  );
  let raised = 0;
  let told = 0;
  for (const alert of alerts) {
    if (open.has(alert.record.id)) continue;
    const outcome = await raiseReorderAlert(db, alert);
    if (outcome === null) continue;
    raised++;
    told += outcome;
  }
  return { raised, cleared, told };
}

/** One fall: its row, its draft requisition and its notification commit together, or not at all. */
async function raiseReorderAlert(db: Db, alert: ReorderAlert): Promise<number | null> {
  return db.transactionAs(async (tx) => {
    // Another sweep running at the same moment raised it first: the open-fall index lets one through.
    const [row] = await tx.$queryRaw<{ id: number }[]>`
      INSERT INTO reorder_alerts (stock_level_id) VALUES (${alert.record.id})
      ON CONFLICT (stock_level_id) WHERE cleared_at IS NULL DO NOTHING RETURNING id`;
    if (!row) return null;
    const readers = await allowedOn(tx, await recipientsOf(tx, alert.recipients.userIds), 'StockLevel', 'read', alert.record.id);
    const requester = await requesterOf(tx, readers);
    const draft = requester ? await draftReorderRequisition(tx, alert, requester) : null;
    if (draft) await tx.reorderAlert.update({ where: { id: row.id }, data: { requisitionId: draft.id } });
    const { notified } = await notify(tx, {
      kind: stockAtReorderPoint,
      key: `stock-at-reorder-point:${row.id}`,
      recordId: alert.record.id,
      values: { ...alert.values, title: joined(alert.values.material, alert.values.warehouse), requisition: draft?.number ?? '—' },
      recipients: readers.map((reader) => reader.userId),
    });
    return notified.length;
  });
}

/** Who requests the draft: a supervisor told of the fall (the lowest id, so the choice is stable), else an
 * administrator; the storeroom's right alone does not write requisitions. */
async function requesterOf(tx: Tx, readers: Recipient[]): Promise<Recipient | null> {
  const mayRequest = (people: Recipient[]) =>
    people.filter((person) => person.ability.can('create', 'Requisition')).sort((a, b) => Number(a.groups.includes('ADMINISTRATORS')) - Number(b.groups.includes('ADMINISTRATORS')) || a.userId - b.userId);
  const [reader] = mayRequest(readers);
  if (reader) return reader;
  const [administrator] = mayRequest(await recipientsOf(tx, await membersOf(tx, ['ADMINISTRATORS'])));
  return administrator ?? null;
}

/** The nightly check's differences, told to the active administrators once per set of differences. */
export async function notifyLedgerMismatch(db: NotifyDb, differences: LedgerDifference[]): Promise<number> {
  const [first] = differences;
  if (!first) return 0;
  const digest = createHash('sha256').update(JSON.stringify(differences)).digest('hex').slice(0, 20);
  const { notified } = await notify(db, {
    kind: stockLedgerMismatch,
    key: `stock-ledger-mismatch:${digest}`,
    recordId: first.stockLevelId ?? undefined,
    values: {
      title: joined(first.material, first.warehouse),
      count: differences.length,
      material: first.material,
      warehouse: first.warehouse,
      keptOnHand: first.onHand.kept,
      rebuiltOnHand: first.onHand.rebuilt,
      keptCost: first.averageCost.kept,
      rebuiltCost: first.averageCost.rebuilt,
    },
    recipients: await membersOf(db, ['ADMINISTRATORS']),
  });
  return notified.length;
}
