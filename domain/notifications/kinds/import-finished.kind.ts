import { defineNotificationKind } from '../kind.js';

export const importFinished = defineNotificationKind({
  name: 'import-finished',
  model: 'ImportRun',
  message: { es: 'Terminó la importación {title}: {written} filas escritas, {rejected} rechazadas', en: 'Import {title} finished: {written} rows written, {rejected} rejected' },
  label: { es: 'Una importación mía terminó', en: 'An import of mine finished' },
  defaults: {},
});
