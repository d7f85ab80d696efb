// What a permit must have before it moves on: its precautions and crew before it is requested; its
// isolations locked, tagged and verified at zero energy, and a gas test within limits, before it is
// active. Read in the moving transaction, so the answer holds for the move.
import type { Tx } from '../access/allowed-row.js';
import { linesOf } from './permit-states.js';
import { safetyRefused } from './safety-refusal.js';

type Permit = { id: number; permitKindId: number; crew: string; precautions: string; validFrom: Date; validUntil: Date };

/** Requesting: every check of the kind confirmed, someone on the job, a window not over, points listed if LOTO. */
export async function assertReadyToRequest(tx: Tx, permit: Permit, now: Date) {
  const kind = await tx.permitKind.findUniqueOrThrow({ where: { id: permit.permitKindId } });
  const confirmed = new Set(linesOf(permit.precautions).map((line) => line.toLowerCase()));
  const missing = linesOf(kind.requiredChecks).filter((check) => !confirmed.has(check.toLowerCase()));
  if (missing.length) throw safetyRefused('checksMissing', { checks: missing.join('; ') }, 'precautions');
  if (!linesOf(permit.crew).length) throw safetyRefused('crewMissing', {}, 'crew');
  if (permit.validUntil <= now) throw safetyRefused('validityOver', {}, 'validUntil');
  if (kind.needsIsolation && !(await tx.permitIsolation.count({ where: { permitId: permit.id } }))) throw safetyRefused('noIsolations');
}

/** Activating: inside its window, every listed point locked and verified, the last gas test within limits. */
export async function assertReadyToActivate(tx: Tx, permit: Permit, now: Date) {
  if (permit.validFrom > now) throw safetyRefused('notYetValid');
  if (permit.validUntil <= now) throw safetyRefused('validityOver');
  const kind = await tx.permitKind.findUniqueOrThrow({ where: { id: permit.permitKindId } });
  const isolations = await tx.permitIsolation.findMany({ where: { permitId: permit.id }, include: { isolationPoint: { select: { code: true } } } });
  if (kind.needsIsolation && !isolations.length) throw safetyRefused('noIsolations');
  const unsafe = isolations.filter((i) => !i.lockedAt || !i.verifiedAt || i.removedAt);
  if (unsafe.length) throw safetyRefused('isolationsNotVerified', { points: unsafe.map((i) => i.isolationPoint.code).join(', ') });
  if (kind.needsGasTest) {
    const last = await tx.permitGasTest.findFirst({ where: { permitId: permit.id }, orderBy: [{ takenAt: 'desc' }, { id: 'desc' }] });
    if (!last) throw safetyRefused('gasTestMissing');
    if (!last.withinLimits) throw safetyRefused('gasTestOutOfLimits');
  }
}

/** Points of a permit still locked (on, not removed), by code: nothing ends while they are. */
export async function appliedIsolations(tx: Tx, where: { permitId?: number; workOrderId?: number }) {
  const applied = await tx.permitIsolation.findMany({
    where: {
      lockedAt: { not: null },
      removedAt: null,
      ...(where.permitId !== undefined && { permitId: where.permitId }),
      ...(where.workOrderId !== undefined && { permit: { is: { workOrderId: where.workOrderId } } }),
    },
    include: { isolationPoint: { select: { code: true } } },
    orderBy: { id: 'asc' },
  });
  return applied.map((i) => i.isolationPoint.code);
}
