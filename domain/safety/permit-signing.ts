// Approving and closing a permit are signed like document revisions (domain/documents/signatures.ts):
// the signer confirms with his password (a wrong one writes nothing and counts as a failed sign-in), and
// the move writes a PermitSignature (signer, time, IP, user agent, SHA-256 of the permit's content) in
// the same transaction. The database refuses to change or delete a signature, for every role.
import type { Prisma } from '@prisma/client';
import { AccessDeniedError, type AppAbility } from '../access/abilities.js';
import { changeAllowedRow } from '../access/allowed-row.js';
import { confirmPassword, type PasswordThrottle } from '../users/confirm-password.js';
import type { Db } from '../../prisma/client.js';
import { permitContent, sha256Of } from './permit-content.js';
import { appliedIsolations } from './permit-readiness.js';
import { safetyRefused } from './safety-refusal.js';

export type PermitSigning = 'approve' | 'close';

const FROM: Record<PermitSigning, readonly string[]> = { approve: ['REQUESTED'], close: ['ACTIVE', 'SUSPENDED'] };

export function canSignPermit(state: string, signing: PermitSigning): boolean {
  return FROM[signing].includes(state);
}

export interface PermitSignInput {
  permitId: number;
  signer: { userId: number };
  password: unknown;
  ip: string;
  userAgent: string;
}

export async function signPermit(db: Db, throttle: PasswordThrottle | undefined, ability: AppAbility, signing: PermitSigning, input: PermitSignInput, now = new Date()) {
  if (!ability.can(signing, 'WorkPermit')) throw new AccessDeniedError(signing, 'WorkPermit');
  if (!throttle) throw safetyRefused('signingUnavailable');
  // Re-authentication, under the same throttle as the sign-in form (domain/users/confirm-password.ts).
  const user = await confirmPassword(db, throttle, { userId: input.signer.userId, password: input.password, ip: input.ip }, (reason) => safetyRefused(reason, {}, 'password'));

  const read = (tx: Prisma.TransactionClient, where: Prisma.WorkPermitWhereInput) => tx.workPermit.findFirst({ where });
  return changeAllowedRow(db, ability, { model: 'WorkPermit', id: input.permitId, rule: signing, read }, async (tx, permit) => {
    if (!canSignPermit(permit.state, signing)) throw safetyRefused('wrongState', { state: permit.state });
    if (signing === 'close') {
      const applied = await appliedIsolations(tx, { permitId: permit.id });
      if (applied.length) throw safetyRefused('isolationsApplied', { points: applied.join(', ') });
    }
    const moved = await tx.workPermit.update({
      where: { id: permit.id },
      data: signing === 'approve' ? { state: 'APPROVED', approvedById: user.id, approvedAt: now } : { state: 'CLOSED', closedById: user.id, closedAt: now },
    });
    // The hash covers the permit as it stands once signed (its approver or closer included).
    const sha256 = sha256Of({ purpose: signing, permit: await permitContent(tx, permit.id), state: moved.state });
    const signature = await tx.permitSignature.create({
      data: {
        permitId: permit.id, purpose: signing === 'approve' ? 'APPROVAL' : 'CLOSING', signerId: user.id, signedAt: now,
        ip: input.ip.slice(0, 64), userAgent: input.userAgent.slice(0, 500), sha256,
      },
    });
    return { permit: moved, signature };
  });
}
