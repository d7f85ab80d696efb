-- AlterTable
ALTER TABLE "documents" ADD COLUMN     "work_request_id" INTEGER;

-- CreateIndex
CREATE INDEX "documents_work_request_id_idx" ON "documents"("work_request_id");

-- AddForeignKey
ALTER TABLE "documents" ADD CONSTRAINT "documents_work_request_id_fkey" FOREIGN KEY ("work_request_id") REFERENCES "work_requests"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

