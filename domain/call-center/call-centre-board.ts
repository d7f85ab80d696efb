// The call centre at a glance ("Tablero del centro de llamadas"): tickets by state and type, open ones by age,
// those past their SLA, the caller waiting longest for an answer, what was answered and resolved today
// (the plant's day), SLA compliance per plant week and the SIG's last run. Everything is counted under the viewer's row rules, so his
// sites narrow it as they narrow his lists; the SIG's run is shown to those who may read the runs.
import type { Prisma } from '@prisma/client';
import { accessibleWhere, type AppAbility } from '../access/abilities.js';
import { todayIn } from '../dates.js';
import type { Db } from '../../prisma/client.js';
import { plantTimeToInstant } from './plant-time.js';
import { slaByType, slaComplianceByWeek, slaTimers, type WeeklyCompliance } from './ticket-sla.js';
import { OPEN_TICKET_STATES } from './ticket-states.js';

const HOUR = 3_600_000;
/** Ages of open tickets, in hours from the report: under 4, 4 to 24, 1 to 3 days, older. */
export const AGE_BOUNDS_HOURS = [4, 24, 72] as const;
/** The overdue tickets the board names (the worst first); the count covers them all. */
const OVERDUE_SHOWN = 10;
/** Plant weeks of SLA compliance: this one and the seven before. */
const COMPLIANCE_WEEKS = 8;

export interface BoardTicket {
  id: number;
  number: string;
  type: string;
  priority: string;
  requester: string;
  description: string;
  reportedAt: Date;
}

export interface CallCentreBoard {
  byStateAndType: { state: string; type: string; tickets: number }[];
  /** Per ticket type, open tickets in each age band of AGE_BOUNDS_HOURS (one more band than bounds). */
  openByAge: { type: string; tickets: number[] }[];
  overdue: {
    /** Open tickets with at least one clock past due; response and resolution count each clock. */
    tickets: number;
    response: number;
    resolution: number;
    worst: (BoardTicket & { clock: 'response' | 'resolution'; due: Date })[];
  };
  /** The open ticket reported longest ago that nobody has answered yet. */
  oldestWaiting: BoardTicket | null;
  today: { from: Date; answered: number; resolved: number };
  /** SLA compliance of the tickets reported in each plant week (Monday to Sunday), oldest first. */
  compliance: WeeklyCompliance[];
  /** Undefined: the viewer may not read the runs; null: the SIG was never read. */
  lastRun?: { id: number; startedAt: Date; finishedAt: Date | null; state: string; pagesRead: number; found: number; created: number; skipped: number; errorCode: string | null; errorValues: unknown } | null;
}

const ticketFields = { id: true, number: true, type: true, priority: true, requester: true, description: true, reportedAt: true } as const;

export async function callCentreBoard(db: Db, ability: AppAbility, options: { timeZone: string; now?: Date }): Promise<CallCentreBoard | null> {
  const readable = accessibleWhere(ability, 'read', 'Ticket') as Prisma.TicketWhereInput | null;
  if (!readable) return null;
  const now = options.now ?? new Date();
  const open: Prisma.TicketWhereInput = { AND: [readable, { state: { in: [...OPEN_TICKET_STATES] } }] };
  const slas = await slaByType(db);
  // Past due, per type: reported more than its SLA's hours ago and the clock not stopped.
  const pastDue = (clock: 'response' | 'resolution'): Prisma.TicketWhereInput[] =>
    [...slas].map(([type, sla]) => ({
      type,
      [clock === 'response' ? 'answeredAt' : 'resolvedAt']: null,
      reportedAt: { lt: new Date(now.getTime() - (clock === 'response' ? sla.responseHours : sla.resolutionHours) * HOUR) },
    }));
  const overdueWhere = (clocks: Prisma.TicketWhereInput[]): Prisma.TicketWhereInput => ({ AND: [open, { OR: clocks }] });
  const anyOverdue = overdueWhere([...pastDue('response'), ...pastDue('resolution')]);
  const today = todayIn(options.timeZone, now);
  const from = plantTimeToInstant({ year: today.getUTCFullYear(), month: today.getUTCMonth() + 1, day: today.getUTCDate(), hour: 0, minute: 0 }, options.timeZone);
  const bands = [0, ...AGE_BOUNDS_HOURS, Infinity];

  const [byStateAndType, ages, overdueCount, responseCount, resolutionCount, worst, oldestWaiting, answered, resolved, compliance] = await Promise.all([
    db.ticket.groupBy({ by: ['state', 'type'], where: readable, _count: { _all: true }, orderBy: [{ state: 'asc' }, { type: 'asc' }] }),
    Promise.all(
      bands.slice(1).map((older, band) =>
        db.ticket.groupBy({
          by: ['type'],
          where: {
            AND: [open, { reportedAt: { ...(band > 0 && { lte: new Date(now.getTime() - bands[band]! * HOUR) }), ...(older !== Infinity && { gt: new Date(now.getTime() - older * HOUR) }) } }],
          },
          _count: { _all: true },
        }),
      ),
    ),
    slas.size ? db.ticket.count({ where: anyOverdue }) : 0,
    slas.size ? db.ticket.count({ where: overdueWhere(pastDue('response')) }) : 0,
    slas.size ? db.ticket.count({ where: overdueWhere(pastDue('resolution')) }) : 0,
    slas.size ? db.ticket.findMany({ where: anyOverdue, orderBy: [{ reportedAt: 'asc' }, { id: 'asc' }], take: OVERDUE_SHOWN, select: { ...ticketFields, answeredAt: true, resolvedAt: true } }) : [],
    db.ticket.findFirst({ where: { AND: [open, { answeredAt: null }] }, orderBy: [{ reportedAt: 'asc' }, { id: 'asc' }], select: ticketFields }),
    db.ticket.count({ where: { AND: [readable, { answeredAt: { gte: from, lte: now } }] } }),
    db.ticket.count({ where: { AND: [readable, { resolvedAt: { gte: from, lte: now } }] } }),
    slaComplianceByWeek(db, options.timeZone, now, COMPLIANCE_WEEKS, readable),
  ]);

  const types = [...new Set(ages.flatMap((rows) => rows.map((row) => row.type)))].sort();
  const openByAge = types.map((type) => ({ type, tickets: ages.map((rows) => rows.find((row) => row.type === type)?._count._all ?? 0) }));

  return {
    byStateAndType: byStateAndType.map((row) => ({ state: row.state, type: row.type, tickets: (row._count as { _all: number })._all })),
    openByAge,
    overdue: {
      tickets: overdueCount,
      response: responseCount,
      resolution: resolutionCount,
      worst: worst.map(({ answeredAt, resolvedAt, ...ticket }) => {
        // The clock that ran out first (the response one when both have).
        const timers = slaTimers({ reportedAt: ticket.reportedAt, answeredAt, resolvedAt }, slas.get(ticket.type)!, now);
        const clock = timers.response === 'OVERDUE' ? 'response' : 'resolution';
        return { ...ticket, clock, due: clock === 'response' ? timers.responseDue : timers.resolutionDue };
      }),
    },
    oldestWaiting,
    today: { from, answered, resolved },
    compliance,
    ...(ability.can('read', 'SigSyncRun') && {
      lastRun: await db.sigSyncRun.findFirst({
        orderBy: [{ startedAt: 'desc' }, { id: 'desc' }],
        select: { id: true, startedAt: true, finishedAt: true, state: true, pagesRead: true, found: true, created: true, skipped: true, errorCode: true, errorValues: true },
      }),
    }),
  };
}
