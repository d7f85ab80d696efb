// An audit's moves: started (PLANNED → IN_PROGRESS) and closed. Closing is enforced here, not by the form:
// every finding needs at least one action verified effective, and no action of its findings may still be
// pending (open, in progress, or done but not verified); the refusal names them. Closed, nothing of the
// audit, its findings or their evidence changes (rules and a database trigger).
import type { Prisma } from '@prisma/client';
import type { AppAbility } from '../access/abilities.js';
import { changeAllowedRow } from '../access/allowed-row.js';
import type { Db } from '../../prisma/client.js';
import { auditsRefused } from './audit-refusal.js';
import { SETTLED_ACTION_STATES } from './corrective-action-states.js';

export type AuditMove = 'start' | 'close';
const FROM: Record<AuditMove, readonly string[]> = { start: ['PLANNED'], close: ['PLANNED', 'IN_PROGRESS'] };

export function canMoveAudit(state: string, move: AuditMove): boolean {
  return FROM[move].includes(state);
}

export async function moveAudit(db: Db, ability: AppAbility, userId: number, auditId: number, move: AuditMove, now = new Date()) {
  const read = (tx: Prisma.TransactionClient, where: Prisma.AuditWhereInput) => tx.audit.findFirst({ where });
  return changeAllowedRow(db, ability, { model: 'Audit', id: auditId, rule: move, read }, async (tx, audit) => {
    if (!canMoveAudit(audit.state, move)) throw auditsRefused('auditWrongState', { number: audit.number });
    if (move === 'close') {
      const pending = await tx.correctiveAction.findMany({
        where: { finding: { is: { auditId } }, state: { notIn: [...SETTLED_ACTION_STATES] } },
        select: { number: true, owner: { select: { name: true } } },
        orderBy: { id: 'asc' },
      });
      if (pending.length) throw auditsRefused('actionsPending', { count: pending.length, actions: pending.map((a) => `${a.number} (${a.owner.name})`).join(', ') });
      const unanswered = await tx.auditFinding.findMany({
        where: { auditId, correctiveActions: { none: { state: 'VERIFIED' } }, severity: { not: 'OBSERVATION' } },
        select: { title: true },
        orderBy: { id: 'asc' },
      });
      if (unanswered.length) throw auditsRefused('findingsWithoutAction', { findings: unanswered.map((f) => f.title).join('; ') });
    }
    return tx.audit.update({
      where: { id: auditId },
      data: move === 'start' ? { state: 'IN_PROGRESS' } : { state: 'CLOSED', closedById: userId, closedAt: now },
    });
  });
}
