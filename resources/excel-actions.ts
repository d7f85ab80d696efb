// "Importar desde Excel" on every list that has an import declaration (domain/imports/definitions), and
// "Exportar a Excel" on every list of the plant: defineResource adds them, so a new model needs no copy.
import type { Action, ActionResponse } from 'adminjs';
import type { Prisma } from '@prisma/client';
import { allowedTo } from '../admin/access.js';
import { Components } from '../admin/component-loader.js';
import { isExportable } from '../admin/exports/exportable-models.js';
import { importDefinitionOf } from '../domain/imports/definitions/index.js';

const exportXlsx = (model: Prisma.ModelName): Partial<Action<ActionResponse>> => ({
  actionType: 'resource',
  icon: 'Download',
  component: Components.ExportList,
  // In a drawer over the list, so the list's filters stay in the address the export button reads.
  showInDrawer: true,
  isAccessible: allowedTo('export', model),
  handler: async () => ({}),
});

export function excelActions(model: Prisma.ModelName): Record<string, Partial<Action<ActionResponse>>> {
  const definition = importDefinitionOf(model);
  if (!definition) return isExportable(model) ? { exportXlsx: exportXlsx(model) } : {};
  return {
    importXlsx: {
      actionType: 'resource',
      icon: 'Upload',
      component: Components.ImportWorkbook,
      isAccessible: allowedTo('import', model),
      custom: { kind: definition.kind, canCreateMissing: definition.columns.some((column) => column.reference?.createMissing) },
      handler: async () => ({}),
    },
    ...(isExportable(model) ? { exportXlsx: exportXlsx(model) } : {}),
  };
}
