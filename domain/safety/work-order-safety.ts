// What safety asks of a work order, called by the order's own moves (domain/maintenance: start, resume,
// complete), inside their transaction, with the order row already locked:
//  - an order on an asset that requires a kind of permit (the asset itself, or its criticality) does not
//    go to "En ejecución" without an ACTIVE permit of each such kind for that order, inside its window;
//  - an order is not completed while any lock of its permits is still on.
import type { Tx } from '../access/allowed-row.js';
import { safetyRefused } from './safety-refusal.js';
import { appliedIsolations } from './permit-readiness.js';

type Order = { id: number; assetId: number };

/** The kinds of permit the asset requires, by itself or by its criticality. */
export async function requiredPermitKinds(tx: Tx, assetId: number) {
  const asset = await tx.asset.findUniqueOrThrow({ where: { id: assetId }, select: { criticality: true } });
  const requirements = await tx.permitRequirement.findMany({
    where: { OR: [{ assetId }, { criticality: asset.criticality }], permitKind: { is: { isActive: true } } },
    include: { permitKind: { select: { id: true, name: true } } },
  });
  return [...new Map(requirements.map((r) => [r.permitKind.id, r.permitKind])).values()];
}

export async function assertSafetyAllowsStart(tx: Tx, order: Order, now = new Date()) {
  const required = await requiredPermitKinds(tx, order.assetId);
  if (!required.length) return;
  const covered = await tx.workPermit.findMany({
    where: { workOrderId: order.id, state: 'ACTIVE', validFrom: { lte: now }, validUntil: { gt: now }, permitKindId: { in: required.map((k) => k.id) } },
    select: { permitKindId: true },
  });
  const coveredKinds = new Set(covered.map((p) => p.permitKindId));
  const missing = required.filter((kind) => !coveredKinds.has(kind.id));
  if (missing.length) throw safetyRefused('permitRequired', { kinds: missing.map((k) => k.name).join(', ') });
}

export async function assertSafetyAllowsCompletion(tx: Tx, order: Order) {
  const applied = await appliedIsolations(tx, { workOrderId: order.id });
  if (applied.length) throw safetyRefused('isolationsApplied', { points: applied.join(', ') });
}
