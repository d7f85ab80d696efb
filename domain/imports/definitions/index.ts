// Every importable model, by ImportRun.kind, in the order a first migration imports them: each kind
// after the kinds it names (the migration page lists them in this order).
import type { ImportDefinition } from '../import-definition.js';
import { assetCategoriesImport } from './asset-categories.import.js';
import { assetsImport } from './assets.import.js';
import { calendarHolidaysImport } from './calendar-holidays.import.js';
import { failureCodesImport } from './failure-codes.import.js';
import { frequenciesImport } from './frequencies.import.js';
import { locationsImport } from './locations.import.js';
import { maintenanceSchedulesImport } from './maintenance-schedules.import.js';
import { maintenanceTypesImport } from './maintenance-types.import.js';
import { measurementPointsImport } from './measurement-points.import.js';
import { procedureStepsImport } from './procedure-steps.import.js';
import { proceduresImport } from './procedures.import.js';
import { readingsImport } from './readings.import.js';
import { routinesImport } from './routines.import.js';
import { techniciansImport } from './technicians.import.js';
import { usersImport } from './users.import.js';
import { workCalendarsImport } from './work-calendars.import.js';
import { binsImport } from './bins.import.js';
import { materialsImport } from './materials.import.js';
import { vendorsImport } from './vendors.import.js';
import { warehousesImport } from './warehouses.import.js';
import { budgetLinesImport } from './budget-lines.import.js';

export const IMPORT_DEFINITIONS: ImportDefinition[] = [
  usersImport,
  techniciansImport,
  locationsImport,
  assetCategoriesImport,
  assetsImport,
  measurementPointsImport,
  readingsImport,
  maintenanceTypesImport,
  frequenciesImport,
  proceduresImport,
  procedureStepsImport,
  routinesImport,
  workCalendarsImport,
  calendarHolidaysImport,
  maintenanceSchedulesImport,
  failureCodesImport,
  // inventory
  vendorsImport,
  materialsImport,
  warehousesImport,
  binsImport,
  // budgets (issue 20): a budget line per row, with its budget and months (after locations)
  budgetLinesImport,
];

export function importDefinition(kind: string): ImportDefinition | undefined {
  return IMPORT_DEFINITIONS.find((definition) => definition.kind === kind);
}

export function importDefinitionOf(model: string): ImportDefinition | undefined {
  return IMPORT_DEFINITIONS.find((definition) => definition.model === model);
}

/** The kinds a kind's rows name (its references to other kinds), for the migration order. */
export function importDependencies(definition: ImportDefinition): ImportDefinition[] {
  const tables = new Set(definition.columns.flatMap((column) => (column.reference && !column.reference.self ? [column.reference.table] : [])));
  return IMPORT_DEFINITIONS.filter((other) => other !== definition && tables.has(other.table));
}
