// The buttons of a project: Iniciar, Poner en espera, Reanudar, Completar, Cancelar (one click, the last
// two confirmed). Each runs domain/projects/project-lifecycle.ts on POST only, which checks the rule on the
// row and the state.
import type { Action, ActionResponse } from 'adminjs';
import { canMoveProject, moveProject, type ProjectMove } from '../../domain/projects/project-lifecycle.js';
import type { Db } from '../../prisma/client.js';
import { recordAction } from '../record-action.js';

const BUTTONS = {
  startProject: { move: 'start', icon: 'Play' },
  holdProject: { move: 'hold', icon: 'Pause' },
  resumeProject: { move: 'resume', icon: 'Play' },
  completeProject: { move: 'complete', icon: 'CheckCircle' },
  cancelProject: { move: 'cancel', icon: 'XCircle' },
} as const satisfies Record<string, { move: ProjectMove; icon: string }>;

export function projectLifecycleActions(prisma: Db): Record<keyof typeof BUTTONS, Partial<Action<ActionResponse>>> {
  const button = ({ move, icon }: { move: ProjectMove; icon: string }) =>
    recordAction({
      rule: [move, 'Project'],
      icon,
      guard: move === 'complete' || move === 'cancel' ? `confirmProject_${move}` : undefined,
      shownIn: (state) => canMoveProject(state, move),
      run: ({ id, ability }) => moveProject(prisma, ability, id, move),
      success: `projectMoved_${move}`,
    });
  return Object.fromEntries(Object.entries(BUTTONS).map(([name, spec]) => [name, button(spec)])) as Record<keyof typeof BUTTONS, Partial<Action<ActionResponse>>>;
}
