// Turns what PostgreSQL refuses (unique keys, CHECKs, tree cycles, references on delete) into AdminJS
// ValidationErrors: a message key next to the field, translated in admin/locales.
import { ValidationError } from 'adminjs';
import type { DMMF } from '@prisma/generator-helper';

type DriverCause = { code?: string; originalCode?: string; originalMessage?: string; detail?: string; constraint?: { fields?: string[] } };

function driverCause(error: unknown): DriverCause | undefined {
  const e = error as { code?: string; meta?: { driverAdapterError?: { cause?: DriverCause } }; cause?: DriverCause };
  return e?.meta?.driverAdapterError?.cause ?? e?.cause;
}

/** Which form field a constraint speaks about, when its name alone does not say it. */
const CONSTRAINT_FIELDS: Record<string, string> = {
  locations_no_cycle: 'parent',
  maintenance_types_no_cycle: 'parent',
  failure_codes_no_cycle: 'parent',
  assets_no_cycle: 'parentAsset',
  measurement_points_limits_check: 'maxValue',
  procedure_steps_limits_check: 'maxValue',
  maintenance_schedules_window_check: 'endsOn',
  frequencies_interval_check: 'calendarInterval',
  work_calendars_hours_check: 'dayEnd',
  work_calendars_days_check: 'workingDays',
  user_profiles_not_own_manager_check: 'directManager',
  failure_codes_kind_check: 'parent',
  // projects and service contracts (issue 24)
  project_task_dependencies_acyclic: 'dependsOn',
  project_task_dependencies_same_project: 'dependsOn',
  project_task_dependencies_self_check: 'dependsOn',
  project_tasks_project_check: 'project',
  projects_dates_check: 'endsOn',
  project_tasks_dates_check: 'endsOn',
  service_contracts_dates_check: 'endsOn',
  service_contracts_hours_check: 'resolutionHours',
  // goods receipts (issue 20): a line for stock names its material and its warehouse
  requisition_items_stock_check: 'warehouse',
};

// AdminJS judges a saved record by its field errors only: a refusal about no field in particular (a
// missing reference, a trigger's rule) is filed under this key too, or "new" would report success.
const WHOLE_RECORD = '_record';
const refusal = (errors: Record<string, { message: string; type: string }>, message: string, type: string) =>
  new ValidationError(Object.keys(errors).length ? errors : { [WHOLE_RECORD]: { message, type } }, { message, type });

export function translateDatabaseError(error: unknown, model: DMMF.Model): ValidationError | undefined {
  const cause = driverCause(error);
  const code = cause?.originalCode ?? cause?.code;
  if (!code) return undefined;
  const message = cause?.originalMessage ?? '';

  if (code === '23505') {
    const fields = cause?.constraint?.fields ?? [/Key \(([^)]+)\)/.exec(cause?.detail ?? '')?.[1] ?? ''];
    const errors = Object.fromEntries(fields.filter(Boolean).map((f) => [propertyFor(model, f), { message: 'uniqueViolation', type: 'unique' }]));
    return refusal(errors, 'uniqueViolation', 'unique');
  }
  if (code === '23503' || code === '23001') {
    // On delete: "... on table "assets""; on save: the referenced record does not exist.
    const referencing = /on table "([^"]+)"\s*$/.exec(message)?.[1];
    const key = referencing && message.includes('update or delete') ? `referencedBy_${referencing}` : 'referenceMissing';
    return refusal({}, key, 'reference');
  }
  if (code === '23514' || code === '23502') {
    const constraint = /constraint "([^"]+)"/.exec(message)?.[1] ?? '';
    const column = /column "([^"]+)"/.exec(message)?.[1];
    const field = CONSTRAINT_FIELDS[constraint] ?? fieldOfCheck(model, constraint) ?? (column && propertyFor(model, column));
    const key = code === '23502' ? 'required' : constraint.endsWith('_no_cycle') ? 'treeCycle' : `constraint_${constraint}`;
    return refusal(field ? { [field]: { message: key, type: 'check' } } : {}, key, 'check');
  }
  // Data exceptions (text too long, number out of range, a NUL byte, a malformed value): the form's
  // checks (input-checks.ts) catch these first; this keeps any that slip through a field error, not a 500.
  if (code.startsWith('22')) {
    const column = /column "([^"]+)"/.exec(message)?.[1];
    return refusal(column ? { [propertyFor(model, column)]: { message: 'invalidValue', type: 'malformed' } } : {}, 'invalidValue', 'malformed');
  }
  return undefined;
}

/** "assets_criticality_check" -> "criticality" when the model has such a field. */
function fieldOfCheck(model: DMMF.Model, constraint: string): string | undefined {
  const table = model.dbName ?? model.name;
  const column = constraint.startsWith(`${table}_`) ? constraint.slice(table.length + 1).replace(/_check$/, '') : '';
  return column ? propertyFor(model, column) : undefined;
}

/** A column or scalar field name -> the AdminJS property path (the relation for a foreign key). */
function propertyFor(model: DMMF.Model, columnOrField: string): string {
  const scalar = model.fields.find((f) => f.dbName === columnOrField || f.name === columnOrField);
  const name = scalar?.name ?? columnOrField;
  const relation = model.fields.find((f) => f.relationFromFields?.includes(name));
  return relation?.name ?? name;
}
