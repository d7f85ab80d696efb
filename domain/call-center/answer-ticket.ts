// Answering the requester: what the operator told the caller is kept as a note on the ticket; the first
// answer stops the response clock (answeredAt) and puts the ticket in progress.
import { changeAllowedRow } from '../access/allowed-row.js';
import type { AppAbility } from '../access/abilities.js';
import { Refusal } from '../refusal.js';
import type { Db } from '../../prisma/client.js';
import { isOpenTicket, readTicket } from './ticket-states.js';

export const ANSWER_MAX_LENGTH = 4_000;

export async function answerTicket(db: Db, ability: AppAbility, userId: number, ticketId: number, body: unknown) {
  const text = typeof body === 'string' ? body.trim() : '';
  if (!text) throw new Refusal('ticketAnswerEmpty', {}, { field: 'body' });
  if (text.length > ANSWER_MAX_LENGTH) throw new Refusal('ticketAnswerTooLong', { max: ANSWER_MAX_LENGTH }, { field: 'body' });
  return changeAllowedRow(db, ability, { model: 'Ticket', id: ticketId, rule: 'update', read: readTicket }, async (tx, ticket) => {
    if (!isOpenTicket(ticket.state)) throw new Refusal('ticketNotOpen', {}, { field: 'body' });
    const note = await tx.ticketNote.create({ data: { ticketId: ticket.id, body: text, authorId: userId } });
    await tx.ticket.update({ where: { id: ticket.id }, data: { answeredAt: ticket.answeredAt ?? note.createdAt, state: 'IN_PROGRESS' } });
    return note;
  });
}
