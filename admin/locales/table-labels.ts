// The change history names a table as its list does ("Órdenes de trabajo", not work_orders).
import { AUDITED_TABLES } from '../../domain/history/audited-tables.js';
import { modelOfTable } from '../dmmf.js';

export function tableLabels(labels: Record<string, string>): Record<string, string> {
  return Object.fromEntries(AUDITED_TABLES.map((table) => [table, labels[modelOfTable(table)?.name ?? ''] ?? table]));
}
