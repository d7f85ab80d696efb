// Record actions of document control whose work happens in admin/documents/router.ts (uploads and
// signatures need the raw request: multipart body, password, IP, user agent); the action gives them
// their button, their rule and their page.
import { ValidationError, type Action, type ActionResponse } from 'adminjs';
import { abilityOf, allowedTo } from '../../admin/access.js';
import { canMoveDocument, DOCUMENT_MOVES, DocumentMoveRefusedError, moveDocument, type DocumentMove } from '../../domain/documents/document-lifecycle.js';
import type { Db } from '../../prisma/client.js';
import type { Action as RuleAction } from '../../domain/access/abilities.js';
import type { Prisma } from '@prisma/client';

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
  const action = (move: DocumentMove): Partial<Action<ActionResponse>> => ({
    actionType: 'record',
    component: false,
    icon: MOVE_ICONS[move],
    guard: move === 'markObsolete' ? 'confirmMarkObsolete' : undefined,
    isAccessible: allowedTo('update', 'Document'),
    isVisible: ({ record }) => !!record && canMoveDocument(String(record.params.state), move),
    handler: async (_request, _response, context) => {
      const id = Number(context.record!.id());
      try {
        await moveDocument(prisma, abilityOf(context.currentAdmin), id, move);
      } catch (error) {
        if (error instanceof DocumentMoveRefusedError)
          throw new ValidationError({ state: { message: `documentMoveRefused_${move}` } }, { message: `documentMoveRefused_${move}`, type: 'error' });
        throw error;
      }
      const moved = await context.resource.findOne(String(id), context);
      return {
        record: moved!.toJSON(context.currentAdmin),
        redirectUrl: context.h.recordActionUrl({ resourceId: context.resource.id(), recordId: String(id), actionName: 'show' }),
        notice: { message: `documentMoved_${move}`, type: 'success' },
      };
    },
  });
  return Object.fromEntries((Object.keys(DOCUMENT_MOVES) as DocumentMove[]).map((move) => [move, action(move)])) as Record<DocumentMove, Partial<Action<ActionResponse>>>;
}
