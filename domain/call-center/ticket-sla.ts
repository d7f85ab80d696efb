// Service levels of the call centre: each ticket type has hours to the first answer and to resolution,
// counted from when the caller reported it. Overdue open tickets are told to the supervisors; compliance
// is counted per week of the plant's calendar (Monday to Sunday in its time zone).

import type { Db } from '../../prisma/client.js';

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

/** SLA compliance of the tickets reported in each of the last `weeks` plant weeks (oldest first). */
export async function slaComplianceByWeek(db: Db, timeZone: string, now: Date, weeks = 8): Promise<WeeklyCompliance[]> {
  const rows = await db.$queryRaw<{ week: Date; tickets: number; response_met: number; response_due: number; resolution_met: number; resolution_due: number }[]>`
    WITH t AS (
      SELECT date_trunc('week', t.reported_at AT TIME ZONE ${timeZone})::date AS week,
             t.reported_at + s.response_hours * interval '1 hour' AS response_due,
             t.reported_at + s.resolution_hours * interval '1 hour' AS resolution_due,
             t.answered_at, t.resolved_at
        FROM tickets t JOIN ticket_slas s ON s.type = t.type
       WHERE t.reported_at >= (date_trunc('week', ${now}::timestamptz AT TIME ZONE ${timeZone}) - ${weeks - 1} * interval '1 week') AT TIME ZONE ${timeZone})
    SELECT week, count(*)::int AS tickets,
           count(*) FILTER (WHERE answered_at <= response_due)::int AS response_met,
           count(*) FILTER (WHERE answered_at IS NOT NULL OR response_due < ${now})::int AS response_due,
           count(*) FILTER (WHERE resolved_at <= resolution_due)::int AS resolution_met,
           count(*) FILTER (WHERE resolved_at IS NOT NULL OR resolution_due < ${now})::int AS resolution_due
      FROM t GROUP BY week ORDER BY week`;
  return rows.map((row) => ({
    week: row.week.toISOString().slice(0, 10),
    tickets: row.tickets,
    responseMet: row.response_met,
    responseDue: row.response_due,
    resolutionMet: row.resolution_met,
    resolutionDue: row.resolution_due,
  }));
}

/** The SLA of each ticket type, for the pages that show timers. */
export async function slaByType(db: Db): Promise<Map<string, { responseHours: number; resolutionHours: number }>> {
  const slas = await db.ticketSla.findMany();
  return new Map(slas.map((s) => [s.type, { responseHours: s.responseHours, resolutionHours: s.resolutionHours }]));
}

