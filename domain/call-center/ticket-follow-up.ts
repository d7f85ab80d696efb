// Where a caller's issue stands: the ticket's request (aviso) and its work order, with their states, so an
// operator can answer "what happened to my report?" without leaving the ticket.
import type { Db } from '../../prisma/client.js';

export interface TicketFollowUp {
  workRequest: { id: number; state: string } | null;
  workOrder: { id: number; number: string; state: string; plannedOn: Date | null; technician: string | null } | null;
}

export async function followUpOf(db: Db, ticketId: number): Promise<TicketFollowUp> {
  const ticket = await db.ticket.findUnique({
    where: { id: ticketId },
    select: {
      workRequest: {
        select: {
          id: true,
          state: true,
          workOrder: { select: { id: true, number: true, state: true, plannedOn: true, technician: { select: { name: true } } } },
        },
      },
    },
  });
  const request = ticket?.workRequest;
  const order = request?.workOrder;
  return {
    workRequest: request ? { id: request.id, state: request.state } : null,
    workOrder: order ? { id: order.id, number: order.number, state: order.state, plannedOn: order.plannedOn, technician: order.technician?.name ?? null } : null,
  };
}
