// The planning calendar over HTTP, inside the /admin router (session, CSRF, rights read afresh, the actor
// of every write):
//   GET  /calendar/orders?view=week|month&day=YYYY-MM-DD&groupBy=technician|location&locationId=&technicianId=
//        the orders of that week or month as the viewer may see them, closed values in his language
//   POST /calendar/move   {"workOrderId", "plannedOn"?, "technicianId"?}   a drag, or the "Mover" form
import express, { type Request } from 'express';
import { z } from 'zod';
import { AccessDeniedError } from '../../domain/access/abilities.js';
import type { CurrentUser } from '../../domain/access/current-user.js';
import { todayIn } from '../../domain/dates.js';
import { resourceTranslationsEN } from '../../domain/labels/resources.en.js';
import { resourceTranslationsES } from '../../domain/labels/resources.es.js';
import { MalformedInputError } from '../../domain/malformed-input.js';
import { calendarChoices, planningCalendar, type CalendarOrder } from '../../domain/maintenance/planning-calendar.js';
import { plantDay, rescheduleInput, rescheduleWorkOrder } from '../../domain/maintenance/reschedule-work-order.js';
import { parseRecordId } from '../../domain/record-id.js';
import { Refusal } from '../../domain/refusal.js';
import { formatDate } from '../components/plant-format.js';
import type { Db } from '../../prisma/client.js';
import { abilityOf } from '../access.js';
import { languageOf, renderMessage, type Language } from '../locales/render.js';
import { jsonBody } from '../request-bodies.js';

const calendarQuery = z
  .object({
    view: z.enum(['week', 'month']).default('week'),
    day: z.string().max(10).optional(),
    groupBy: z.enum(['technician', 'location']).default('technician'),
    locationId: z.string().max(12).optional(),
    technicianId: z.string().max(12).optional(),
    language: z.enum(['es', 'en']).optional(),
  })
  .strict();

/** An optional id of the query: absent or empty is none, anything else must be an id. */
function optionalId(value: string | undefined, field: string): number | undefined {
  if (value === undefined || value === '') return undefined;
  const id = parseRecordId(value);
  if (id === null) throw new MalformedInputError('invalidFilterReference', { field });
  return id;
}

/** Closed values in the reader's language, beside their codes. */
function labelled(orders: CalendarOrder[], language: Language) {
  const labels = (language === 'en' ? resourceTranslationsEN : resourceTranslationsES).WorkOrder.labels;
  return orders.map((o) => ({
    ...o,
    kindLabel: labels.kind[o.kind as keyof typeof labels.kind] ?? o.kind,
    stateLabel: labels.state[o.state as keyof typeof labels.state] ?? o.state,
    priorityLabel: labels.priority[o.priority as keyof typeof labels.priority] ?? o.priority,
  }));
}

/** A refusal's days (`date`) written as the reader writes dates. */
function datesIn(error: unknown, language: Language): unknown {
  if (!(error instanceof Refusal) || typeof error.params.date !== 'string') return error;
  const params = { ...error.params, date: formatDate(error.params.date, 'date', language) };
  return new Refusal(error.key, params, { fields: error.fields.map((f) => ({ ...f, params })), kind: error.kind });
}

export function calendarRoutes(options: { prisma: Db; timeZone: string }): express.Router {
  const { prisma, timeZone } = options;
  const router = express.Router();
  const user = (req: Request) => req.session.adminUser as CurrentUser;

  router.get('/calendar/orders', async (req, res, next) => {
    try {
      const ability = abilityOf(user(req));
      if (!ability.can('read', 'WorkOrder')) throw new AccessDeniedError('read', 'WorkOrder');
      const query = calendarQuery.safeParse(req.query);
      if (!query.success) throw new MalformedInputError('malformedRequest');
      const today = todayIn(timeZone);
      const day = query.data.day ? plantDay(query.data.day) : today;
      if (!day) throw new MalformedInputError('invalidFilterDate', { field: 'day' });
      const calendar = await planningCalendar(
        prisma,
        ability,
        {
          view: query.data.view,
          day,
          groupBy: query.data.groupBy,
          locationId: optionalId(query.data.locationId, 'locationId'),
          technicianId: optionalId(query.data.technicianId, 'technicianId'),
        },
        today,
      );
      if (!calendar) throw new AccessDeniedError('read', 'WorkOrder');
      const language = languageOf(query.data.language ?? user(req).locale);
      res.json({
        ...calendar,
        orders: labelled(calendar.orders, language),
        backlog: { ...calendar.backlog, orders: labelled(calendar.backlog.orders, language) },
        rows: calendar.rows.map((row) => (row.key === 't:none' ? { ...row, label: renderMessage(language, 'boardNoTechnician') } : row)),
        choices: await calendarChoices(prisma, ability),
      });
    } catch (error) {
      next(error);
    }
  });

  router.post('/calendar/move', jsonBody('2kb'), async (req, res, next) => {
    try {
      const ability = abilityOf(user(req));
      if (!ability.can('update', 'WorkOrder') && !ability.can('assign', 'WorkOrder')) throw new AccessDeniedError('update', 'WorkOrder');
      const input = rescheduleInput.safeParse(req.body);
      if (!input.success) throw new MalformedInputError('malformedRequest');
      const language = languageOf(user(req).locale);
      const moved = await rescheduleWorkOrder(prisma, ability, input.data, todayIn(timeZone)).catch((error: unknown) => {
        throw datesIn(error, language);
      });
      res.json({ message: renderMessage(language, 'calendarMoved', { number: moved.number }), workOrder: { id: moved.id, plannedOn: moved.plannedOn.toISOString().slice(0, 10), technicianId: moved.technicianId, state: moved.state } });
    } catch (error) {
      next(error);
    }
  });
  // State changes by POST only: the move answers nothing else.
  router.all('/calendar/move', (_req, res) => void res.status(405).set('Allow', 'POST').json({ error: 'method not allowed', message: 'postRequired' }));
  return router;
}
