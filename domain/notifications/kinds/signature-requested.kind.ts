import { defineNotificationKind } from '../kind.js';

export const signatureRequested = defineNotificationKind({
  name: 'signature-requested',
  model: 'DocumentRevision',
  rule: 'sign',
  message: { es: 'El documento {title} espera su firma', en: 'Document {title} is waiting for your signature' },
  label: { es: 'Un documento que espera mi firma', en: 'A document waiting for my signature' },
  defaults: { SUPERVISORS: ['email'], TECHNICIANS: ['email'], ADMINISTRATORS: ['email'] },
});
