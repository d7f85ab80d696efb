// A ticket becomes a work request (aviso) for maintenance, or joins one already open for the same issue
// (several callers report the same failure). Either way the ticket then follows the request and its order.
import { AccessDeniedError, accessibleWhere, type AppAbility } from '../access/abilities.js';
import { changeAllowedRow } from '../access/allowed-row.js';
import { Refusal } from '../refusal.js';
import type { Db } from '../../prisma/client.js';
import { isOpenTicket, readTicket } from './ticket-states.js';

/** The convert button shows on open tickets not yet tied to a request. */
export const canConvertTicket = (state: string): boolean => isOpenTicket(state);

export async function convertTicketToWorkRequest(db: Db, ability: AppAbility, userId: number, ticketId: number) {
  if (!ability.can('create', 'WorkRequest')) throw new AccessDeniedError('create', 'WorkRequest');
  return changeAllowedRow(db, ability, { model: 'Ticket', id: ticketId, rule: 'update', read: readTicket }, async (tx, ticket) => {
    if (!isOpenTicket(ticket.state)) throw new Refusal('ticketNotOpen', {}, { field: 'state' });
    if (ticket.workRequestId) throw new Refusal('ticketAlreadyLinked', { id: ticket.workRequestId }, { field: 'workRequest' });
    // A work request is about an asset: the operator classifies the ticket first.
    if (!ticket.assetId) throw new Refusal('ticketNeedsAsset', {}, { field: 'asset' });
    const request = await tx.workRequest.create({
      data: {
        reportedById: userId,
        assetId: ticket.assetId,
        priority: ticket.priority,
        description: `Ticket ${ticket.number} (${ticket.requester}${ticket.callerAddress ? `, ${ticket.callerAddress}` : ''}): ${ticket.description}`,
      },
    });
    await tx.ticket.update({ where: { id: ticket.id }, data: { workRequestId: request.id, state: 'IN_PROGRESS' } });
    return request;
  });
}

export async function linkTicketToWorkRequest(db: Db, ability: AppAbility, ticketId: number, workRequestId: number | undefined) {
  if (!workRequestId) throw new Refusal('ticketLinkChooseRequest', {}, { field: 'workRequestId' });
  return changeAllowedRow(db, ability, { model: 'Ticket', id: ticketId, rule: 'update', read: readTicket }, async (tx, ticket) => {
    if (!isOpenTicket(ticket.state)) throw new Refusal('ticketNotOpen', {}, { field: 'workRequestId' });
    if (ticket.workRequestId) throw new Refusal('ticketAlreadyLinked', { id: ticket.workRequestId }, { field: 'workRequestId' });
    const readable = accessibleWhere(ability, 'read', 'WorkRequest');
    const request = readable ? await tx.workRequest.findFirst({ where: { AND: [{ id: workRequestId }, readable] }, select: { id: true, assetId: true, state: true } }) : null;
    if (!request || request.state === 'REJECTED') throw new Refusal('ticketLinkRequestUnknown', { id: workRequestId }, { field: 'workRequestId' });
    return tx.ticket.update({ where: { id: ticket.id }, data: { workRequestId: request.id, assetId: ticket.assetId ?? request.assetId, state: 'IN_PROGRESS' } });
  });
}
