import { defineNotificationKind } from '../kind.js';

// Safety (issue 23): a permit's window ended while work was under it; the permit is suspended and its
// order put on hold (domain/safety/suspend-expired-permits.ts).
export const workPermitExpired = defineNotificationKind({
  name: 'work-permit-expired',
  model: 'WorkPermit',
  message: {
    es: 'Venció el permiso {title} ({until}): quedó suspendido y la orden {order} en espera. Pida un permiso nuevo para seguir.',
    en: 'Permit {title} expired ({until}): it is suspended and order {order} is on hold. Request a new permit to carry on.',
  },
  label: { es: 'Un permiso de trabajo venció', en: 'A work permit expired' },
  defaults: { SUPERVISORS: ['email'], TECHNICIANS: ['email'] },
});
