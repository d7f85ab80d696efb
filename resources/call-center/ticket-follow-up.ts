// What the ticket's page and list add to the row, in the viewer's language and the plant's time: where the
// caller's issue stands (its request and order) and the SLA clocks.
import type { ActionContext, ActionResponse, RecordJSON } from 'adminjs';
import { renderMessage, languageOf, type Language } from '../../admin/locales/render.js';
import type { CurrentUser } from '../../domain/access/current-user.js';
import { followUpOf } from '../../domain/call-center/ticket-follow-up.js';
import { slaByType, slaTimers } from '../../domain/call-center/ticket-sla.js';
import { resourceTranslationsEN } from '../../domain/labels/resources.en.js';
import { resourceTranslationsES } from '../../domain/labels/resources.es.js';
import type { Db } from '../../prisma/client.js';

const labels = (language: Language) => (language === 'en' ? resourceTranslationsEN : resourceTranslationsES);

function when(value: Date, language: Language, timeZone: string): string {
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'es-HN', { timeZone, dateStyle: 'short', timeStyle: 'short' }).format(value);
}

/** The list's and show's `after`: SLA (both), follow-up and due times (show). */
export function ticketAfter(prisma: Db, timeZone: string, detail: boolean) {
  return async (response: ActionResponse, _request: unknown, context: ActionContext) => {
    const records: RecordJSON[] = detail ? (response.record ? [response.record] : []) : (response.records ?? []);
    if (!records.length) return response;
    const language = languageOf((context.currentAdmin as unknown as CurrentUser | undefined)?.locale);
    const slas = await slaByType(prisma);
    const now = new Date();
    for (const record of records) {
      const p = record.params;
      const sla = slas.get(String(p.type));
      if (sla) {
        const date = (v: unknown) => (v ? new Date(String(v)) : null);
        const timers = slaTimers({ reportedAt: new Date(String(p.reportedAt)), answeredAt: date(p.answeredAt), resolvedAt: date(p.resolvedAt) }, sla, now);
        p.slaState = renderMessage(language, `ticketSla_${slaWord(timers.response, timers.resolution)}`, { due: when(timers.response === 'RUNNING' ? timers.responseDue : timers.resolutionDue, language, timeZone) });
        p.responseDue = when(timers.responseDue, language, timeZone);
        p.resolutionDue = when(timers.resolutionDue, language, timeZone);
      }
      if (detail) {
        p.followUp = await followUpText(prisma, Number(record.id), language, timeZone);
        // The SIG's row as it came (header: text), flattened by AdminJS into sigRow.<header>.
        const row = Object.entries(p).filter(([key]) => key.startsWith('sigRow.')).map(([key, value]) => `${key.slice(7)}: ${String(value)}`);
        if (row.length) p.sigRow = row.join(' · ');
      }
    }
    return response;
  };
}

// One word for the row: the worst of the two clocks.
function slaWord(response: string, resolution: string): string {
  for (const word of ['OVERDUE', 'MISSED', 'RUNNING']) if (response === word || resolution === word) return word;
  return 'MET';
}

async function followUpText(prisma: Db, ticketId: number, language: Language, timeZone: string): Promise<string> {
  const { workRequest, workOrder } = await followUpOf(prisma, ticketId);
  const l = labels(language);
  if (!workRequest) return renderMessage(language, 'ticketFollowUp_none');
  const requestState = (l.WorkRequest.labels.state as Record<string, string>)[workRequest.state] ?? workRequest.state;
  if (!workOrder) return renderMessage(language, 'ticketFollowUp_request', { id: workRequest.id, state: requestState });
  return renderMessage(language, 'ticketFollowUp_order', {
    id: workRequest.id,
    state: requestState,
    number: workOrder.number,
    orderState: (l.WorkOrder.labels.state as Record<string, string>)[workOrder.state] ?? workOrder.state,
    planned: workOrder.plannedOn ? new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'es-HN', { timeZone: 'UTC', dateStyle: 'medium' }).format(workOrder.plannedOn) : '—',
    technician: workOrder.technician ?? renderMessage(language, 'ticketFollowUp_noTechnician'),
  });
}
