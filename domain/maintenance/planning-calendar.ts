// The planning calendar of preventive and corrective work: the orders planned in a week or a month, in
// rows by technician (with his workload) or by location (the parts of a site), the overdue ones marked,
// and the backlog of open orders no technician has yet. Everything is read under the viewer's rules, so
// a technician sees his own orders and a user scoped to sites only his area.
import type { Prisma } from '@prisma/client';
import { accessibleWhere, type AppAbility } from '../access/abilities.js';
import type { Db } from '../../prisma/client.js';
import { Refusal } from '../refusal.js';
import { assignableTechnicians } from './assign-work-order.js';
import { workloadOf, type Workload } from './technician-workload.js';
import { OPEN_WORK_ORDER_STATES } from './work-order-lifecycle.js';

const DAY = 86_400_000;
/** At most this many orders in one answer (a month of a whole plant can hold thousands). */
export const CALENDAR_MOST_ORDERS = 1500;
const BACKLOG_MOST = 50;
const URGENCY = ['URGENT', 'HIGH', 'MEDIUM', 'LOW'];

export type CalendarView = 'week' | 'month';
export type CalendarGrouping = 'technician' | 'location';

export interface CalendarQuery {
  view: CalendarView;
  /** Any day of the week or month to show (a plant date, UTC midnight). */
  day: Date;
  groupBy: CalendarGrouping;
  locationId?: number;
  technicianId?: number;
}

export interface CalendarOrder {
  id: number; number: string; description: string; kind: string; state: string; priority: string;
  plannedOn: string; asset: string; location: string; technicianId: number | null; technician: string | null;
  /** The row it sits in: `t:<technician id>`, `t:none`, or `l:<location id>`. */
  row: string;
  overdue: boolean;
  /** Open, and the viewer may change its day or technician. */
  movable: boolean;
}

export interface CalendarRow {
  key: string;
  label: string;
  /** A technician's craft, a location's full name. */
  detail: string | null;
  technicianId: number | null;
  /** Technician rows: his open orders and planned hours, as beside "Asignar". */
  workload: Workload | null;
  /** The viewer may give orders to this technician (a place to drop an order). */
  assignable: boolean;
}

export interface PlanningCalendar {
  view: CalendarView;
  groupBy: CalendarGrouping;
  from: string;
  to: string;
  today: string;
  days: string[];
  rows: CalendarRow[];
  orders: CalendarOrder[];
  /** Orders per day, all of them even when `truncated`. */
  dayCounts: Record<string, number>;
  truncated: boolean;
  backlog: { total: number; orders: CalendarOrder[] };
  canReschedule: boolean;
  canReassign: boolean;
  location: { id: number; name: string } | null;
}

const iso = (day: Date) => day.toISOString().slice(0, 10);
const addDays = (day: Date, days: number) => new Date(day.getTime() + days * DAY);
const mondayOf = (day: Date) => addDays(day, -((day.getUTCDay() + 6) % 7));

/** The days shown: Monday to Sunday of the week, or the whole weeks that hold the month. */
export function calendarRange(view: CalendarView, day: Date): { from: Date; to: Date } {
  if (view === 'week') return { from: mondayOf(day), to: addDays(mondayOf(day), 6) };
  const first = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), 1));
  const last = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth() + 1, 0));
  return { from: mondayOf(first), to: addDays(mondayOf(last), 6) };
}

const SELECT = {
  id: true, number: true, description: true, kind: true, state: true, priority: true, plannedOn: true, technicianId: true,
  technician: { select: { name: true } },
  asset: { select: { code: true, description: true, location: { select: { id: true, name: true, path: true } } } },
} satisfies Prisma.WorkOrderSelect;
type Row = Prisma.WorkOrderGetPayload<{ select: typeof SELECT }>;

