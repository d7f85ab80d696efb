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
  // budgets: the ERP sync (issue 20)
  'erp_sync_conflicts',
  // budgets: budgets, lines, monthly amounts (every revision) and actual postings (issue 20)
  'budgets', 'budget_lines', 'budget_line_months', 'budget_actuals',
  // budgets: the signed steps of requisition approvals (issue 20)
  'requisition_approvals',
  // budgets: the module's settings (the overdraft tolerance)
  'budget_settings',
  // budgets: goods received against requisitions (issue 20)
  'goods_receipts',
  // jobs monitor: what administrators did to background jobs
  'job_interventions',
  // notifications: a person's choices
  'notification_preferences', 'notification_contacts',
  // call centre
  'ticket_notes', 'ticket_slas',
  // inventory (the stock ledger and levels are below: the ledger is its own history)
  'vendors', 'materials', 'warehouses', 'bins', 'reservations', 'routine_materials',
  // journeys (issue 16): notes on orders
  'work_order_notes',
  // safety (issue 23): the catalogues, permits, their isolations, gas tests and signatures
  'permit_kinds', 'isolation_points', 'permit_requirements', 'work_permits', 'permit_isolations', 'permit_gas_tests', 'permit_signatures',
  // health (issue 25): assets' stops
  'downtime_events',
  // safety and audits (issue 23): incidents, hours worked, audits, findings, evidence, corrective actions
  'safety_incidents', 'safety_hours_worked', 'audit_checklists', 'audits', 'audit_findings', 'audit_evidence', 'corrective_actions',
  // energy (issue 25): each site's monthly production, and the tokens of outside systems (created, revoked)
  'site_productions', 'integration_tokens',
  // projects and service contracts (issue 24)
  'projects', 'project_tasks', 'project_task_dependencies', 'service_contracts', 'service_contract_assets', 'service_contract_locations',
  // templates and the QR request portal (issue 24)
  'templates', 'asset_portal_links',
  // transmittals (issue 24): contacts, transmittals, what they send, to whom, and the acknowledgements
  'external_contacts', 'transmittals', 'transmittal_documents', 'transmittal_recipients', 'transmittal_acknowledgements',
] as const;

// Every other table, and why its writes are not business history. A new table must join one of the two
// lists (test/migrations.test.ts fails otherwise), so none is left out of the history by forgetting it.
export const UNRECORDED_TABLES: Record<string, string> = {
  _prisma_migrations: 'migration bookkeeping',
  change_history: 'the history itself (append-only)',
  change_history_layouts: "the columns the history's entries are stored in (append-only)",
  document_chunks: "passages of a recorded revision's text, rebuilt from its file by the indexing job",
  // issue 22, bounded ranking
  document_chunk_search: 'the words of each passage to search, kept from document_chunks by a trigger',
  document_counters: 'the next document number; the numbered document is recorded',
  work_order_counters: 'the next work-order number; the numbered order is recorded',
  record_counters: 'the next incident, audit and corrective-action numbers; the numbered records are recorded',
  import_run_errors: "an import's rejected rows, kept for its error report; the import run is recorded",
  kpi_snapshots: 'figures derived from recorded data, recomputed every 10 minutes',
  login_throttle: 'failed sign-in counters (security bookkeeping, no business data)',
  session: 'signed-in sessions (secrets)',
  erp_sync_runs: "the ERP sync job's own log; what a run changes on requisitions is recorded there",
  budget_summaries: 'figures derived by trigger from recorded budget months, requisitions and actual postings',
  // notifications
  notifications: "what each person was told (a log written by the notification triggers, kept 90 days); the records it is about are recorded",
  notification_deliveries: 'the delivery log of e-mail, Telegram and webhook sends (kept 90 days)',
  reorder_alerts: "the reorder sweep's bookkeeping of which falls to the reorder point it told (written by its job only); the draft requisition it prepares is recorded",
  sig_sync_runs: "the SIG scrape's own log of its runs (each ticket it creates is recorded)",
  stock_movements: 'the stock ledger: append-only (UPDATE and DELETE refused), each movement records who and when itself',
  stock_levels: 'kept by the database from the stock ledger in the same transaction, and rebuilt from it',
  // QR request portal (issue 24)
  portal_throttle: "the portal's rate-limit counters per IP and per asset (security bookkeeping, no business data)",
  // transmittals (issue 24)
  transmittal_counters: 'the next transmittal number; the numbered transmittal is recorded',
  // health (issue 25): what the 06:00 job derives from recorded orders, stops and readings, replaced daily
  category_reliability: "each category's failure model, fitted again every day from the recorded orders",
  asset_health: "each asset's risk and health score, derived again every day from recorded data",
  point_trends: "each measurement point's reading trend, derived again every day (the work request it raises is recorded)",
  health_assessments: "the 06:00 job's log of the days it assessed (its idempotence), no business data",
};

// Tables only databases with pgvector have (migration *_semantic_search); unrecorded where they exist.
export const OPTIONAL_UNRECORDED_TABLES: Record<string, string> = {
  document_chunk_embeddings: "vectors of the passages, computed again from them by the embeddings job; derived data, no business history",
};
