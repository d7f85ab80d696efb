// Service levels of the call centre: each ticket type has hours to the first answer and to resolution,
// counted from when the caller reported it. Overdue open tickets are told to the supervisors; compliance
// is counted per week of the plant's calendar (Monday to Sunday in its time zone).

import type { Prisma } from '@prisma/client';
import type { Db } from '../../prisma/client.js';
import { plantTimeToInstant, plantWeekOf } from './plant-time.js';

export type SlaClock = 'MET' | 'MISSED' | 'RUNNING' | 'OVERDUE';

export interface SlaTimers {
  responseDue: Date;
  resolutionDue: Date;
  response: SlaClock;
  resolution: SlaClock;
}

const HOUR = 3_600_000;

/** Where a ticket stands against its SLA at `now`: met or missed once stopped, running or overdue while not. */
export function slaTimers(
  ticket: { reportedAt: Date; answeredAt: Date | null; resolvedAt: Date | null },
  sla: { responseHours: number; resolutionHours: number },
  now: Date,
): SlaTimers {
  const responseDue = new Date(ticket.reportedAt.getTime() + sla.responseHours * HOUR);
  const resolutionDue = new Date(ticket.reportedAt.getTime() + sla.resolutionHours * HOUR);
  const clock = (stoppedAt: Date | null, due: Date): SlaClock =>
    stoppedAt ? (stoppedAt <= due ? 'MET' : 'MISSED') : now <= due ? 'RUNNING' : 'OVERDUE';
  return { responseDue, resolutionDue, response: clock(ticket.answeredAt, responseDue), resolution: clock(ticket.resolvedAt, resolutionDue) };
}

/** A ticket past its SLA, for the supervisors (the notifications contract of HELPERS.md). */
export interface TicketOverdueAlert {
  kind: 'ticket-overdue';
  record: { model: 'Ticket'; id: number };
  recipients: { groups: ['SUPERVISORS'] };
  messageKey: 'ticketOverdueAlert_response' | 'ticketOverdueAlert_resolution';
  values: { number: string; due: string };
}

/** Open tickets whose answer or resolution is overdue at `now`: one alert per ticket and clock. */
export async function overdueTickets(db: Db, now: Date): Promise<TicketOverdueAlert[]> {
  const rows = await db.$queryRaw<{ id: number; number: string; clock: 'response' | 'resolution'; due: Date }[]>`
    SELECT t.id, t.number, c.clock, c.due
      FROM tickets t
      JOIN ticket_slas s ON s.type = t.type
     CROSS JOIN LATERAL (VALUES
       ('response', t.reported_at + s.response_hours * interval '1 hour', t.answered_at),
       ('resolution', t.reported_at + s.resolution_hours * interval '1 hour', t.resolved_at)) AS c(clock, due, stopped)
     WHERE t.state IN ('OPEN', 'IN_PROGRESS') AND c.stopped IS NULL AND c.due < ${now}
     ORDER BY c.due, t.id`;
  return rows.map((row) => ({
    kind: 'ticket-overdue',
    record: { model: 'Ticket', id: row.id },
    recipients: { groups: ['SUPERVISORS'] },
    messageKey: `ticketOverdueAlert_${row.clock}`,
    values: { number: row.number, due: row.due.toISOString() },
  }));
}

export interface WeeklyCompliance {
  /** Monday of the plant's week, YYYY-MM-DD. */
  week: string;
  tickets: number;
  /** Answered in time, and resolved in time, among the week's tickets whose clock has stopped or run out. */
  responseMet: number;
  responseDue: number;
  resolutionMet: number;
  resolutionDue: number;
}

/** SLA compliance of the tickets reported in each of the last `weeks` plant weeks (oldest first; weeks
 * without tickets left out), among the tickets `readable` (the viewer's rules: his sites narrow it). A clock
 * counts once it has stopped or run out; one still running is not yet due. */
export async function slaComplianceByWeek(db: Db, timeZone: string, now: Date, weeks = 8, readable: Prisma.TicketWhereInput = {}): Promise<WeeklyCompliance[]> {
  const [year, month, day] = plantWeekOf(now, timeZone).split('-').map(Number) as [number, number, number];
  const firstMonday = new Date(Date.UTC(year, month - 1, day - 7 * (weeks - 1)));
  const since = plantTimeToInstant({ year: firstMonday.getUTCFullYear(), month: firstMonday.getUTCMonth() + 1, day: firstMonday.getUTCDate(), hour: 0, minute: 0 }, timeZone);
  const [slas, tickets] = await Promise.all([
    slaByType(db),
    db.ticket.findMany({ where: { AND: [readable, { reportedAt: { gte: since, lte: now } }] }, select: { type: true, reportedAt: true, answeredAt: true, resolvedAt: true } }),
  ]);
  const byWeek = new Map<string, WeeklyCompliance>();
  for (const ticket of tickets) {
    const sla = slas.get(ticket.type);
    if (!sla) continue;
    const week = plantWeekOf(ticket.reportedAt, timeZone);
    const row = byWeek.get(week) ?? { week, tickets: 0, responseMet: 0, responseDue: 0, resolutionMet: 0, resolutionDue: 0 };
    const timers = slaTimers(ticket, sla, now);
    row.tickets += 1;
    if (timers.response !== 'RUNNING') row.responseDue += 1;
    if (timers.response === 'MET') row.responseMet += 1;
    if (timers.resolution !== 'RUNNING') row.resolutionDue += 1;
    if (timers.resolution === 'MET') row.resolutionMet += 1;
    byWeek.set(week, row);
  }
  return [...byWeek.values()].sort((a, b) => a.week.localeCompare(b.week));
}

/** The SLA of each ticket type, for the pages that show timers. */
export async function slaByType(db: Db): Promise<Map<string, { responseHours: number; resolutionHours: number }>> {
  const slas = await db.ticketSla.findMany();
  return new Map(slas.map((s) => [s.type, { responseHours: s.responseHours, resolutionHours: s.resolutionHours }]));
}

