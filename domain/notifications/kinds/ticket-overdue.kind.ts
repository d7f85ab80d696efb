// A call-centre ticket past its service level (domain/call-center/ticket-sla.ts): not answered, or not
// resolved, in the hours its type allows; told to the supervisors who may read the ticket (their sites').
import { defineNotificationKind } from '../kind.js';

export const ticketResponseOverdue = defineNotificationKind({
  name: 'ticket-response-overdue',
  model: 'Ticket',
  message: {
    es: 'El ticket {title} sigue sin respuesta: su plazo de respuesta venció el {due}.',
    en: 'Ticket {title} is still unanswered: its response time ran out on {due}.',
  },
  label: { es: 'Un ticket sin respuesta a tiempo', en: 'A ticket not answered in time' },
  defaults: { SUPERVISORS: ['email'] },
});

export const ticketResolutionOverdue = defineNotificationKind({
  name: 'ticket-resolution-overdue',
  model: 'Ticket',
  message: {
    es: 'El ticket {title} sigue sin resolver: su plazo de resolución venció el {due}.',
    en: 'Ticket {title} is still unresolved: its resolution time ran out on {due}.',
  },
  label: { es: 'Un ticket sin resolver a tiempo', en: 'A ticket not resolved in time' },
  defaults: { SUPERVISORS: ['email'] },
});