/** The calendar as `ability` may see it; null when he may read no work order. `today` is the plant's day. */
export async function planningCalendar(db: Db, ability: AppAbility, query: CalendarQuery, today: Date): Promise<PlanningCalendar | null> {
  const readable = accessibleWhere(ability, 'read', 'WorkOrder') as Prisma.WorkOrderWhereInput | null;
  if (!readable) return null;
  const { from, to } = calendarRange(query.view, query.day);
  const location = query.locationId ? await db.location.findFirst({ where: { AND: [{ id: query.locationId }, readableLocations(ability)] }, select: { id: true, fullName: true, path: true } }) : null;
  if (query.locationId && !location) throw new Refusal('calendarLocationUnknown', {}, { kind: 'notFound' });
  const inLocation: Prisma.WorkOrderWhereInput = location ? { asset: { is: { location: { is: { path: { startsWith: location.path } } } } } } : {};
  const ofTechnician: Prisma.WorkOrderWhereInput = query.technicianId ? { technicianId: query.technicianId } : {};
  // Cancelled orders are no work to plan; completed and closed ones stay, shown as done.
  const inRange: Prisma.WorkOrderWhereInput = { AND: [readable, inLocation, ofTechnician, { state: { not: 'CANCELLED' }, plannedOn: { gte: from, lte: to } }] };
  const backlogWhere: Prisma.WorkOrderWhereInput = { AND: [readable, inLocation, { technicianId: null, state: { in: [...OPEN_WORK_ORDER_STATES] } }] };

  const [rows, perDay, backlogRows, backlogTotal] = await Promise.all([
    db.workOrder.findMany({ where: inRange, select: SELECT, orderBy: [{ plannedOn: 'asc' }, { id: 'asc' }], take: CALENDAR_MOST_ORDERS + 1 }),
    db.workOrder.groupBy({ by: ['plannedOn'], where: inRange, _count: { _all: true } }),
    query.technicianId ? Promise.resolve([]) : db.workOrder.findMany({ where: backlogWhere, select: SELECT, orderBy: [{ plannedOn: 'asc' }, { id: 'asc' }], take: BACKLOG_MOST }),
    query.technicianId ? Promise.resolve(0) : db.workOrder.count({ where: backlogWhere }),
  ]);
  const truncated = rows.length > CALENDAR_MOST_ORDERS;
  const shown = rows.slice(0, CALENDAR_MOST_ORDERS);

  const canReschedule = ability.can('update', 'WorkOrder');
  const canReassign = ability.can('assign', 'WorkOrder');
  const rowKeyOf = query.groupBy === 'technician' ? (o: Row) => `t:${o.technicianId ?? 'none'}` : await locationRowKeys(db, ability, location?.path ?? null, shown);
  const todayIso = iso(today);
  const card = (o: Row, row: string): CalendarOrder => {
    const open = (OPEN_WORK_ORDER_STATES as readonly string[]).includes(o.state);
    return {
      id: o.id, number: o.number, description: o.description, kind: o.kind, state: o.state, priority: o.priority,
      plannedOn: iso(o.plannedOn), asset: `${o.asset.code} · ${o.asset.description}`, location: o.asset.location.name,
      technicianId: o.technicianId, technician: o.technician?.name ?? null, row,
      overdue: open && iso(o.plannedOn) < todayIso,
      movable: open && (canReschedule || canReassign),
    };
  };
  const orders = shown.map((o) => card(o, rowKeyOf(o))).sort((a, b) => a.plannedOn.localeCompare(b.plannedOn) || URGENCY.indexOf(a.priority) - URGENCY.indexOf(b.priority) || a.number.localeCompare(b.number));

  const calendarRows =
    query.groupBy === 'technician'
      ? await technicianRows(db, ability, orders, query.technicianId)
      : await locationRows(db, ability, orders);
  const days: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(iso(day));
  return {
    view: query.view,
    groupBy: query.groupBy,
    from: iso(from),
    to: iso(to),
    today: todayIso,
    days,
    rows: calendarRows,
    orders,
    dayCounts: Object.fromEntries(perDay.map((d) => [iso(d.plannedOn), d._count._all])),
    truncated,
    backlog: { total: backlogTotal, orders: backlogRows.map((o) => card(o, 't:none')) },
    canReschedule,
    canReassign,
    location: location && { id: location.id, name: location.fullName },
  };
}

function readableLocations(ability: AppAbility): Prisma.LocationWhereInput {
  return (accessibleWhere(ability, 'read', 'Location') as Prisma.LocationWhereInput | null) ?? { id: -1 };
}

/** Technician rows: those holding orders shown, and (unless one technician was asked for) every active
 * technician the viewer may give orders to, so an order can be dropped on an idle one; then the orders
 * without a technician. Each with his workload, the figure "Asignar" shows. */
