// The outside systems' syncs failing run after run (ERP requisitions, SIG tickets): the administrators
// are told once per streak, with the last run to open.
import { defineNotificationKind } from '../kind.js';

export const erpSyncFailing = defineNotificationKind({
  name: 'erp-sync-failing',
  model: 'ErpSyncRun',
  message: {
    es: 'La sincronización con el ERP falló {runs} veces seguidas desde {since}. Último error: {lastError}',
    en: 'The ERP sync failed {runs} times in a row since {since}. Last error: {lastError}',
  },
  label: { es: 'La sincronización con el ERP falla', en: 'The ERP sync is failing' },
  defaults: { ADMINISTRATORS: ['email'] },
});

export const sigSyncFailing = defineNotificationKind({
  name: 'sig-sync-failing',
  model: 'SigSyncRun',
  message: {
    es: 'La lectura de tickets del SIG falló {failures} veces seguidas; vea la lectura {title} para saber por qué.',
    en: 'Reading tickets from the SIG failed {failures} times in a row; see run {title} for why.',
  },
  label: { es: 'La lectura del SIG falla', en: 'Reading the SIG is failing' },
  defaults: { ADMINISTRATORS: ['email'] },
});
