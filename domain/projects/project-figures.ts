// A project's page figures: its tasks for the Gantt (dates, progress, what each waits for), the progress
// weighted by each task's duration, its work orders open, done and cancelled, and its cost so far. Read
// under the viewer's rules: a project he may not read is answered as one that does not exist, orders are
// counted among those he may read, and the cost is shown only to those who may read costs (the stock
// ledger's readers, as on the order's page).
//
// Cost so far = the orders' labour and materials (workOrderCosts: hours × the technician's hourly cost,
// materials issued − returned at their cost) + the actuals posted against the project's requisitions
// (budget_actuals: goods received), leaving out requisitions for an order of the project, whose materials
// reach its cost when they are issued to the order (counting both would count the same goods twice).
import { Prisma } from '@prisma/client';
import type { Db } from '../../prisma/client.js';
import { accessibleWhere, type AppAbility } from '../access/abilities.js';
import { todayIn } from '../dates.js';
import { workOrderCosts } from '../inventory/work-order-cost.js';
import { OPEN_WORK_ORDER_STATES } from '../maintenance/work-order-lifecycle.js';
import { Refusal } from '../refusal.js';

export interface GanttTask {
  id: number;
  name: string;
  /** Calendar days, YYYY-MM-DD (plant days). */
  startsOn: string;
  endsOn: string;
  progress: number;
  assignee: string | null;
  /** Ids of the tasks it waits for (finish to start). */
  waitsFor: number[];
}

export interface ProjectFigures {
  projectId: number;
  code: string;
  name: string;
  state: string;
  startsOn: string;
  endsOn: string;
  /** The plant's today, for the Gantt's today line. */
  today: string;
  tasks: GanttTask[];
  /** Σ(progress × days) / Σ days over the tasks, one decimal; null without tasks. */
  progressPercent: number | null;
  orders: { open: number; done: number; cancelled: number };
  /** Null when the viewer may not read costs. Amounts rounded to cents. */
  cost: { labour: number; materials: number; requisitions: number; total: number } | null;
}

const DONE_STATES = ['COMPLETED', 'CLOSED'];
const DAY_MS = 86_400_000;
const day = (date: Date) => date.toISOString().slice(0, 10);
const cents = (value: number) => Math.round(value * 100) / 100;

/** Days a task lasts, both ends included (a task from Monday to Monday is one day). */
export const taskDays = (task: { startsOn: Date; endsOn: Date }) => Math.round((task.endsOn.getTime() - task.startsOn.getTime()) / DAY_MS) + 1;

/** The project's progress: each task's progress weighted by its duration in days; null without tasks. */
export function weightedProgress(tasks: { startsOn: Date; endsOn: Date; progress: number }[]): number | null {
  const days = tasks.reduce((sum, task) => sum + taskDays(task), 0);
  if (!days) return null;
  const done = tasks.reduce((sum, task) => sum + task.progress * taskDays(task), 0);
  return Math.round((done / days) * 10) / 10;
}

export async function projectFigures(db: Db, ability: AppAbility, projectId: number, timeZone: string, now = new Date()): Promise<ProjectFigures> {
  const readable = accessibleWhere(ability, 'read', 'Project');
  const project = readable && (await db.project.findFirst({ where: { AND: [{ id: projectId }, readable as Prisma.ProjectWhereInput] } }));
  if (!project) throw new Refusal('notFound', {}, { kind: 'notFound' });

  const taskRule = accessibleWhere(ability, 'read', 'ProjectTask');
  const tasks = taskRule
    ? await db.projectTask.findMany({
        where: { AND: [{ projectId }, taskRule as Prisma.ProjectTaskWhereInput] },
        orderBy: [{ startsOn: 'asc' }, { id: 'asc' }],
        include: { assignee: { select: { name: true } }, dependencies: { select: { dependsOnId: true } } },
      })
    : [];

  const orderRule = accessibleWhere(ability, 'read', 'WorkOrder');
  const orders = orderRule
    ? await db.workOrder.findMany({ where: { AND: [{ projectId }, orderRule as Prisma.WorkOrderWhereInput] }, select: { id: true, state: true } })
    : [];
  const count = (states: readonly string[]) => orders.filter((order) => states.includes(order.state)).length;

  return {
    projectId: project.id,
    code: project.code,
    name: project.name,
    state: project.state,
    startsOn: day(project.startsOn),
    endsOn: day(project.endsOn),
    today: day(todayIn(timeZone, now)),
    tasks: tasks.map((task) => ({
      id: task.id, name: task.name, startsOn: day(task.startsOn), endsOn: day(task.endsOn), progress: task.progress,
      assignee: task.assignee?.name ?? null, waitsFor: task.dependencies.map((d) => d.dependsOnId),
    })),
    progressPercent: weightedProgress(tasks),
    orders: { open: count(OPEN_WORK_ORDER_STATES), done: count(DONE_STATES), cancelled: count(['CANCELLED']) },
    cost: ability.can('read', 'StockMovement') ? await projectCost(db, projectId, orders.map((order) => order.id)) : null,
  };
}

async function projectCost(db: Db, projectId: number, orderIds: number[]) {
  const costs = [...(await workOrderCosts(db, orderIds)).values()];
  const labour = costs.reduce((sum, cost) => sum + cost.labor.toNumber(), 0);
  const materials = costs.reduce((sum, cost) => sum + cost.materials.toNumber(), 0);
  const [row] = await db.$queryRaw<{ amount: Prisma.Decimal | null }[]>`
    SELECT sum(a.amount) AS amount
      FROM budget_actuals a
      JOIN requisitions r ON r.id = a.requisition_id
      LEFT JOIN work_orders w ON w.id = r.work_order_id
     WHERE r.project_id = ${projectId} AND w.project_id IS DISTINCT FROM ${projectId}`;
  const requisitions = row?.amount ? Number(row.amount) : 0;
  return { labour: cents(labour), materials: cents(materials), requisitions: cents(requisitions), total: cents(labour + materials + requisitions) };
}
