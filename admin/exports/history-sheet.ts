// The global change history as the list shows it, newest first, with each entry's before and after.
import type { Language } from '../locales/render.js';
import { instantCell, numberCell, textCell } from './cells.js';
import { sheetNameOf, type ExportSheet, type SheetColumn } from './sheet.js';
import { resourceTexts } from './translations.js';

export function historySheet(language: Language): ExportSheet {
  const headers = resourceTexts(language, 'ChangeHistory').properties ?? {};
  const column = (field: string, column: string, width: number, cell: SheetColumn['cell'], format: SheetColumn['format'] = 'text'): SheetColumn => ({
    header: field === 'ip' ? 'IP' : (headers[field] ?? field),
    width,
    format,
    source: { column },
    cell,
  });
  return {
    fileName: language === 'en' ? 'history' : 'historial',
    sheetName: sheetNameOf(language === 'en' ? 'History' : 'Historial'),
    model: 'ChangeHistory',
    table: 'change_history_entries',
    order: 'desc',
    columns: [
      column('changedAt', 'changed_at', 22, instantCell, 'datetime'),
      column('tableName', 'table_name', 22, textCell),
      column('recordId', 'record_id', 12, numberCell),
      column('action', 'action', 10, textCell),
      column('actorLabel', 'actor_label', 34, textCell),
      column('requestId', 'request_id', 38, textCell),
      column('ip', 'ip', 16, textCell),
      { header: language === 'en' ? 'Before' : 'Antes', width: 60, format: 'text', source: { column: 'changes' }, cell: sideOf('before') },
      { header: language === 'en' ? 'After' : 'Después', width: 60, format: 'text', source: { column: 'changes' }, cell: sideOf('after') },
    ],
  };
}

/** One side of an entry's changes as JSON, empty when that side has no fields (an insert has no "before"). */
function sideOf(side: 'before' | 'after') {
  return (changes: unknown) => {
    const values = (changes as Record<string, unknown> | null)?.[side];
    return values && typeof values === 'object' && Object.keys(values).length ? JSON.stringify(values) : '';
  };
}
