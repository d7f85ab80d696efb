// Every importable model, by ImportRun.kind.
import type { ImportDefinition } from '../import-definition.js';
import { assetsImport } from './assets.import.js';
import { locationsImport } from './locations.import.js';
import { maintenanceSchedulesImport } from './maintenance-schedules.import.js';
import { measurementPointsImport } from './measurement-points.import.js';
import { readingsImport } from './readings.import.js';

export const IMPORT_DEFINITIONS: ImportDefinition[] = [locationsImport, assetsImport, measurementPointsImport, maintenanceSchedulesImport, readingsImport];

export function importDefinition(kind: string): ImportDefinition | undefined {
  return IMPORT_DEFINITIONS.find((definition) => definition.kind === kind);
}

export function importDefinitionOf(model: string): ImportDefinition | undefined {
  return IMPORT_DEFINITIONS.find((definition) => definition.model === model);
}
