// The technician's day (landing page), completing an order with its report, and the workload beside "Asignar".
export const workdayMessagesES = {
  myDayTitle: 'Mis órdenes de hoy',
  myDayEmpty: 'No tiene órdenes abiertas para hoy. Las nuevas aparecerán aquí cuando se las asignen.',
  myDayPlanned: 'Planificada: {{date}}',
  myDayOverdue: 'Atrasada',
  myDayOpen: 'Abrir',
  myDayStart: 'Iniciar',
  myDayComplete: 'Completar',
  myDayStartFailed: 'No se pudo iniciar la orden: recargue la página e inténtelo de nuevo.',
  completionRefused: 'No se completó la orden: revise los campos marcados.',
  completeIntro: 'Confirme lo realizado: el supervisor cerrará la orden con estos datos.',
  completeSubmit: 'Completar orden',
  closeoutFromCompletion: 'Datos que informó el técnico al completar la orden: revíselos antes de cerrar.',
  assignWorkload: '{{orders}} órdenes abiertas · {{hours}} h planificadas',
};
