-- AlterTable
ALTER TABLE "import_runs" ADD COLUMN     "create_missing" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "files_removed_at" TIMESTAMPTZ(3),
ADD COLUMN     "preview" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "rows_changed" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "rows_new" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "rows_unchanged" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "summary" JSONB;

-- CreateTable
CREATE TABLE "import_mappings" (
    "id" SERIAL NOT NULL,
    "kind" VARCHAR(40) NOT NULL,
    "field" VARCHAR(60) NOT NULL DEFAULT '',
    "source_key" VARCHAR(200) NOT NULL,
    "source_text" VARCHAR(200) NOT NULL,
    "target" VARCHAR(200) NOT NULL,
    "user_id" INTEGER,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "import_mappings_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "import_mappings_kind_field_source_key_key" ON "import_mappings"("kind", "field", "source_key");

-- AddForeignKey
ALTER TABLE "import_mappings" ADD CONSTRAINT "import_mappings_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Hand-written (issue 17). A mapping names something real: a field, and a value or a field as target.
ALTER TABLE "import_mappings" ADD CONSTRAINT "import_mappings_source_check" CHECK ("source_key" <> '' AND "target" <> '');
-- What clerks told an import is business data: who mapped "OPERATIVO" to "En servicio", and when.
SELECT cmms_record_history_of(ARRAY['import_mappings']);
