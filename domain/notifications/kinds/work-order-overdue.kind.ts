import { defineNotificationKind } from '../kind.js';

export const workOrderOverdue = defineNotificationKind({
  name: 'work-order-overdue',
  model: 'WorkOrder',
  message: { es: 'Su orden {title} está vencida: planificada para el {plannedOn}', en: 'Your order {title} is overdue: planned for {plannedOn}' },
  label: { es: 'Mi orden vencida', en: 'My order overdue' },
  defaults: { TECHNICIANS: ['email'] },
});
