import { defineNotificationKind } from '../kind.js';

// Transmittals (issue 24): a recipient has not acknowledged receipt by the transmittal's day; told to its
// sender once per recipient (domain/transmittals/notify-overdue-acknowledgements.ts).
export const transmittalAcknowledgementOverdue = defineNotificationKind({
  name: 'transmittal-acknowledgement-overdue',
  model: 'Transmittal',
  message: {
    es: 'El transmittal {title} sigue sin acuse de recibo de {recipient} (debía acusarlo antes del {due}).',
    en: 'Transmittal {title} is still not acknowledged by {recipient} (due by {due}).',
  },
  label: { es: 'Un acuse de recibo de transmittal vencido', en: 'A transmittal acknowledgement overdue' },
  defaults: { SUPERVISORS: ['email'] },
});
