-- The entries of deleted records, by table and record. A viewer who reads a table under row conditions
-- (a user scoped to sites) sees the history of a deleted row when the row, as its DELETE entry recorded
-- it, lies where he may read (admin/history/visible-history.ts). Without this index each table's check
-- walked the whole of change_history_record for its few DELETE entries: on a 220 000-entry history,
-- most of a scoped supervisor's history count. Partial, so inserts and updates (nearly every entry)
-- pay nothing for it.
CREATE INDEX change_history_deleted ON change_history (table_name, record_id) WHERE action = 'DELETE';
