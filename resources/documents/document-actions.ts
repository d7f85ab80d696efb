// Record actions of document control whose work happens in admin/documents/router.ts (uploads and
// signatures need the raw request: multipart body, password, IP, user agent); the action gives them
// their button, their rule and their page.
import type { Action, ActionResponse } from 'adminjs';
import type { Prisma } from '@prisma/client';
import { allowedTo } from '../../admin/access.js';
import type { Action as RuleAction } from '../../domain/access/abilities.js';
import { canMoveDocument, DOCUMENT_MOVES, moveDocument, type DocumentMove } from '../../domain/documents/document-lifecycle.js';
import type { Db } from '../../prisma/client.js';
import { recordAction, recordActions } from '../record-action.js';

export function pageAction(rule: RuleAction, model: Prisma.ModelName, component: string, icon: string): Partial<Action<ActionResponse>> {
  return {
    actionType: 'record',
    icon,
    component,
    isAccessible: allowedTo(rule, model),
    handler: async (_request, _response, context) => ({ record: context.record!.toJSON(context.currentAdmin) }),
  };
}

/** Revisions, signatures and audit rows are written by the workflow only: no form creates, edits or
 * deletes them, administrators included (the database refuses changes to signatures and audit anyway). */
export const WRITTEN_BY_WORKFLOW = { new: { isAccessible: false }, edit: { isAccessible: false }, delete: { isAccessible: false }, bulkDelete: { isAccessible: false } };

const MOVE_ICONS: Record<DocumentMove, string> = { submitForReview: 'Send', markObsolete: 'Archive' };

/** "Enviar a revisión" and "Marcar obsoleto": one click each, under the document's update rule. */
export function documentMoveActions(prisma: Db): Record<DocumentMove, Partial<Action<ActionResponse>>> {
  return recordActions(Object.keys(DOCUMENT_MOVES) as DocumentMove[], (move) =>
    recordAction({
      rule: ['update', 'Document'],
      icon: MOVE_ICONS[move],
      guard: move === 'markObsolete' ? 'confirmMarkObsolete' : undefined,
      shownIn: (state) => canMoveDocument(state, move),
      run: ({ id, ability }) => moveDocument(prisma, ability, id, move),
      success: `documentMoved_${move}`,
    }),
  );
}
