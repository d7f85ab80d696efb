-- AlterTable
ALTER TABLE "measurement_points" ADD COLUMN     "energy_carrier" VARCHAR(20),
ADD COLUMN     "rollover_value" DECIMAL(18,4);

-- CreateTable
CREATE TABLE "site_productions" (
    "id" SERIAL NOT NULL,
    "location_id" INTEGER NOT NULL,
    "month" DATE NOT NULL,
    "produced_mwh" DECIMAL(14,3) NOT NULL,
    "notes" VARCHAR(500),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "site_productions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "integration_tokens" (
    "id" SERIAL NOT NULL,
    "name" VARCHAR(80) NOT NULL,
    "scope" VARCHAR(20) NOT NULL DEFAULT 'readings',
    "token_hash" CHAR(64) NOT NULL,
    "token_prefix" VARCHAR(12) NOT NULL,
    "created_by_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revoked_at" TIMESTAMPTZ(3),
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "integration_tokens_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "site_productions_location_id_month_key" ON "site_productions"("location_id", "month");

-- CreateIndex
CREATE UNIQUE INDEX "integration_tokens_name_key" ON "integration_tokens"("name");

-- CreateIndex
CREATE UNIQUE INDEX "integration_tokens_token_hash_key" ON "integration_tokens"("token_hash");

-- CreateIndex
CREATE INDEX "measurement_points_energy_carrier_idx" ON "measurement_points"("energy_carrier");

-- AddForeignKey
ALTER TABLE "site_productions" ADD CONSTRAINT "site_productions_location_id_fkey" FOREIGN KEY ("location_id") REFERENCES "locations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "integration_tokens" ADD CONSTRAINT "integration_tokens_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;



-- Hand-written below.
-- energy (issue 25): a consumption meter is a counter (is_meter) of a known carrier; its register wraps at
-- a positive value.
ALTER TABLE "measurement_points" ADD CONSTRAINT "measurement_points_energy_carrier_check"
  CHECK ("energy_carrier" IS NULL OR ("is_meter" AND "energy_carrier" IN ('ELECTRICITY', 'WATER', 'NATURAL_GAS', 'STEAM', 'FUEL', 'COMPRESSED_AIR')));
ALTER TABLE "measurement_points" ADD CONSTRAINT "measurement_points_rollover_value_check"
  CHECK ("rollover_value" IS NULL OR ("rollover_value" > 0 AND "is_meter"));
-- A month is its first day; production is not negative; a site is a top-level location (checked by the
-- operation's rule too: a trigger would have to follow every move of a location).
ALTER TABLE "site_productions" ADD CONSTRAINT "site_productions_month_check" CHECK (extract(day FROM "month") = 1);
ALTER TABLE "site_productions" ADD CONSTRAINT "site_productions_produced_mwh_check" CHECK ("produced_mwh" >= 0);
ALTER TABLE "integration_tokens" ADD CONSTRAINT "integration_tokens_scope_check" CHECK ("scope" IN ('readings', 'points:read'));
ALTER TABLE "integration_tokens" ADD CONSTRAINT "integration_tokens_token_hash_check" CHECK ("token_hash" ~ '^[0-9a-f]{64}$');

-- A token's hash is a secret's fingerprint: the history records that a token was made or revoked, not it.
CREATE OR REPLACE FUNCTION cmms_history_ignored_columns() RETURNS text[] LANGUAGE sql IMMUTABLE
  AS $$ SELECT ARRAY['password_hash', 'updated_at', 'last_login_at', 'search_text', 'path', 'full_name', 'depth', 'last_evaluated_at', 'token_hash'] $$;

SELECT cmms_record_history_of(ARRAY['site_productions', 'integration_tokens']);
