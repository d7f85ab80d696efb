import { defineNotificationKind } from '../kind.js';

// Raised with the condition request the readings trigger opens (cmms_open_condition_requests).
export const readingOutOfLimits = defineNotificationKind({
  name: 'reading-out-of-limits',
  model: 'WorkRequest',
  message: { es: 'Lectura fuera de límites en {point}: {value}. Se abrió la solicitud {title}', en: 'Reading out of limits at {point}: {value}. Work request {title} was opened' },
  label: { es: 'Una lectura fuera de límites', en: 'A reading out of limits' },
  defaults: { SUPERVISORS: ['email', 'telegram'] },
});
