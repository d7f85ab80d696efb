import { defineNotificationKind } from '../kind.js';

// Raised by the daily energy check (domain/energy/out-of-pattern.ts): a meter's day far from its usual for
// that weekday, once per meter and day.
export const energyOutOfPattern = defineNotificationKind({
  name: 'energy-out-of-pattern',
  model: 'MeasurementPoint',
  message: {
    es: 'Consumo fuera de lo habitual en {title} el {day}: {consumption} (lo habitual ese día de la semana: {usual})',
    en: 'Unusual consumption at {title} on {day}: {consumption} (usual on that weekday: {usual})',
  },
  label: { es: 'Un consumo de energía fuera de lo habitual', en: 'Unusual energy consumption' },
  defaults: { SUPERVISORS: ['email'] },
});
