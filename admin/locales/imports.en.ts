// Texts of Excel imports and list exports (issue 7), English.
export const importMessagesEN = {
  importTitle: 'Import from Excel',
  importHelp:
    'Download the template, fill it in (headers may be in Spanish or English, below a title) and upload it. The import runs in the background: you may reload this page.',
  importDownloadTemplate: 'Download template',
  importFile: '.xlsx file',
  importMode_ALL_OR_NOTHING: 'All or nothing: if any row has an error, no row is imported',
  importMode_VALID_ROWS: 'Import the valid rows and reject the others',
  importSubmit: 'Import',
  importKindUnknown: 'There is no import of "{{kind}}".',
  importNotXlsx: 'The file is not an Excel .xlsx workbook (save it as "Excel Workbook (.xlsx)").',
  importFileTooLarge: 'The file is larger than the {{max}} MB limit. Split it into several files.',
  importFileMissing: 'No file was received.',
  importRefused: 'The import could not be started.',
  importSeeRun: 'See import run no. {{id}}',
  importCounters: 'Read {{read}} of {{total}} · valid {{valid}} · rejected {{rejected}} · written {{written}}',
  importAttempts: 'resumed after a failure (attempt {{attempts}})',
  importDownloadErrors: 'Download error report',
  importDownloadFile: 'Download original file',
  importStatusUnavailable: 'The status of this import cannot be read.',
  listExportHelp: 'Downloads the rows the list shows, with its filters (on importable lists, in the import template format).',
};

export const importLabelsEN = {
  importState_QUEUED: 'Queued',
  importState_RUNNING: 'Running',
  importState_SUCCEEDED: 'Finished: every row imported',
  importState_PARTIAL: 'Finished with rejected rows',
  importState_FAILED: 'Failed: the file was not imported',
};
