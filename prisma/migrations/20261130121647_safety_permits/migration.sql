-- Safety (issue 23): permit kinds, isolation points, permit requirements, work permits with their
-- isolations (LOTO), gas tests and signatures. Hand-written parts: the permit numbers (first, the table's
-- default needs them), then CHECKs, triggers, the seeded kinds and the history, below the generated SQL.
CREATE SEQUENCE work_permit_numbers;
CREATE FUNCTION cmms_next_work_permit_number() RETURNS varchar LANGUAGE sql VOLATILE AS $$
  SELECT 'PT-' || to_char(now(), 'YYYY') || '-' || lpad(nextval('work_permit_numbers')::text, 5, '0')
$$;

-- AlterTable
ALTER TABLE "groups" ADD COLUMN     "can_manage_safety" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "permit_kinds" (
    "id" SERIAL NOT NULL,
    "code" VARCHAR(30) NOT NULL,
    "name" VARCHAR(120) NOT NULL,
    "required_checks" VARCHAR(4000) NOT NULL DEFAULT '',
    "needs_gas_test" BOOLEAN NOT NULL DEFAULT false,
    "needs_isolation" BOOLEAN NOT NULL DEFAULT false,
    "oxygen_min_pct" DECIMAL(5,2) NOT NULL DEFAULT 19.5,
    "oxygen_max_pct" DECIMAL(5,2) NOT NULL DEFAULT 23.5,
    "lel_max_pct" DECIMAL(5,2) NOT NULL DEFAULT 10,
    "h2s_max_ppm" DECIMAL(7,2) NOT NULL DEFAULT 10,
    "co_max_ppm" DECIMAL(7,2) NOT NULL DEFAULT 25,
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "permit_kinds_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "isolation_points" (
    "id" SERIAL NOT NULL,
    "asset_id" INTEGER NOT NULL,
    "code" VARCHAR(40) NOT NULL,
    "type" VARCHAR(16) NOT NULL,
    "energy_type" VARCHAR(16) NOT NULL,
    "location_description" VARCHAR(300) NOT NULL,
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "isolation_points_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "permit_requirements" (
    "id" SERIAL NOT NULL,
    "permit_kind_id" INTEGER NOT NULL,
    "asset_id" INTEGER,
    "criticality" CHAR(1),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "permit_requirements_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "work_permits" (
    "id" SERIAL NOT NULL,
    "number" VARCHAR(20) NOT NULL DEFAULT cmms_next_work_permit_number(),
    "permit_kind_id" INTEGER NOT NULL,
    "work_order_id" INTEGER NOT NULL,
    "asset_id" INTEGER NOT NULL,
    "description" VARCHAR(1000) NOT NULL,
    "valid_from" TIMESTAMPTZ(3) NOT NULL,
    "valid_until" TIMESTAMPTZ(3) NOT NULL,
    "crew" VARCHAR(2000) NOT NULL,
    "precautions" VARCHAR(4000) NOT NULL DEFAULT '',
    "state" VARCHAR(10) NOT NULL DEFAULT 'DRAFT',
    "requested_by_id" INTEGER,
    "requested_at" TIMESTAMPTZ(3),
    "approved_by_id" INTEGER,
    "approved_at" TIMESTAMPTZ(3),
    "activated_at" TIMESTAMPTZ(3),
    "suspended_at" TIMESTAMPTZ(3),
    "suspension_reason" VARCHAR(10),
    "closed_by_id" INTEGER,
    "closed_at" TIMESTAMPTZ(3),
    "cancelled_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "work_permits_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "permit_isolations" (
    "id" SERIAL NOT NULL,
    "permit_id" INTEGER NOT NULL,
    "isolation_point_id" INTEGER NOT NULL,
    "lock_number" VARCHAR(40),
    "locked_by_id" INTEGER,
    "locked_at" TIMESTAMPTZ(3),
    "verified_by_id" INTEGER,
    "verified_at" TIMESTAMPTZ(3),
    "removed_by_id" INTEGER,
    "removed_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "permit_isolations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "permit_gas_tests" (
    "id" SERIAL NOT NULL,
    "permit_id" INTEGER NOT NULL,
    "taken_by_id" INTEGER NOT NULL,
    "taken_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "oxygen_pct" DECIMAL(5,2) NOT NULL,
    "lel_pct" DECIMAL(5,2) NOT NULL,
    "h2s_ppm" DECIMAL(7,2) NOT NULL,
    "co_ppm" DECIMAL(7,2) NOT NULL,
    "within_limits" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "permit_gas_tests_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "permit_signatures" (
    "id" SERIAL NOT NULL,
    "permit_id" INTEGER NOT NULL,
    "purpose" VARCHAR(10) NOT NULL,
    "signer_id" INTEGER NOT NULL,
    "signed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ip" VARCHAR(64) NOT NULL,
    "user_agent" VARCHAR(500) NOT NULL,
    "sha256" CHAR(64) NOT NULL,

    CONSTRAINT "permit_signatures_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "permit_kinds_code_key" ON "permit_kinds"("code");

-- CreateIndex
CREATE UNIQUE INDEX "permit_kinds_name_key" ON "permit_kinds"("name");

-- CreateIndex
CREATE UNIQUE INDEX "isolation_points_asset_id_code_key" ON "isolation_points"("asset_id", "code");

-- CreateIndex
CREATE INDEX "permit_requirements_asset_id_idx" ON "permit_requirements"("asset_id");

-- CreateIndex
CREATE UNIQUE INDEX "permit_requirements_permit_kind_id_asset_id_key" ON "permit_requirements"("permit_kind_id", "asset_id");

-- CreateIndex
CREATE UNIQUE INDEX "permit_requirements_permit_kind_id_criticality_key" ON "permit_requirements"("permit_kind_id", "criticality");

-- CreateIndex
CREATE UNIQUE INDEX "work_permits_number_key" ON "work_permits"("number");

-- CreateIndex
CREATE INDEX "work_permits_work_order_id_idx" ON "work_permits"("work_order_id");

-- CreateIndex
CREATE INDEX "work_permits_asset_id_idx" ON "work_permits"("asset_id");

-- CreateIndex
CREATE INDEX "work_permits_state_valid_until_idx" ON "work_permits"("state", "valid_until");

-- CreateIndex
CREATE INDEX "permit_isolations_isolation_point_id_idx" ON "permit_isolations"("isolation_point_id");

-- CreateIndex
CREATE UNIQUE INDEX "permit_isolations_permit_id_isolation_point_id_key" ON "permit_isolations"("permit_id", "isolation_point_id");

-- CreateIndex
CREATE INDEX "permit_gas_tests_permit_id_idx" ON "permit_gas_tests"("permit_id");

-- CreateIndex
CREATE INDEX "permit_signatures_permit_id_idx" ON "permit_signatures"("permit_id");

-- AddForeignKey
ALTER TABLE "isolation_points" ADD CONSTRAINT "isolation_points_asset_id_fkey" FOREIGN KEY ("asset_id") REFERENCES "assets"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "permit_requirements" ADD CONSTRAINT "permit_requirements_permit_kind_id_fkey" FOREIGN KEY ("permit_kind_id") REFERENCES "permit_kinds"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "permit_requirements" ADD CONSTRAINT "permit_requirements_asset_id_fkey" FOREIGN KEY ("asset_id") REFERENCES "assets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "work_permits" ADD CONSTRAINT "work_permits_permit_kind_id_fkey" FOREIGN KEY ("permit_kind_id") REFERENCES "permit_kinds"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "work_permits" ADD CONSTRAINT "work_permits_work_order_id_fkey" FOREIGN KEY ("work_order_id") REFERENCES "work_orders"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "work_permits" ADD CONSTRAINT "work_permits_asset_id_fkey" FOREIGN KEY ("asset_id") REFERENCES "assets"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "work_permits" ADD CONSTRAINT "work_permits_requested_by_id_fkey" FOREIGN KEY ("requested_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "work_permits" ADD CONSTRAINT "work_permits_approved_by_id_fkey" FOREIGN KEY ("approved_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "work_permits" ADD CONSTRAINT "work_permits_closed_by_id_fkey" FOREIGN KEY ("closed_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "permit_isolations" ADD CONSTRAINT "permit_isolations_permit_id_fkey" FOREIGN KEY ("permit_id") REFERENCES "work_permits"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "permit_isolations" ADD CONSTRAINT "permit_isolations_isolation_point_id_fkey" FOREIGN KEY ("isolation_point_id") REFERENCES "isolation_points"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "permit_isolations" ADD CONSTRAINT "permit_isolations_locked_by_id_fkey" FOREIGN KEY ("locked_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "permit_isolations" ADD CONSTRAINT "permit_isolations_verified_by_id_fkey" FOREIGN KEY ("verified_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "permit_isolations" ADD CONSTRAINT "permit_isolations_removed_by_id_fkey" FOREIGN KEY ("removed_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "permit_gas_tests" ADD CONSTRAINT "permit_gas_tests_permit_id_fkey" FOREIGN KEY ("permit_id") REFERENCES "work_permits"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "permit_gas_tests" ADD CONSTRAINT "permit_gas_tests_taken_by_id_fkey" FOREIGN KEY ("taken_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "permit_signatures" ADD CONSTRAINT "permit_signatures_permit_id_fkey" FOREIGN KEY ("permit_id") REFERENCES "work_permits"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "permit_signatures" ADD CONSTRAINT "permit_signatures_signer_id_fkey" FOREIGN KEY ("signer_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Closed values.
ALTER TABLE "isolation_points" ADD CONSTRAINT "isolation_points_type_check"
  CHECK ("type" IN ('BREAKER', 'DISCONNECT', 'VALVE', 'BLIND_FLANGE', 'PLUG', 'OTHER'));
ALTER TABLE "isolation_points" ADD CONSTRAINT "isolation_points_energy_type_check"
  CHECK ("energy_type" IN ('ELECTRICAL', 'HYDRAULIC', 'PNEUMATIC', 'MECHANICAL', 'THERMAL', 'CHEMICAL', 'GRAVITATIONAL'));
ALTER TABLE "permit_requirements" ADD CONSTRAINT "permit_requirements_criticality_check" CHECK ("criticality" IN ('A', 'B', 'C'));
ALTER TABLE "permit_requirements" ADD CONSTRAINT "permit_requirements_one_target"
  CHECK (("asset_id" IS NULL) <> ("criticality" IS NULL));
ALTER TABLE "work_permits" ADD CONSTRAINT "work_permits_state_check"
  CHECK ("state" IN ('DRAFT', 'REQUESTED', 'APPROVED', 'ACTIVE', 'SUSPENDED', 'CLOSED', 'CANCELLED'));
ALTER TABLE "work_permits" ADD CONSTRAINT "work_permits_suspension_reason_check" CHECK ("suspension_reason" IN ('EXPIRED', 'MANUAL'));
ALTER TABLE "work_permits" ADD CONSTRAINT "work_permits_validity" CHECK ("valid_until" > "valid_from");
ALTER TABLE "permit_signatures" ADD CONSTRAINT "permit_signatures_purpose_check" CHECK ("purpose" IN ('APPROVAL', 'CLOSING'));
ALTER TABLE "permit_signatures" ADD CONSTRAINT "permit_signatures_sha256_check" CHECK ("sha256" ~ '^[0-9a-f]{64}$');
-- A point is verified only once locked, and removed only once locked.
ALTER TABLE "permit_isolations" ADD CONSTRAINT "permit_isolations_order"
  CHECK (("verified_at" IS NULL OR "locked_at" IS NOT NULL) AND ("removed_at" IS NULL OR "locked_at" IS NOT NULL)
         AND ("locked_at" IS NULL) = ("lock_number" IS NULL));

-- A closed or cancelled permit is a record of what happened: nothing of it changes any more, whoever writes.
CREATE FUNCTION cmms_work_permit_is_final() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.state IN ('CLOSED', 'CANCELLED') THEN
    RAISE EXCEPTION 'work permit % is % and cannot be changed', OLD.number, lower(OLD.state) USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;
CREATE TRIGGER "work_permits_final" BEFORE UPDATE OR DELETE ON "work_permits"
  FOR EACH ROW EXECUTE FUNCTION cmms_work_permit_is_final();

-- Isolations and gas tests of a closed or cancelled permit are fixed with it.
CREATE FUNCTION cmms_permit_part_is_final() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  permit_state text;
BEGIN
  SELECT state INTO permit_state FROM work_permits WHERE id = CASE WHEN TG_OP = 'DELETE' THEN OLD.permit_id ELSE NEW.permit_id END;
  IF permit_state IN ('CLOSED', 'CANCELLED') THEN
    RAISE EXCEPTION 'the permit is % and its % cannot be changed', lower(permit_state), TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;
CREATE TRIGGER "permit_isolations_final" BEFORE INSERT OR UPDATE OR DELETE ON "permit_isolations"
  FOR EACH ROW EXECUTE FUNCTION cmms_permit_part_is_final();
CREATE TRIGGER "permit_gas_tests_final" BEFORE INSERT OR UPDATE OR DELETE ON "permit_gas_tests"
  FOR EACH ROW EXECUTE FUNCTION cmms_permit_part_is_final();

-- A gas test is judged against its permit's kind when it is written, whoever writes it.
CREATE FUNCTION cmms_judge_gas_test() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT NEW.oxygen_pct BETWEEN k.oxygen_min_pct AND k.oxygen_max_pct AND NEW.lel_pct <= k.lel_max_pct
         AND NEW.h2s_ppm <= k.h2s_max_ppm AND NEW.co_ppm <= k.co_max_ppm
    INTO NEW.within_limits
    FROM work_permits p JOIN permit_kinds k ON k.id = p.permit_kind_id WHERE p.id = NEW.permit_id;
  NEW.within_limits := coalesce(NEW.within_limits, false);
  RETURN NEW;
END $$;
CREATE TRIGGER "permit_gas_tests_judged" BEFORE INSERT OR UPDATE ON "permit_gas_tests"
  FOR EACH ROW EXECUTE FUNCTION cmms_judge_gas_test();

-- Signatures of permits are evidence, like documents' (cmms_signature_is_immutable, migration *_documents).
CREATE TRIGGER "permit_signatures_immutable" BEFORE UPDATE OR DELETE ON "permit_signatures"
  FOR EACH ROW EXECUTE FUNCTION cmms_signature_is_immutable();
CREATE TRIGGER "permit_signatures_no_truncate" BEFORE TRUNCATE ON "permit_signatures"
  FOR EACH STATEMENT EXECUTE FUNCTION cmms_signature_is_immutable();
REVOKE UPDATE, DELETE, TRUNCATE ON "permit_signatures" FROM PUBLIC;

-- The five kinds of the plant, with their checks (one a line) and what they need before work starts.
INSERT INTO permit_kinds (code, name, required_checks, needs_gas_test, needs_isolation) VALUES
  ('HOT_WORK', 'Trabajo en caliente', E'Área libre de combustibles en 11 m\nExtintor en el sitio\nVigía contra incendios asignado', true, false),
  ('CONFINED_SPACE', 'Espacio confinado', E'Ventilación forzada en marcha\nVigía en la entrada\nPlan de rescate revisado', true, true),
  ('ELECTRICAL_ISOLATION', 'Aislamiento eléctrico (LOTO)', E'Equipo de protección dieléctrico\nPuntos de aislamiento identificados\nPersonal informado del bloqueo', false, true),
  ('WORK_AT_HEIGHT', 'Trabajo en altura', E'Arnés y línea de vida inspeccionados\nAndamio etiquetado\nÁrea inferior señalizada', false, false),
  ('EXCAVATION', 'Excavación', E'Servicios enterrados localizados\nTaludes o entibado\nAcceso y salida seguros', true, false);

SELECT cmms_record_history_of(ARRAY['permit_kinds', 'isolation_points', 'permit_requirements', 'work_permits', 'permit_isolations', 'permit_gas_tests', 'permit_signatures']);
