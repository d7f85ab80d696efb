// "Importar desde Excel" on every list that has an import declaration (domain/imports/definitions), and
// "Exportar a Excel" on every list of the plant: defineResource adds them, so a new model needs no copy.
import type { Action, ActionResponse } from 'adminjs';
import { Prisma } from '@prisma/client';
import { allowedTo } from '../admin/access.js';
import { Components } from '../admin/component-loader.js';
import { importDefinitionOf } from '../domain/imports/definitions/index.js';

// Lists whose rows leave as Excel: every model but people, groups, sessions and the change history
// (which has its own export with before/after columns).
export const EXPORTABLE_MODELS = Object.values(Prisma.ModelName).filter((name) => !['User', 'Group', 'UserGroup', 'UserProfile', 'Session', 'LoginThrottle', 'ChangeHistory'].includes(name));

const exportXlsx = (model: Prisma.ModelName): Partial<Action<ActionResponse>> => ({
  actionType: 'resource',
  icon: 'Download',
  component: Components.ExportList,
  isAccessible: allowedTo('export', model),
  handler: async () => ({}),
});

export function excelActions(model: Prisma.ModelName): Record<string, Partial<Action<ActionResponse>>> {
  const definition = importDefinitionOf(model);
  if (!definition) return (EXPORTABLE_MODELS as readonly string[]).includes(model) ? { exportXlsx: exportXlsx(model) } : {};
  return {
    importXlsx: {
      actionType: 'resource',
      icon: 'Upload',
      component: Components.ImportWorkbook,
      isAccessible: allowedTo('import', model),
      custom: { kind: definition.kind, canCreateMissing: definition.columns.some((column) => column.reference?.createMissing) },
      handler: async () => ({}),
    },
    // People are imported (without passwords) but not exported.
    ...((EXPORTABLE_MODELS as readonly string[]).includes(model) ? { exportXlsx: exportXlsx(model) } : {}),
  };
}
