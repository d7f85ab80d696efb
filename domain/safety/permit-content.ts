// What a signature on a permit vouches for: the permit's content at that moment, as canonical JSON
// (fixed key order, ISO instants), hashed with SHA-256. Anyone can recompute it from the stored rows
// and compare it with the signature's hash.
import { createHash } from 'node:crypto';
import type { Tx } from '../access/allowed-row.js';

export async function permitContent(tx: Tx, permitId: number) {
  const permit = await tx.workPermit.findUniqueOrThrow({
    where: { id: permitId },
    include: {
      permitKind: { select: { code: true } },
      workOrder: { select: { number: true } },
      asset: { select: { code: true } },
      isolations: { orderBy: { id: 'asc' }, include: { isolationPoint: { select: { code: true } } } },
      gasTests: { orderBy: { id: 'asc' } },
    },
  });
  const instant = (date: Date | null) => date?.toISOString() ?? null;
  return {
    number: permit.number,
    kind: permit.permitKind.code,
    workOrder: permit.workOrder.number,
    asset: permit.asset.code,
    description: permit.description,
    validFrom: instant(permit.validFrom),
    validUntil: instant(permit.validUntil),
    crew: permit.crew,
    precautions: permit.precautions,
    isolations: permit.isolations.map((i) => ({
      point: i.isolationPoint.code, lockNumber: i.lockNumber, lockedById: i.lockedById, lockedAt: instant(i.lockedAt),
      verifiedById: i.verifiedById, verifiedAt: instant(i.verifiedAt), removedById: i.removedById, removedAt: instant(i.removedAt),
    })),
    gasTests: permit.gasTests.map((g) => ({
      takenAt: instant(g.takenAt), oxygenPct: g.oxygenPct.toString(), lelPct: g.lelPct.toString(), h2sPpm: g.h2sPpm.toString(), coPpm: g.coPpm.toString(), withinLimits: g.withinLimits,
    })),
  };
}

export function sha256Of(content: unknown): string {
  return createHash('sha256').update(JSON.stringify(content)).digest('hex');
}
