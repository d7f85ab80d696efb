// The one way a domain operation changes a row under the role rules: the rule is checked, the actor's
// transaction opened (so history records who), the row locked FOR UPDATE (two clicks at once take turns:
// the second sees the first's outcome) and read again under the rule's row conditions. A row that does
// not exist and one the rules hide are refused alike.
import { Prisma } from '@prisma/client';
import type { Db } from '../../prisma/client.js';
import { AccessDeniedError, accessibleWhere, type Action, type AppAbility } from './abilities.js';

/** The transaction an operation works in (the client that `transactionAs` hands over). */
export type Tx = Parameters<Parameters<Db['transactionAs']>[0]>[0];

export interface AllowedRow<W, T> {
  model: Prisma.ModelName;
  id: number;
  /** The rule whose row conditions the row is read under. */
  rule: Action;
  /** The refusal when the rule denies it or the row is hidden; by default the rule on the model. */
  refusedAs?: { action: string; subject: string };
  /** Reads the row with `where` (its id and the rule's conditions): `(tx, where) => tx.workOrder.findFirst({ where })`. */
  read: (tx: Tx, where: W) => Promise<T | null>;
}

export async function changeAllowedRow<W, T, R>(db: Db, ability: AppAbility, row: AllowedRow<W, T>, change: (tx: Tx, current: T) => Promise<R>): Promise<R> {
  const refused = () => new AccessDeniedError(row.refusedAs?.action ?? row.rule, row.refusedAs?.subject ?? row.model);
  const allowed = accessibleWhere(ability, row.rule, row.model);
  if (!allowed) throw refused();
  const table = tableOf(row.model);
  return db.transactionAs(async (tx) => {
    const locked = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM ${Prisma.raw(table)} WHERE id = ${row.id} FOR UPDATE`;
    const current = locked.length ? await row.read(tx, { AND: [{ id: row.id }, allowed] } as W) : null;
    if (!current) throw refused();
    return change(tx, current);
  });
}

/** The quoted table of a model, from the client's own datamodel (never from input). */
function tableOf(model: Prisma.ModelName): string {
  const found = Prisma.dmmf.datamodel.models.find((m) => m.name === model);
  return `"${(found?.dbName ?? model).replaceAll('"', '""')}"`;
}
