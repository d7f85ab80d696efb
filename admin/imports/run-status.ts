// What the import page shows of a run: its counters, state and (once finished) its preview summary. The
// same answer for GET /imports/runs/:id/status and for the live `import` event of /admin/events.
import type { ImportRun } from '@prisma/client';

const FINISHED = ['SUCCEEDED', 'PARTIAL', 'FAILED'];

export function importRunStatus(run: ImportRun) {
  const finished = FINISHED.includes(run.state);
  return {
    id: run.id,
    kind: run.kind,
    fileName: run.fileName,
    mode: run.mode,
    state: run.state,
    rowsTotal: run.rowsTotal,
    rowsRead: run.rowsRead,
    rowsValid: run.rowsValid,
    rowsRejected: run.rowsRejected,
    rowsWritten: run.rowsWritten,
    rowsNew: run.rowsNew,
    rowsChanged: run.rowsChanged,
    rowsUnchanged: run.rowsUnchanged,
    preview: run.preview,
    createMissing: run.createMissing,
    filesRemoved: !!run.filesRemovedAt,
    summary: finished ? run.summary : null,
    attempts: run.attempts,
    errorMessage: run.errorMessage,
    hasErrorReport: !!run.errorReportKey,
    finished,
  };
}
