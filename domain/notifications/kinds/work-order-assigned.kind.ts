import { defineNotificationKind } from '../kind.js';

export const workOrderAssigned = defineNotificationKind({
  name: 'work-order-assigned',
  model: 'WorkOrder',
  message: { es: 'Se le asignó la orden {title}', en: 'Order {title} was assigned to you' },
  label: { es: 'Una orden asignada a mí', en: 'An order assigned to me' },
  defaults: { TECHNICIANS: ['email'] },
});
