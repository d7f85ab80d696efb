// Texts of the Excel exports (admin/exports), English.
export const exportMessagesEN = {
  exportYes: 'Yes',
  exportNo: 'No',
  // Excel number formats of the exported dates (shown in the user's language).
  exportDateFormat: 'mm/dd/yyyy',
  exportDateTimeFormat: 'mm/dd/yyyy hh:mm',
  exportRowLimitReached: 'Excel holds {{limit}} rows per sheet: the first ones were exported. Filter the list to export the rest.',
  exportUnknownFilter: 'The list has no filter "{{filter}}". Remove that filter and export again.',
  exportBadFilterValue: 'The filter "{{filter}}" does not accept the value "{{value}}". Correct it in the list and export again.',
  exportBadQuery: 'The export address is not valid: go back to the list and press "Export to Excel".',
};
