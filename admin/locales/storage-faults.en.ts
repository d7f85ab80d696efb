// What a person reads when the file storage fails under a write (server/http-errors.ts): nothing was
// recorded, and what to do.
export const storageFaultsEN = {
  storageUnreachable: 'The file storage is not answering right now. Nothing was saved: try again in a few minutes and, if it persists, tell the administrator.',
  storageFull: 'The file storage is full. Nothing was saved: tell the administrator to free or add space.',
};
