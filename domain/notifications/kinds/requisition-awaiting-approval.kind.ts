import { defineNotificationKind } from '../kind.js';

export const requisitionAwaitingApproval = defineNotificationKind({
  name: 'requisition-awaiting-approval',
  model: 'Requisition',
  rule: 'approve',
  message: { es: 'La requisición {title} por {total} espera su aprobación', en: 'Requisition {title} for {total} is waiting for your approval' },
  label: { es: 'Una requisición que espera mi aprobación', en: 'A requisition waiting for my approval' },
  defaults: { SUPERVISORS: ['email'] },
});
