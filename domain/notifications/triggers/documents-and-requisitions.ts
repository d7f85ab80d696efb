// "A document waiting for my signature" (named signers of a revision still to sign, woken by the
// NOTIFY of revision_signers and swept), "a requisition waiting for my approval" (on submission) and
// "an import finished" (from the import job).
import type { Db } from '../../../prisma/client.js';
import { importFinished } from '../kinds/import-finished.kind.js';
import { requisitionAwaitingApproval } from '../kinds/requisition-awaiting-approval.kind.js';
import { signatureRequested } from '../kinds/signature-requested.kind.js';
import { notify } from '../notify.js';
import { readerOf, type NotifyDb } from '../notify-db.js';
import { membersOf } from '../recipients.js';
import { joined, plantAmount } from './plant-text.js';

/** Named signers of the latest revision of each non-obsolete document who have not signed it, told once. */
export async function notifyPendingSignatures(db: Db): Promise<number> {
  const pending = await db.$queryRawUnsafe<{ revision_id: number; user_id: number; code: string; title: string; number: number }[]>(
    `SELECT s.revision_id, s.user_id, d.code, d.title, r.number
       FROM revision_signers s
       JOIN document_revisions r ON r.id = s.revision_id
       JOIN documents d ON d.id = r.document_id
      WHERE d.state <> 'OBSOLETE'
        AND r.number = (SELECT max(x.number) FROM document_revisions x WHERE x.document_id = d.id)
        AND NOT EXISTS (SELECT 1 FROM document_signatures g WHERE g.revision_id = s.revision_id AND g.signer_id = s.user_id)
        AND NOT EXISTS (SELECT 1 FROM notifications n WHERE n.user_id = s.user_id AND n.event_key = 'signature-requested:' || s.revision_id)
      ORDER BY s.revision_id, s.user_id`,
  );
  let told = 0;
  for (const row of pending) {
    const { notified } = await notify(db, {
      kind: signatureRequested,
      key: `signature-requested:${row.revision_id}`,
      recordId: row.revision_id,
      values: { title: joined(row.code, row.title, `rev. ${row.number}`) },
      recipients: [row.user_id],
    });
    told += notified.length;
  }
  return told;
}

/** A submitted requisition tells those who may approve it (their limit covers its total). */
export async function notifyRequisitionSubmitted(db: NotifyDb, requisitionId: number) {
  const requisition = await readerOf(db).requisition.findUnique({ where: { id: requisitionId }, select: { id: true, title: true, total: true } });
  if (!requisition) return { notified: [], deliveries: 0 };
  return notify(db, {
    kind: requisitionAwaitingApproval,
    key: `requisition-awaiting-approval:${requisition.id}`,
    recordId: requisition.id,
    values: { title: requisition.title, total: plantAmount(Number(requisition.total)) },
    recipients: await membersOf(db, ['SUPERVISORS', 'ADMINISTRATORS']),
  });
}

/** A finished import (not a preview) tells whoever started it. */
export async function notifyImportFinished(db: NotifyDb, importRunId: number) {
  const run = await readerOf(db).importRun.findUnique({ where: { id: importRunId }, select: { id: true, fileName: true, userId: true, state: true, rowsWritten: true, rowsRejected: true, preview: true } });
  // A preview ("Validar sin importar") writes nothing and its clerk is watching it: no notification.
  if (!run?.userId || run.preview || !['SUCCEEDED', 'PARTIAL', 'FAILED'].includes(run.state)) return { notified: [], deliveries: 0 };
  return notify(db, {
    kind: importFinished,
    key: `import-finished:${run.id}`,
    recordId: run.id,
    values: { title: run.fileName, written: run.rowsWritten, rejected: run.rowsRejected },
    recipients: [run.userId],
  });
}
