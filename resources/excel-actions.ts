// "Importar desde Excel" and "Exportar a Excel" on every list that has an import declaration
// (domain/imports/definitions): defineResource adds them, so a new importable model needs no copy here.
import type { Action, ActionResponse } from 'adminjs';
import type { Prisma } from '@prisma/client';
import { allowedTo } from '../admin/access.js';
import { Components } from '../admin/component-loader.js';
import { importDefinitionOf } from '../domain/imports/definitions/index.js';

export function excelActions(model: Prisma.ModelName): Record<string, Partial<Action<ActionResponse>>> {
  const definition = importDefinitionOf(model);
  if (!definition) return {};
  return {
    importXlsx: {
      actionType: 'resource',
      icon: 'Upload',
      component: Components.ImportWorkbook,
      isAccessible: allowedTo('import', model),
      custom: { kind: definition.kind },
      handler: async () => ({}),
    },
    exportXlsx: {
      actionType: 'resource',
      icon: 'Download',
      component: Components.ExportList,
      isAccessible: allowedTo('export', model),
      handler: async () => ({}),
    },
  };
}
