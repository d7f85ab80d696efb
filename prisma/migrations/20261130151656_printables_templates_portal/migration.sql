-- AlterTable
ALTER TABLE "work_requests" ADD COLUMN     "reporter_contact" VARCHAR(160),
ADD COLUMN     "reporter_name" VARCHAR(120);

-- CreateTable
CREATE TABLE "asset_portal_links" (
    "id" SERIAL NOT NULL,
    "asset_id" INTEGER NOT NULL,
    "token" VARCHAR(64) NOT NULL,
    "revoked_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "asset_portal_links_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "portal_throttle" (
    "key" VARCHAR(255) NOT NULL,
    "points" INTEGER NOT NULL DEFAULT 0,
    "expire" BIGINT,

    CONSTRAINT "portal_throttle_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "templates" (
    "id" SERIAL NOT NULL,
    "kind" VARCHAR(20) NOT NULL,
    "language" VARCHAR(2) NOT NULL DEFAULT 'es',
    "name" VARCHAR(150) NOT NULL,
    "body" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "templates_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "asset_portal_links_asset_id_key" ON "asset_portal_links"("asset_id");

-- CreateIndex
CREATE UNIQUE INDEX "asset_portal_links_token_key" ON "asset_portal_links"("token");

-- CreateIndex
CREATE INDEX "templates_kind_language_idx" ON "templates"("kind", "language");

-- AddForeignKey
ALTER TABLE "asset_portal_links" ADD CONSTRAINT "asset_portal_links_asset_id_fkey" FOREIGN KEY ("asset_id") REFERENCES "assets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written below: closed values, one active template per kind and language, portal requests, history.
ALTER TABLE "templates" ADD CONSTRAINT "templates_kind_check"
  CHECK ("kind" IN ('WORK_ORDER', 'TRANSMITTAL_COVER', 'NOTIFICATION_EMAIL', 'LABEL_SHEET'));
ALTER TABLE "templates" ADD CONSTRAINT "templates_language_check" CHECK ("language" IN ('es', 'en'));
ALTER TABLE "templates" ADD CONSTRAINT "templates_name_check" CHECK (btrim("name") <> '');
CREATE UNIQUE INDEX "templates_one_active" ON "templates"("kind", "language") WHERE "active";

ALTER TABLE "asset_portal_links" ADD CONSTRAINT "asset_portal_links_token_check" CHECK ("token" ~ '^[A-Za-z0-9_-]{32,64}$');

-- A request filed on an asset's QR page has no account behind it: the name and contact the person gave.
ALTER TABLE "work_requests" DROP CONSTRAINT "work_requests_source_check";
ALTER TABLE "work_requests" ADD CONSTRAINT "work_requests_source_check" CHECK ("source" IN ('PERSON', 'CONDITION', 'PORTAL'));
ALTER TABLE "work_requests" DROP CONSTRAINT "work_requests_reporter_check";
ALTER TABLE "work_requests" ADD CONSTRAINT "work_requests_reporter_check" CHECK (
  "source" = 'CONDITION'
  OR ("source" = 'PORTAL' AND btrim(coalesce("reporter_name", '')) <> '' AND btrim(coalesce("reporter_contact", '')) <> '')
  OR "reported_by_id" IS NOT NULL);

SELECT cmms_record_history_of(ARRAY['templates', 'asset_portal_links']);