async function technicianRows(db: Db, ability: AppAbility, orders: CalendarOrder[], only: number | undefined): Promise<CalendarRow[]> {
  const assignable = assignableTechnicians(ability);
  const readable = (accessibleWhere(ability, 'read', 'Technician') as Prisma.TechnicianWhereInput | null) ?? { id: -1 };
  // People are named for anyone signed in: the technician of an order shown has his row.
  const holding = [...new Set(orders.map((o) => o.technicianId).filter((id): id is number => id !== null))];
  const wanted: Prisma.TechnicianWhereInput[] = [{ id: { in: holding } }];
  if (only) wanted.push({ AND: [readable, { id: only }] });
  else if (assignable) wanted.push(assignable);
  const technicians = await db.technician.findMany({ where: { OR: wanted }, orderBy: { name: 'asc' }, select: { id: true, name: true, craft: true } });
  const ids = technicians.map((t) => t.id);
  const [workload, mayTake] = await Promise.all([
    workloadOf(db, ids),
    assignable ? db.technician.findMany({ where: { AND: [assignable, { id: { in: ids } }] }, select: { id: true } }) : Promise.resolve([]),
  ]);
  const takes = new Set(mayTake.map((t) => t.id));
  const rows: CalendarRow[] = technicians.map((t) => ({
    key: `t:${t.id}`, label: t.name, detail: t.craft, technicianId: t.id,
    workload: workload.get(t.id) ?? { openOrders: 0, openHours: 0 }, assignable: takes.has(t.id),
  }));
  // Orders without a technician: a row of their own, first (the page names it).
  if (orders.some((o) => o.row === 't:none') || (!only && ability.can('assign', 'WorkOrder')))
    rows.unshift({ key: 't:none', label: '', detail: null, technicianId: null, workload: null, assignable: false });
  return rows;
}

/** Location rows: the parts of the chosen location (its children, and itself for what sits on it), or,
 * with none chosen, the viewer's sites (the plant's top-level locations when he sees the whole plant). */
async function locationRowKeys(db: Db, ability: AppAbility, chosen: string | null, orders: Row[]): Promise<(o: Row) => string> {
  let roots: string[];
  if (chosen) roots = [chosen];
  else {
    // The shallowest locations he reads: the plant's top level, or the sites a scoped user is given.
    const readable = readableLocations(ability);
    const top = await db.location.findFirst({ where: readable, orderBy: { depth: 'asc' }, select: { depth: true } });
    const sites = top ? await db.location.findMany({ where: { AND: [readable, { depth: top.depth }] }, select: { path: true } }) : [];
    roots = sites.map((site) => site.path);
  }
  return (o) => {
    const path = o.asset.location.path;
    const root = roots.filter((r) => path.startsWith(r)).sort((a, b) => b.length - a.length)[0];
    if (!root) return `l:${o.asset.location.id}`;
    if (!chosen) return `l:${root.split('/').filter(Boolean).pop()}`;
    // Under the chosen location: the child it lies below, or the chosen one itself.
    const next = path.slice(root.length).split('/').filter(Boolean)[0];
    return `l:${next ?? root.split('/').filter(Boolean).pop()}`;
  };
}

async function locationRows(db: Db, ability: AppAbility, orders: CalendarOrder[]): Promise<CalendarRow[]> {
  const ids = [...new Set(orders.map((o) => Number(o.row.slice(2))))];
  const locations = await db.location.findMany({ where: { AND: [readableLocations(ability), { id: { in: ids } }] }, select: { id: true, name: true, fullName: true }, orderBy: { fullName: 'asc' } });
  return locations.map((l) => ({ key: `l:${l.id}`, label: l.name, detail: l.fullName, technicianId: null, workload: null, assignable: false }));
}

/** What the calendar's filters offer: the technicians the viewer may read (those he may give orders to
 * marked), and the upper levels of the location tree he may read (sites, areas, systems). */
export async function calendarChoices(db: Db, ability: AppAbility) {
  const readable = (accessibleWhere(ability, 'read', 'Technician') as Prisma.TechnicianWhereInput | null) ?? { id: -1 };
  const assignable = assignableTechnicians(ability);
  const [technicians, takes, locations] = await Promise.all([
    db.technician.findMany({ where: { AND: [readable, { isActive: true }] }, orderBy: { name: 'asc' }, select: { id: true, name: true }, take: 500 }),
    assignable ? db.technician.findMany({ where: assignable, select: { id: true } }) : Promise.resolve([]),
    db.location.findMany({ where: { AND: [readableLocations(ability), { depth: { lte: 2 }, isActive: true }] }, orderBy: { fullName: 'asc' }, select: { id: true, fullName: true }, take: 500 }),
  ]);
  const mayTake = new Set(takes.map((t) => t.id));
  return {
    technicians: technicians.map((t) => ({ id: t.id, name: t.name, assignable: mayTake.has(t.id) })),
    locations: locations.map((l) => ({ id: l.id, name: l.fullName })),
  };
}
