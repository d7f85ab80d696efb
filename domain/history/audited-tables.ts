// The tables whose every write is recorded (their triggers: migration *_change_history, then
// cmms_record_history_of in later migrations). test/migrations.test.ts checks this list against the database.
export const AUDITED_TABLES = [
  'users', 'groups', 'user_groups', 'user_sites', 'user_profiles', 'locations', 'asset_categories', 'assets', 'import_runs',
  'measurement_points', 'readings', 'maintenance_types', 'frequencies', 'procedures', 'procedure_steps',
  'routines', 'work_calendars', 'calendar_holidays', 'maintenance_schedules', 'work_requests', 'technicians',
  'work_orders', 'work_order_shares', 'work_order_step_values', 'failure_codes', 'work_order_closures',
  'work_order_materials', 'work_order_completions', 'import_mappings',
  // documents
  'documents', 'document_revisions', 'revision_signers', 'document_signatures', 'signature_audits',
  // budgets and call center
  'requisitions', 'requisition_items', 'tickets',
] as const;

// Every other table, and why its writes are not business history. A new table must join one of the two
// lists (test/migrations.test.ts fails otherwise), so none is left out of the history by forgetting it.
export const UNRECORDED_TABLES: Record<string, string> = {
  _prisma_migrations: 'migration bookkeeping',
  change_history: 'the history itself (append-only)',
  change_history_layouts: "the columns the history's entries are stored in (append-only)",
  document_chunks: "passages of a recorded revision's text, rebuilt from its file by the indexing job",
  document_counters: 'the next document number; the numbered document is recorded',
  work_order_counters: 'the next work-order number; the numbered order is recorded',
  import_run_errors: "an import's rejected rows, kept for its error report; the import run is recorded",
  kpi_snapshots: 'figures derived from recorded data, recomputed every 10 minutes',
  login_throttle: 'failed sign-in counters (security bookkeeping, no business data)',
  session: 'signed-in sessions (secrets)',
};
