-- CreateTable
CREATE TABLE "user_sites" (
    "id" SERIAL NOT NULL,
    "user_id" INTEGER NOT NULL,
    "location_id" INTEGER NOT NULL,

    CONSTRAINT "user_sites_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "user_sites_location_id_idx" ON "user_sites"("location_id");

-- CreateIndex
CREATE UNIQUE INDEX "user_sites_user_id_location_id_key" ON "user_sites"("user_id", "location_id");

-- AddForeignKey
ALTER TABLE "user_sites" ADD CONSTRAINT "user_sites_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "user_sites" ADD CONSTRAINT "user_sites_location_id_fkey" FOREIGN KEY ("location_id") REFERENCES "locations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Who may see which site is business history: record every change (who scoped whom, when).
SELECT cmms_record_history_of(ARRAY['user_sites']);
