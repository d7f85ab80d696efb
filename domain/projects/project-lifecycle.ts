// The moves of a project: PLANNED → IN_PROGRESS ⇄ ON_HOLD → COMPLETED, or CANCELLED before it is completed.
// Each move is its own rule (domain/access/abilities.ts), checked on the row in one transaction with the
// project locked, so two clicks at once take turns; a form never writes the state (WORKFLOW_FIELDS).
import type { Prisma } from '@prisma/client';
import type { AppAbility } from '../access/abilities.js';
import { changeAllowedRow } from '../access/allowed-row.js';
import { Refusal } from '../refusal.js';
import type { VOCABULARIES } from '../vocabularies.js';
import type { Db } from '../../prisma/client.js';

export type ProjectState = (typeof VOCABULARIES.Project.state)[number];

export const PROJECT_MOVES = {
  start: { from: ['PLANNED'], to: 'IN_PROGRESS' },
  hold: { from: ['IN_PROGRESS'], to: 'ON_HOLD' },
  resume: { from: ['ON_HOLD'], to: 'IN_PROGRESS' },
  complete: { from: ['IN_PROGRESS'], to: 'COMPLETED' },
  cancel: { from: ['PLANNED', 'IN_PROGRESS', 'ON_HOLD'], to: 'CANCELLED' },
} as const satisfies Record<string, { from: readonly ProjectState[]; to: ProjectState }>;

export type ProjectMove = keyof typeof PROJECT_MOVES;

export function canMoveProject(state: string, move: ProjectMove): boolean {
  return (PROJECT_MOVES[move].from as readonly string[]).includes(state);
}

export async function moveProject(db: Db, ability: AppAbility, projectId: number, move: ProjectMove) {
  const read = (tx: Prisma.TransactionClient, where: Prisma.ProjectWhereInput) => tx.project.findFirst({ where });
  return changeAllowedRow(db, ability, { model: 'Project', id: projectId, rule: move, read }, async (tx, project) => {
    if (!canMoveProject(project.state, move)) throw new Refusal('projectRefused_wrongState', {}, { field: 'state' });
    return tx.project.update({ where: { id: projectId }, data: { state: PROJECT_MOVES[move].to } });
  });
}
