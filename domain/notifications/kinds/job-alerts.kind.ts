// The administrators' alerts about the background jobs themselves (domain/jobs-monitor/job-alerts.ts
// detects them): about no record, so everyone the detection names is told; on by e-mail by default.
import { defineNotificationKind } from '../kind.js';

export const jobExhaustedRetries = defineNotificationKind({
  name: 'job-exhausted-retries',
  model: null,
  message: {
    es: 'El trabajo «{job}» (cola {queue}) falló {attempts} veces y no se reintentará: {error}. Revíselo en el monitor de trabajos.',
    en: 'Job "{job}" (queue {queue}) failed {attempts} times and will not be retried: {error}. See the jobs monitor.',
  },
  label: { es: 'Un trabajo agotó sus reintentos', en: 'A job ran out of retries' },
  defaults: { ADMINISTRATORS: ['email'] },
});

export const queueTooDeep = defineNotificationKind({
  name: 'queue-too-deep',
  model: null,
  message: {
    es: 'La cola {queue} tiene {depth} trabajos en espera (más de {threshold} durante {minutes} minutos). Revise que los procesos de trabajo estén vivos.',
    en: 'Queue {queue} holds {depth} waiting jobs (more than {threshold} for {minutes} minutes). Check that the worker processes are alive.',
  },
  label: { es: 'Una cola con demasiados trabajos en espera', en: 'A queue with too many waiting jobs' },
  defaults: { ADMINISTRATORS: ['email'] },
});

export const scheduleLate = defineNotificationKind({
  name: 'schedule-late',
  model: null,
  message: {
    es: 'La programación «{job}» no se ejecuta desde {since}: el programador está detenido. Revise los procesos de trabajo.',
    en: 'Schedule "{job}" has not run since {since}: the scheduler is stopped. Check the worker processes.',
  },
  label: { es: 'Una programación atrasada', en: 'A late schedule' },
  defaults: { ADMINISTRATORS: ['email'] },
});
