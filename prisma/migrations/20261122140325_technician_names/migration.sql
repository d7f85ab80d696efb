-- AlterTable
ALTER TABLE "technicians" ADD COLUMN     "name" VARCHAR(150) NOT NULL DEFAULT '';


-- Hand-written: a technician carries his user's name, so lists and reference selects can show and
-- sort technicians by name without reading users (which only administrators may).
CREATE FUNCTION cmms_technician_name() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.name := (SELECT name FROM users WHERE id = NEW.user_id);
  RETURN NEW;
END $$;
CREATE TRIGGER "technicians_name" BEFORE INSERT OR UPDATE OF "user_id" ON "technicians"
  FOR EACH ROW EXECUTE FUNCTION cmms_technician_name();

CREATE FUNCTION cmms_user_name_to_technician() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE technicians SET name = NEW.name WHERE user_id = NEW.id AND name IS DISTINCT FROM NEW.name;
  RETURN NULL;
END $$;
CREATE TRIGGER "users_name_to_technician" AFTER UPDATE OF "name" ON "users"
  FOR EACH ROW EXECUTE FUNCTION cmms_user_name_to_technician();

UPDATE technicians t SET name = u.name FROM users u WHERE u.id = t.user_id;
