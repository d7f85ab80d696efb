// "Mis órdenes de hoy": a technician's open orders planned for today or earlier (overdue ones stay on his
// list), his own and those shared with him, read under his rules; by planned date, then the most urgent.
import type { Prisma } from '@prisma/client';
import { accessibleWhere, type AppAbility } from '../access/abilities.js';
import type { Db } from '../../prisma/client.js';

/** The states a technician still works in (a pending order has no technician yet). */
export const WORKABLE_STATES = ['ASSIGNED', 'IN_PROGRESS', 'ON_HOLD'] as const;
const URGENCY = ['URGENT', 'HIGH', 'MEDIUM', 'LOW'];
const MOST = 100;

/** A recorded step value that failed its step (a number outside its limits, a "no"): the card shows it. */
export interface FailedStep {
  position: number; instruction: string; value: string; unit: string | null; minValue: string | null; maxValue: string | null; valueType: string;
}

export interface DayOrder {
  id: number; number: string; description: string; kind: string; state: string; priority: string;
  plannedOn: string; asset: string; location: string;
  failedSteps: FailedStep[];
}

export async function technicianDay(db: Db, ability: AppAbility, technicianId: number, today: Date): Promise<DayOrder[]> {
  const readable = accessibleWhere(ability, 'read', 'WorkOrder') as Prisma.WorkOrderWhereInput | null;
  if (!readable) return [];
  const orders = await db.workOrder.findMany({
    where: {
      AND: [
        readable,
        { OR: [{ technicianId }, { shares: { some: { technicianId } } }] },
        { state: { in: [...WORKABLE_STATES] }, plannedOn: { lte: today } },
      ],
    },
    orderBy: [{ plannedOn: 'asc' }, { id: 'asc' }],
    take: MOST,
    select: {
      id: true, number: true, description: true, kind: true, state: true, priority: true, plannedOn: true,
      asset: { select: { code: true, description: true, location: { select: { name: true } } } },
      stepValues: {
        where: { passed: false },
        select: { value: true, procedureStep: { select: { position: true, instruction: true, unit: true, minValue: true, maxValue: true, valueType: true } } },
      },
    },
  });
  return orders
    .map((o) => ({
      id: o.id, number: o.number, description: o.description, kind: o.kind, state: o.state, priority: o.priority,
      plannedOn: o.plannedOn.toISOString().slice(0, 10),
      asset: `${o.asset.code} · ${o.asset.description}`, location: o.asset.location.name,
      failedSteps: o.stepValues
        .map(({ value, procedureStep: step }) => ({
          position: step.position, instruction: step.instruction, value, unit: step.unit, valueType: step.valueType,
          minValue: step.minValue?.toString() ?? null, maxValue: step.maxValue?.toString() ?? null,
        }))
        .sort((a, b) => a.position - b.position),
    }))
    .sort((a, b) => a.plannedOn.localeCompare(b.plannedOn) || URGENCY.indexOf(a.priority) - URGENCY.indexOf(b.priority));
}
