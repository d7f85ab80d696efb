-- A password change or reset, a deactivation and a change of group end the person's other sessions at
-- once, whatever writes them (the user form, an import, plain SQL). The session making the change
-- (cmms.session_id, set with the actor of every write, prisma/actor.ts) is kept, so a person
-- changing his own password stays signed in there. Sessions are express-session's rows (connect-pg-simple);
-- the signed-in person's id is in sess.adminUser.id.

CREATE INDEX "session_user_idx" ON "session" (((sess -> 'adminUser') ->> 'id'));

CREATE FUNCTION cmms_end_sessions_of(user_ids integer[]) RETURNS void LANGUAGE sql AS $$
  DELETE FROM "session"
   WHERE ((sess -> 'adminUser') ->> 'id') = ANY (SELECT id::text FROM unnest(user_ids) AS id)
     AND sid IS DISTINCT FROM nullif(current_setting('cmms.session_id', true), '');
$$;

CREATE FUNCTION cmms_end_sessions_on_account_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM cmms_end_sessions_of(ARRAY[NEW.id]);
  RETURN NULL;
END $$;

CREATE TRIGGER users_end_sessions AFTER UPDATE OF password_hash, is_active ON "users"
  FOR EACH ROW WHEN (OLD.password_hash IS DISTINCT FROM NEW.password_hash OR (OLD.is_active AND NOT NEW.is_active))
  EXECUTE FUNCTION cmms_end_sessions_on_account_change();

CREATE FUNCTION cmms_end_sessions_on_group_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM cmms_end_sessions_of(ARRAY(SELECT DISTINCT user_id FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM cmms_end_sessions_of(ARRAY(SELECT DISTINCT user_id FROM old_rows));
  ELSE
    PERFORM cmms_end_sessions_of(ARRAY(SELECT user_id FROM new_rows UNION SELECT user_id FROM old_rows));
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER user_groups_end_sessions_insert AFTER INSERT ON "user_groups"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION cmms_end_sessions_on_group_change();
CREATE TRIGGER user_groups_end_sessions_delete AFTER DELETE ON "user_groups"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION cmms_end_sessions_on_group_change();
CREATE TRIGGER user_groups_end_sessions_update AFTER UPDATE ON "user_groups"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION cmms_end_sessions_on_group_change();
