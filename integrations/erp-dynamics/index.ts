// The ERP the settings name: Dynamics 365, or none (the module is off and its pages say so).
import { dynamicsErp } from './dynamics.erp.js';
import type { ErpSystem } from './erp.js';
import type { DynamicsSettings } from './settings.js';

export function createErp(settings: DynamicsSettings | null): ErpSystem | null {
  return settings ? dynamicsErp(settings) : null;
}

export type { DynamicsSettings } from './settings.js';
export { DYNAMICS_DEFAULTS } from './settings.js';
export * from './erp.js';
