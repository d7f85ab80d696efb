-- AlterTable
ALTER TABLE "work_requests" ADD COLUMN     "rejection_reason" VARCHAR(1000);

