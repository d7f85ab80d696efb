// The states of a document: DRAFT → IN_REVIEW → APPROVED → OBSOLETE. Approval comes from signatures
// only (signatures.ts) and a new revision sends the document back to draft (revisions.ts); these are the
// two moves a person makes with one click. Each is checked here, on the server, in one transaction.
import type { Prisma } from '@prisma/client';
import type { AppAbility } from '../access/abilities.js';
import { changeAllowedRow } from '../access/allowed-row.js';
import { Refusal } from '../refusal.js';
import type { Db } from '../../prisma/client.js';

export const DOCUMENT_MOVES = {
  submitForReview: { from: ['DRAFT'], to: 'IN_REVIEW' },
  markObsolete: { from: ['DRAFT', 'IN_REVIEW', 'APPROVED'], to: 'OBSOLETE' },
} as const;

export type DocumentMove = keyof typeof DOCUMENT_MOVES;

const moveRefused = (move: DocumentMove, from: string) => new Refusal(`documentMoveRefused_${move}`, { from }, { field: 'state' });

export function canMoveDocument(state: string, move: DocumentMove): boolean {
  return (DOCUMENT_MOVES[move].from as readonly string[]).includes(state);
}

/** Moving a document is editing it: the `update` rule decides who may. */
export async function moveDocument(db: Db, ability: AppAbility, documentId: number, move: DocumentMove) {
  const read = (tx: Prisma.TransactionClient, where: Prisma.DocumentWhereInput) => tx.document.findFirst({ where });
  return changeAllowedRow(db, ability, { model: 'Document', id: documentId, rule: 'update', read }, async (tx, document) => {
    if (!canMoveDocument(document.state, move)) throw moveRefused(move, document.state);
    if (move === 'submitForReview' && !(await tx.documentRevision.count({ where: { documentId } }))) throw moveRefused(move, 'EMPTY');
    return tx.document.update({ where: { id: documentId }, data: { state: DOCUMENT_MOVES[move].to } });
  });
}
