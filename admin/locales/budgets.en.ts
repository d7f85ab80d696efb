// The budgets module: the ERP sync (issue 20).
export const budgetsMessagesEN = {
  erpModuleOff: 'Synchronisation with Dynamics 365 is not configured (ERP_DYNAMICS_URL and the other settings): approved requisitions stay pending until an administrator configures it.',
  confirmRetryErpSync: 'Send this requisition to the ERP again at the next synchronisation?',
  erpSyncRetried: 'The requisition will be sent to the ERP at the next synchronisation (in a moment).',
  erpRetryRefused_notApproved: 'Only approved requisitions are sent to the ERP.',
  erpRetryRefused_alreadySynced: 'The requisition is already in the ERP ({{erpId}}): there is nothing to retry.',
  relatedBudgetLines: 'Budget lines',
  relatedBudgetMonths: 'Amounts by month',
  relatedErpConflicts: 'Conflicts with the ERP (the ERP value prevails)',
  erpSyncFailing: 'Synchronisation with the ERP failed {{runs}} times in a row since {{since}}. Last error: {{lastError}}',
};
export const budgetsActionsEN = { retryErpSync: 'Retry synchronisation' };
