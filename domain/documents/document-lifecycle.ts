// The states of a document: DRAFT → IN_REVIEW → APPROVED → OBSOLETE. Approval comes from signatures
// only (signatures.ts) and a new revision sends the document back to draft (revisions.ts); these are the
// two moves a person makes with one click. Each is checked here, on the server, in one transaction.
import type { Prisma } from '@prisma/client';
import { AccessDeniedError, accessibleWhere, type AppAbility } from '../access/abilities.js';
import type { Db } from '../../prisma/client.js';

export const DOCUMENT_MOVES = {
  submitForReview: { from: ['DRAFT'], to: 'IN_REVIEW' },
  markObsolete: { from: ['DRAFT', 'IN_REVIEW', 'APPROVED'], to: 'OBSOLETE' },
} as const;

export type DocumentMove = keyof typeof DOCUMENT_MOVES;

export class DocumentMoveRefusedError extends Error {
  constructor(
    readonly move: DocumentMove,
    readonly from: string,
  ) {
    super(`A document in state ${from} cannot ${move}`);
    this.name = 'DocumentMoveRefusedError';
  }
}

export function canMoveDocument(state: string, move: DocumentMove): boolean {
  return (DOCUMENT_MOVES[move].from as readonly string[]).includes(state);
}

/** Moving a document is editing it: the `update` rule decides who may. */
export async function moveDocument(db: Db, ability: AppAbility, documentId: number, move: DocumentMove) {
  const allowed = accessibleWhere(ability, 'update', 'Document');
  if (!allowed) throw new AccessDeniedError('update', 'Document');
  return db.transactionAs(async (tx) => {
    const document = await tx.document.findFirst({ where: { AND: [{ id: documentId }, allowed as Prisma.DocumentWhereInput] } });
    if (!document) throw new AccessDeniedError('update', 'Document');
    if (!canMoveDocument(document.state, move)) throw new DocumentMoveRefusedError(move, document.state);
    if (move === 'submitForReview' && !(await tx.documentRevision.count({ where: { documentId } }))) throw new DocumentMoveRefusedError(move, 'EMPTY');
    const moved = await tx.document.updateMany({ where: { id: documentId, state: document.state }, data: { state: DOCUMENT_MOVES[move].to } });
    if (moved.count !== 1) throw new DocumentMoveRefusedError(move, document.state);
    return tx.document.findUniqueOrThrow({ where: { id: documentId } });
  });
}
