import { defineNotificationKind } from '../kind.js';

export const workRequestWaiting = defineNotificationKind({
  name: 'work-request-waiting',
  model: 'WorkRequest',
  rule: 'convert',
  message: { es: 'La solicitud {title} espera desde hace más de {hours} horas', en: 'Work request {title} has been waiting for more than {hours} hours' },
  label: { es: 'Una solicitud de trabajo que espera demasiado', en: 'A work request waiting too long' },
  defaults: { SUPERVISORS: ['email'] },
});
