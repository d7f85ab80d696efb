import { defineNotificationKind } from '../kind.js';

// A daily summary at 07:00 plant time: about no one record, so its rule is reading orders at all, and
// the count is each supervisor's own (his row rules, his sites).
export const overdueDigest = defineNotificationKind({
  name: 'overdue-digest',
  model: 'WorkOrder',
  message: { es: '{count} órdenes vencidas en su área: {sample}', en: '{count} overdue orders in your area: {sample}' },
  label: { es: 'Resumen diario de órdenes vencidas de mi área (07:00)', en: 'Daily digest of overdue orders in my area (07:00)' },
  defaults: { SUPERVISORS: ['email'] },
});
