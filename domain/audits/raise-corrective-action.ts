// Raising a corrective action: what is to be done, by whom, by when, from its source: an audit finding, a
// safety incident, or a closed corrective work order whose failure must not come back. The rule is
// `raiseAction` on the source (domain/access/abilities.ts), checked on the source's row, locked; the action
// starts OPEN, numbered CA-YYYY-NNNN by the database, and its owner is told when it falls overdue.
import type { Prisma } from '@prisma/client';
import type { AppAbility } from '../access/abilities.js';
import { changeAllowedRow, type Tx } from '../access/allowed-row.js';
import type { Db } from '../../prisma/client.js';
import { auditsRefused } from './audit-refusal.js';

export type ActionSource = 'AuditFinding' | 'SafetyIncident' | 'WorkOrder';

export interface RaiseInput {
  description?: unknown;
  owner?: unknown;
  dueOn?: unknown;
}

const SOURCE_FIELD = { AuditFinding: 'findingId', SafetyIncident: 'incidentId', WorkOrder: 'workOrderId' } as const;

/** Whether a source offers the button (the operation checks again). */
export function canRaiseFrom(source: ActionSource, row: Record<string, unknown>): boolean {
  return source !== 'WorkOrder' || (row.kind === 'CORRECTIVE' && row.state === 'CLOSED');
}

/** `today`: the plant's calendar day (a due date before it is refused). */
export async function raiseCorrectiveAction(db: Db, ability: AppAbility, userId: number, source: ActionSource, sourceId: number, input: RaiseInput, today: Date) {
  const description = typeof input.description === 'string' ? input.description.trim() : '';
  if (!description || description.length > 2000) throw auditsRefused('descriptionMissing', {}, 'description');
  const ownerId = typeof input.owner === 'string' && /^\d{1,9}$/.test(input.owner) ? Number(input.owner) : typeof input.owner === 'number' ? input.owner : NaN;
  if (!Number.isInteger(ownerId)) throw auditsRefused('ownerMissing', {}, 'owner');
  const dueOn = typeof input.dueOn === 'string' && /^\d{4}-\d{2}-\d{2}/.test(input.dueOn) ? new Date(`${input.dueOn.slice(0, 10)}T00:00:00Z`) : null;
  if (!dueOn || Number.isNaN(dueOn.getTime())) throw auditsRefused('dueOnMissing', {}, 'dueOn');
  if (dueOn < today) throw auditsRefused('dueOnPast', {}, 'dueOn');

  const read = (tx: Tx, where: unknown) => readSource(tx, source, where);
  return changeAllowedRow(db, ability, { model: source, id: sourceId, rule: 'raiseAction', read }, async (tx, row) => {
    if (source === 'WorkOrder' && !canRaiseFrom(source, row)) throw auditsRefused('orderNotFailed', { number: String(row.number ?? '') });
    if (source === 'AuditFinding' && row.auditState === 'CLOSED') throw auditsRefused('auditClosed');
    const owner = await tx.user.findFirst({ where: { id: ownerId, isActive: true }, select: { id: true } });
    if (!owner) throw auditsRefused('ownerMissing', {}, 'owner');
    return tx.correctiveAction.create({
      data: { description, ownerId, dueOn, raisedById: userId, [SOURCE_FIELD[source]]: sourceId } as Prisma.CorrectiveActionUncheckedCreateInput,
    });
  });
}

/** The source's row under the rule's conditions, with what the checks need. */
async function readSource(tx: Tx, source: ActionSource, where: unknown): Promise<Record<string, unknown> | null> {
  if (source === 'WorkOrder') return tx.workOrder.findFirst({ where: where as Prisma.WorkOrderWhereInput, select: { id: true, number: true, kind: true, state: true } });
  if (source === 'SafetyIncident') return tx.safetyIncident.findFirst({ where: where as Prisma.SafetyIncidentWhereInput, select: { id: true } });
  const finding = await tx.auditFinding.findFirst({ where: where as Prisma.AuditFindingWhereInput, select: { id: true, audit: { select: { state: true } } } });
  return finding && { id: finding.id, auditState: finding.audit.state };
}
