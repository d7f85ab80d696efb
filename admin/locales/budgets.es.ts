// The budgets module: the ERP sync (issue 20).
export const budgetsMessagesES = {
  erpModuleOff: 'La sincronización con Dynamics 365 no está configurada (ERP_DYNAMICS_URL y demás ajustes): las requisiciones aprobadas quedan pendientes hasta que un administrador la configure.',
  confirmRetryErpSync: '¿Volver a enviar esta requisición al ERP en la próxima sincronización?',
  erpSyncRetried: 'La requisición se enviará al ERP en la próxima sincronización (en unos instantes).',
  erpRetryRefused_notApproved: 'Solo las requisiciones aprobadas se envían al ERP.',
  erpRetryRefused_alreadySynced: 'La requisición ya está en el ERP ({{erpId}}): no hay nada que reintentar.',
  relatedBudgetLines: 'Líneas del presupuesto',
  relatedBudgetMonths: 'Importes por mes',
  relatedErpConflicts: 'Conflictos con el ERP (prevalece el valor del ERP)',
  erpSyncFailing: 'La sincronización con el ERP falló {{runs}} veces seguidas desde {{since}}. Último error: {{lastError}}',
};
export const budgetsActionsES = { retryErpSync: 'Reintentar sincronización' };
