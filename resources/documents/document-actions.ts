// Record actions of document control whose work happens in admin/documents/router.ts (uploads and
// signatures need the raw request: multipart body, password, IP, user agent); the action gives them
// their button, their rule and their page.
import type { Action, ActionResponse } from 'adminjs';
import { allowedTo } from '../../admin/access.js';
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
