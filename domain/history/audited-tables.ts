// The tables whose every write is recorded (their triggers: migration *_change_history, then
// cmms_record_history_of in later migrations). test/migrations.test.ts checks this list against the database.
export const AUDITED_TABLES = [
  'users', 'groups', 'user_groups', 'user_profiles', 'locations', 'asset_categories', 'assets', 'import_runs',
  'measurement_points', 'readings', 'maintenance_types', 'frequencies', 'procedures', 'procedure_steps',
  'routines', 'work_calendars', 'calendar_holidays', 'maintenance_schedules', 'work_requests', 'technicians',
  'work_orders', 'work_order_shares', 'work_order_step_values', 'failure_codes', 'work_order_closures',
  'work_order_materials',
  // documents
  'documents', 'document_revisions', 'revision_signers', 'document_signatures', 'signature_audits',
  // budgets and call center
  'requisitions', 'requisition_items', 'tickets',
] as const;
