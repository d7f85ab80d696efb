// A list exported as it reads on screen: the columns the list shows, headed by their labels, references
// by their title (an asset's code, a technician's name), closed values by their label, all in the
// viewer's language.
import type { BaseResource } from 'adminjs';
import type { DMMF } from '@prisma/generator-helper';
import type { Prisma } from '@prisma/client';
import { vocabularyOf } from '../../domain/vocabularies.js';
import { DERIVED_REFERENCES, TITLE_FIELDS } from '../adapter/model-settings.js';
import { getFullModel } from '../dmmf.js';
import { renderMessage, type Language } from '../locales/render.js';
import { booleanCell, dateCell, labelCell, numberCell, textCell, wallClockCell } from './cells.js';
import { sheetNameOf, type ExportSheet, type Join, type SheetColumn } from './sheet.js';
import { resourceLabel, resourceTexts } from './translations.js';

export function listSheet(resource: BaseResource, model: Prisma.ModelName, language: Language): ExportSheet {
  const fullModel = getFullModel(model);
  const texts = resourceTexts(language, model);
  const columns: SheetColumn[] = [];
  for (const property of resource.decorate().getProperties({ where: 'list' })) {
    const name = property.propertyPath;
    const header = texts.properties?.[name] ?? name;
    const field = fullModel.fields.find((f) => f.name === name);
    const path = field?.kind === 'object' ? [name] : !field ? DERIVED_REFERENCES[model]?.[name] : undefined;
    if (path) {
      const reference = referenceSource(fullModel, path);
      if (reference) columns.push({ header, width: 28, format: 'text', source: reference, cell: textCell });
    } else if (field && field.kind !== 'object') {
      columns.push(scalarColumn(model, field, header, language, texts.labels?.[name] ?? {}));
    }
    // Anything else (a related list shown on the page, a virtual filter) has no value of its own to export.
  }
  const label = resourceLabel(language, model);
  return { fileName: label, sheetName: sheetNameOf(label), model, table: fullModel.dbName ?? fullModel.name, order: 'asc', columns };
}

function scalarColumn(model: string, field: DMMF.Field, header: string, language: Language, labels: Record<string, string>): SheetColumn {
  const source = { column: field.dbName ?? field.name };
  if (vocabularyOf(model, field.name)) return { header, width: 18, format: 'text', source, cell: labelCell(labels) };
  switch (field.type) {
    case 'DateTime':
      return field.nativeType?.[0] === 'Date'
        ? { header, width: 14, format: 'date', source, cell: dateCell }
        : { header, width: 18, format: 'datetime', source: { ...source, wallClock: true }, cell: wallClockCell };
    case 'Int':
    case 'Float':
    case 'Decimal':
    case 'BigInt':
      return { header, width: 12, format: 'number', source, cell: numberCell };
    case 'Boolean':
      return { header, width: 10, format: 'text', source, cell: booleanCell(renderMessage(language, 'exportYes'), renderMessage(language, 'exportNo')) };
    default:
      return { header, width: field.type === 'String' ? 40 : 24, format: 'text', source, cell: textCell };
  }
}

/** The title of the row reached through `path` (relation fields, from the exported model). */
function referenceSource(model: DMMF.Model, path: string[]): { column: string; joins: Join[] } | null {
  const joins: Join[] = [];
  let current = model;
  for (const name of path) {
    const relation = current.fields.find((f) => f.name === name && f.kind === 'object');
    const foreignKey = relation?.relationFromFields?.[0];
    if (!relation || !foreignKey || relation.relationFromFields!.length !== 1) return null;
    const keyField = current.fields.find((f) => f.name === foreignKey)!;
    current = getFullModel(relation.type);
    joins.push({ table: current.dbName ?? current.name, foreignKey: keyField.dbName ?? keyField.name });
  }
  const titleName = TITLE_FIELDS[current.name] ?? (current.fields.some((f) => f.name === 'name') ? 'name' : 'id');
  const title = current.fields.find((f) => f.name === titleName)!;
  return { column: title.dbName ?? title.name, joins };
}
