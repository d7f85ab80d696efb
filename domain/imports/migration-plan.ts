// The migration page: the import kinds a person may run, in the order a first migration imports them
// (each after the kinds its rows name), with the kinds it depends on and its last import.
import { accessibleWhere, type AppAbility } from '../access/abilities.js';
import type { Db } from '../../prisma/client.js';
import { IMPORT_DEFINITIONS, importDependencies } from './definitions/index.js';

export interface MigrationStep {
  kind: string;
  model: string;
  dependsOn: string[];
  lastRun: {
    id: number;
    state: string;
    finishedAt: Date | null;
    createdAt: Date;
    rowsNew: number;
    rowsChanged: number;
    rowsUnchanged: number;
    rowsRejected: number;
  } | null;
}

export async function migrationPlan(prisma: Db, ability: AppAbility, userId: number): Promise<MigrationStep[]> {
  // His own runs, and those the rules let him read.
  const readable = accessibleWhere(ability, 'read', 'ImportRun');
  const visible = readable ? { OR: [{ userId }, readable] } : { userId };
  const steps: MigrationStep[] = [];
  for (const definition of IMPORT_DEFINITIONS) {
    if (!ability.can('import', definition.model)) continue;
    const lastRun = await prisma.importRun.findFirst({
      where: { AND: [visible, { kind: definition.kind, preview: false }] },
      orderBy: { id: 'desc' },
      select: { id: true, state: true, finishedAt: true, createdAt: true, rowsNew: true, rowsChanged: true, rowsUnchanged: true, rowsRejected: true },
    });
    steps.push({ kind: definition.kind, model: definition.model, dependsOn: importDependencies(definition).map((d) => d.model), lastRun });
  }
  return steps;
}
