// The ticket states an operator still works in (classify, answer, convert, link); resolved and closed
// tickets are history. Imported by the operations and their buttons, never copied.
import type { Prisma } from '@prisma/client';
import type { Tx } from '../access/allowed-row.js';
export const OPEN_TICKET_STATES = ['OPEN', 'IN_PROGRESS'] as const;

export const isOpenTicket = (state: string): boolean => (OPEN_TICKET_STATES as readonly string[]).includes(state);

/** How the operations read the ticket they change (under the rule's conditions, see changeAllowedRow). */
export const readTicket = (tx: Tx, where: Prisma.TicketWhereInput) => tx.ticket.findFirst({ where });
