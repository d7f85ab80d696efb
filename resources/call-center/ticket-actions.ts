// The operator's work on a ticket as AdminJS record actions: classify, answer the caller, turn it into a
// work request (aviso) or join it to one already open. Each runs its domain operation on POST only.
import type { Prisma } from '@prisma/client';
import type { Action, ActionResponse } from 'adminjs';
import { Components } from '../../admin/component-loader.js';
import { accessibleWhere, type AppAbility } from '../../domain/access/abilities.js';
import { answerTicket } from '../../domain/call-center/answer-ticket.js';
import { classifyTicket } from '../../domain/call-center/classify-ticket.js';
import { canConvertTicket, convertTicketToWorkRequest, linkTicketToWorkRequest } from '../../domain/call-center/ticket-work-request.js';
import { isOpenTicket } from '../../domain/call-center/ticket-states.js';
import { OPEN_WORK_REQUEST_STATES } from '../../domain/maintenance/convert-work-request.js';
import { parseRecordId } from '../../domain/record-id.js';
import { VOCABULARIES } from '../../domain/vocabularies.js';
import type { Db } from '../../prisma/client.js';
import { recordAction, type RecordActionSpec } from '../record-action.js';

type FormAction = 'classify' | 'answer' | 'link';

// How many choices a picker offers: the operator types an asset code (the list helps), requests are the open ones.
const PICKER_LIMIT = 500;

export function ticketActions(prisma: Db): Record<FormAction | 'createRequest', Partial<Action<ActionResponse>>> {
  const formAction = <R>(name: FormAction, spec: Omit<RecordActionSpec<R>, 'component' | 'form' | 'shownIn'>) =>
    recordAction({ ...spec, shownIn: isOpenTicket, component: Components.TicketForm, form: ({ id, ability }) => formData(prisma, ability, name, id) });
  return {
    classify: formAction('classify', {
      rule: ['update', 'Ticket'], icon: 'Tag', success: 'ticketClassified',
      run: ({ id, ability, payload }) => classifyTicket(prisma, ability, id, payload),
    }),
    answer: formAction('answer', {
      rule: ['update', 'Ticket'], icon: 'MessageSquare', success: 'ticketAnswered',
      run: ({ id, ability, userId, payload }) => answerTicket(prisma, ability, userId, id, payload.body),
    }),
    // "Crear aviso": the ticket becomes a work request for maintenance, opened on its page.
    createRequest: recordAction({
      rule: ['create', 'WorkRequest'], icon: 'Tool', guard: 'confirmConvertTicket', shownIn: canConvertTicket, success: 'ticketConverted',
      run: ({ id, ability, userId }) => convertTicketToWorkRequest(prisma, ability, userId, id),
    }),
    link: formAction('link', {
      rule: ['update', 'Ticket'], icon: 'Link', success: 'ticketLinked',
      run: ({ id, ability, payload }) => linkTicketToWorkRequest(prisma, ability, id, parseRecordId(payload.workRequestId) ?? undefined),
    }),
  };
}

async function formData(prisma: Db, ability: AppAbility, name: FormAction, ticketId: number) {
  const ticket = await prisma.ticket.findUniqueOrThrow({ where: { id: ticketId }, select: { priority: true, type: true, locationId: true, asset: { select: { code: true } } } });
  const base = {
    ticket: { assetCode: ticket.asset?.code ?? '', locationId: ticket.locationId ? String(ticket.locationId) : '', priority: ticket.priority, type: ticket.type },
    priorities: VOCABULARIES.Ticket.priority,
    types: VOCABULARIES.Ticket.type,
  };
  if (name === 'classify') {
    const assets = accessibleWhere(ability, 'read', 'Asset') as Prisma.AssetWhereInput | null;
    const locations = accessibleWhere(ability, 'read', 'Location') as Prisma.LocationWhereInput | null;
    return {
      ...base,
      assets: assets ? await prisma.asset.findMany({ where: { AND: [assets, { status: { not: 'RETIRED' } }] }, orderBy: { code: 'asc' }, take: PICKER_LIMIT, select: { code: true, description: true } }) : [],
      locations: locations ? await prisma.location.findMany({ where: { AND: [locations, { isActive: true }] }, orderBy: { fullName: 'asc' }, take: PICKER_LIMIT, select: { id: true, fullName: true } }) : [],
    };
  }
  if (name === 'link') {
    const readable = accessibleWhere(ability, 'read', 'WorkRequest') as Prisma.WorkRequestWhereInput | null;
    const requests = readable
      ? await prisma.workRequest.findMany({
          where: { AND: [readable, { state: { in: [...OPEN_WORK_REQUEST_STATES, 'CONVERTED'] } }] },
          orderBy: { id: 'desc' },
          take: PICKER_LIMIT,
          select: { id: true, description: true, asset: { select: { code: true } } },
        })
      : [];
    return { ...base, workRequests: requests.map((r) => ({ id: r.id, title: `#${r.id} · ${r.asset.code} · ${r.description.slice(0, 80)}` })) };
  }
  return base;
}
