import { defineNotificationKind } from '../kind.js';

// Audits (issue 23): a corrective action past its due date and not done, told to its owner and to his
// direct manager every day it stays overdue (domain/audits/notify-overdue-actions.ts).
export const correctiveActionOverdue = defineNotificationKind({
  name: 'corrective-action-overdue',
  model: 'CorrectiveAction',
  message: {
    es: 'Acción correctiva vencida: {title}. Responsable: {owner}; debía estar hecha el {dueOn}.',
    en: 'Corrective action overdue: {title}. Owner: {owner}; it was due on {dueOn}.',
  },
  label: { es: 'Una acción correctiva vencida', en: 'A corrective action overdue' },
  defaults: { SUPERVISORS: ['email'], TECHNICIANS: ['email'] },
});
