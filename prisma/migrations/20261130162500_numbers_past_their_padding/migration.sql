-- Hand-written: PostgreSQL's lpad() cuts a longer string down to its length, so the 10 000th document of a
-- year became DOC-2026-1000 again (a unique violation: no document could be added that year), and so
-- would the millionth ticket, requisition or the 100 000th permit of a year. Numbers are padded to at least
-- their width now and grow past it, as work orders' already do (cmms_work_order_number); transmittals'
-- TRM-YYYY-NNNN had the same cut.
-- And the year's counter is seeded from the highest number already given only when the year has no
-- counter yet: the seeding query ran for every inserted row and read every number of the year, so adding
-- documents in bulk grew with the square of the count (100 000 documents: over ten minutes).
CREATE OR REPLACE FUNCTION cmms_assign_document_code() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  document_year int := extract(year FROM coalesce(NEW.created_at, now()))::int;
  assigned int;
BEGIN
  IF NEW.code IS NOT NULL AND NEW.code <> '' THEN RETURN NEW; END IF;
  UPDATE document_counters SET last_number = last_number + 1 WHERE year = document_year RETURNING last_number INTO assigned;
  IF NOT FOUND THEN
    INSERT INTO document_counters (year, last_number)
      SELECT document_year, coalesce(max(substr(code, 10)::int), 0) FROM documents WHERE code LIKE 'DOC-' || document_year || '-%'
      ON CONFLICT (year) DO NOTHING;
    UPDATE document_counters SET last_number = last_number + 1 WHERE year = document_year RETURNING last_number INTO assigned;
  END IF;
  NEW.code := 'DOC-' || document_year || '-' || lpad(assigned::text, greatest(4, length(assigned::text)), '0');
  RETURN NEW;
END $$;

CREATE OR REPLACE FUNCTION cmms_assign_transmittal_number() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  transmittal_year int := extract(year FROM coalesce(NEW.created_at, now()))::int;
  assigned int;
BEGIN
  IF NEW.number IS NOT NULL AND NEW.number <> '' THEN RETURN NEW; END IF;
  UPDATE transmittal_counters SET last_number = last_number + 1 WHERE year = transmittal_year RETURNING last_number INTO assigned;
  IF NOT FOUND THEN
    INSERT INTO transmittal_counters (year, last_number)
      SELECT transmittal_year, coalesce(max(substr(number, 10)::int), 0) FROM transmittals WHERE number LIKE 'TRM-' || transmittal_year || '-%'
      ON CONFLICT (year) DO NOTHING;
    UPDATE transmittal_counters SET last_number = last_number + 1 WHERE year = transmittal_year RETURNING last_number INTO assigned;
  END IF;
  NEW.number := 'TRM-' || transmittal_year || '-' || lpad(assigned::text, greatest(4, length(assigned::text)), '0');
  RETURN NEW;
END $$;

CREATE OR REPLACE FUNCTION cmms_next_requisition_number() RETURNS varchar LANGUAGE sql VOLATILE AS $$
  SELECT 'REQ-' || to_char(now(), 'YYYY') || '-' || lpad(n::text, greatest(6, length(n::text)), '0')
  FROM (SELECT nextval('requisition_numbers') AS n) next
$$;

CREATE OR REPLACE FUNCTION cmms_next_work_permit_number() RETURNS varchar LANGUAGE sql VOLATILE AS $$
  SELECT 'PT-' || to_char(now(), 'YYYY') || '-' || lpad(n::text, greatest(5, length(n::text)), '0')
  FROM (SELECT nextval('work_permit_numbers') AS n) next
$$;

CREATE OR REPLACE FUNCTION cmms_ticket_number() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.number IS NULL OR NEW.number = '' THEN NEW.number := 'TCK-' || lpad(NEW.id::text, greatest(6, length(NEW.id::text)), '0'); END IF;
  RETURN NEW;
END $$;
