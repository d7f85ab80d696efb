// Journeys of issue 16: rejecting a work request, the administrator's first-start checklist, the phone
// card's notes and photos, a user's groups on his page, the supervisor's empty backlog.
export const journeysMessagesES = {
  workRequestRejected: 'Aviso rechazado. Quien lo reportó verá el motivo en el aviso.',
  workRequestRejectRefused: 'No se rechazó el aviso: revise el campo marcado.',
  workRequestRejectReasonRequired: 'Escriba el motivo del rechazo: quien reportó el aviso lo leerá.',
  workRequestRejectReasonTooLong: 'El motivo admite como máximo {{max}} caracteres: resúmalo.',
  workRequestNotRejectable: 'Solo se rechaza un aviso abierto o en revisión; este ya fue atendido.',
  rejectIntro: 'El aviso quedará rechazado y no se convertirá en orden de trabajo.',
  rejectReason: 'Motivo del rechazo',
  rejectSubmit: 'Rechazar aviso',
  boardNoBacklog: 'Sin pendientes: no hay órdenes abiertas en su área.',
};
