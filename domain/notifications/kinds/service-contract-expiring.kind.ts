import { defineNotificationKind } from '../kind.js';

// Services (issue 24): a service contract enters its renewal window; its owner is told once per window
// (domain/services/contracts/expiring-contracts.ts, daily job).
export const serviceContractExpiring = defineNotificationKind({
  name: 'service-contract-expiring',
  model: 'ServiceContract',
  message: {
    es: 'El contrato {title} vence el {endsOn} (en {days} días): decida su renovación.',
    en: 'Contract {title} ends on {endsOn} (in {days} days): decide on its renewal.',
  },
  label: { es: 'Un contrato de servicio está por vencer', en: 'A service contract is about to end' },
  defaults: { SUPERVISORS: ['email'], ADMINISTRATORS: ['email'] },
});
