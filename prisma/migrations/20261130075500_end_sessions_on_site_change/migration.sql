-- A change of a person's sites (the location subtrees he is scoped to) ends his other sessions at once,
-- like a change of group (20261130070000_end_sessions_on_account_change): his rights are re-read on every
-- request anyway, and an open session must not outlive the scope it was opened with.
CREATE TRIGGER user_sites_end_sessions_insert AFTER INSERT ON "user_sites"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION cmms_end_sessions_on_group_change();
CREATE TRIGGER user_sites_end_sessions_delete AFTER DELETE ON "user_sites"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION cmms_end_sessions_on_group_change();
CREATE TRIGGER user_sites_end_sessions_update AFTER UPDATE ON "user_sites"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION cmms_end_sessions_on_group_change();
