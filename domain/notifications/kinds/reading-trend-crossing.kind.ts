import { defineNotificationKind } from '../kind.js';

// Raised with the work request the 06:00 health assessment opens for a measurement point whose trend is
// predicted to cross its limit within 30 days (domain/health/assess-asset-health.ts), once per prediction.
export const readingTrendCrossing = defineNotificationKind({
  name: 'reading-trend-crossing',
  model: 'WorkRequest',
  message: {
    es: '{point} cruzará su límite hacia el {date} según la tendencia de sus lecturas. Se abrió la solicitud {title}',
    en: '{point} will cross its limit around {date} by the trend of its readings. Work request {title} was opened',
  },
  label: { es: 'Una tendencia que cruzará su límite', en: 'A trend that will cross its limit' },
  defaults: { SUPERVISORS: ['email'] },
});
