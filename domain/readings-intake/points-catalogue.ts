// The measurement points an outside system may send readings for (issue 25): codes, what they measure and
// their limits, in pages by code (keyset: `after` the last code of the page before), so an integrator can
// map the historian's tags to our codes. Plant-wide, like the intake itself: a system is not scoped to sites.
import type { Db } from '../../prisma/client.js';

export async function measurementPointsPage(db: Db, page: { after: string; limit: number }) {
  const points = await db.measurementPoint.findMany({
    where: page.after ? { code: { gt: page.after } } : {},
    orderBy: { code: 'asc' },
    take: page.limit,
    select: { code: true, variable: true, unit: true, minValue: true, maxValue: true, isMeter: true, energyCarrier: true, rolloverValue: true, asset: { select: { code: true } } },
  });
  return {
    points: points.map((p) => ({
      code: p.code, asset: p.asset.code, variable: p.variable, unit: p.unit,
      min: p.minValue === null ? null : Number(p.minValue), max: p.maxValue === null ? null : Number(p.maxValue),
      isMeter: p.isMeter, energyCarrier: p.energyCarrier, rolloverValue: p.rolloverValue === null ? null : Number(p.rolloverValue),
    })),
    next: points.length === page.limit ? points[points.length - 1]!.code : null,
  };
}
