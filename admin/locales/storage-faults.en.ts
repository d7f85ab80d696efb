// What a person reads when a write fails for a reason outside his hands (server/http-errors.ts): the
// file storage, or a database too busy to finish it in time. Nothing was recorded; what to do.
export const storageFaultsEN = {
  storageUnreachable: 'The file storage is not answering right now. Nothing was saved: try again in a few minutes and, if it persists, tell the administrator.',
  storageFull: 'The file storage is full. Nothing was saved: tell the administrator to free or add space.',
  databaseBusy: 'The database is too busy and your change was not saved. Try again in a few seconds; if it happens again, tell the administrator.',
};
