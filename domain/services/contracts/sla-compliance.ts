// The KPI of SLA compliance per vendor: over the contractors' orders handed over in the last `days` (plant
// calendar days back from today) that the viewer may read, how many clocks were met among those decided
// (stopped, or run out while still running). A clock still running within its hours is not judged yet.
import type { Prisma } from '@prisma/client';
import type { Db } from '../../../prisma/client.js';
import { accessibleWhere, type AppAbility } from '../../access/abilities.js';
import { todayIn } from '../../dates.js';
import { serviceLevelOf, type Clock } from './service-level.js';

export interface VendorCompliance {
  vendorId: number;
  vendor: string;
  orders: number;
  response: { met: number; judged: number; percent: number | null };
  resolution: { met: number; judged: number; percent: number | null };
}

export async function slaComplianceByVendor(db: Db, ability: AppAbility, options: { timeZone: string; days?: number; now?: Date }): Promise<VendorCompliance[]> {
  const now = options.now ?? new Date();
  const readable = accessibleWhere(ability, 'read', 'WorkOrder');
  if (!readable || !ability.can('read', 'ServiceContract')) return [];
  // From the plant's midnight `days` days ago (its offset taken from the plant's clock now).
  const today = todayIn(options.timeZone, now);
  const since = new Date(today.getTime() - (options.days ?? 90) * 86_400_000);
  const orders = await db.workOrder.findMany({
    where: { AND: [readable as Prisma.WorkOrderWhereInput, { serviceContractId: { not: null }, contractAssignedAt: { gte: since } }] },
    select: {
      contractAssignedAt: true, startedAt: true, completedAt: true,
      serviceContract: { select: { responseHours: true, resolutionHours: true, vendor: { select: { id: true, name: true } } } },
    },
  });
  const byVendor = new Map<number, VendorCompliance>();
  const judge = (tally: VendorCompliance['response'], clock: Clock) => {
    if (clock.state === 'RUNNING') return;
    tally.judged += 1;
    if (clock.state === 'MET') tally.met += 1;
  };
  for (const order of orders) {
    const contract = order.serviceContract!;
    const level = serviceLevelOf(order, contract, now);
    if (!level) continue;
    const row = byVendor.get(contract.vendor.id) ?? {
      vendorId: contract.vendor.id, vendor: contract.vendor.name, orders: 0,
      response: { met: 0, judged: 0, percent: null }, resolution: { met: 0, judged: 0, percent: null },
    };
    row.orders += 1;
    judge(row.response, level.response);
    judge(row.resolution, level.resolution);
    byVendor.set(contract.vendor.id, row);
  }
  const percent = (tally: VendorCompliance['response']) => (tally.judged ? Math.round((tally.met / tally.judged) * 1000) / 10 : null);
  return [...byVendor.values()]
    .map((row) => ({ ...row, response: { ...row.response, percent: percent(row.response) }, resolution: { ...row.resolution, percent: percent(row.resolution) } }))
    .sort((a, b) => a.vendor.localeCompare(b.vendor, 'es'));
}
