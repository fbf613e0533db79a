-- Import of past logs (issue 8): the batches, the last mapping per person and kind, and the batch
-- each imported record came from. Hand-written; app_rw gets its grants through the default
-- privileges of the audit_chain migration.
CREATE TABLE "ImportBatch" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "fileHash" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created" INTEGER NOT NULL DEFAULT 0,
    "skipped" INTEGER NOT NULL DEFAULT 0,
    "undoneAt" TIMESTAMP(3),
    "undoneById" TEXT,
    CONSTRAINT "ImportBatch_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "ImportBatch_kind_known" CHECK ("kind" IN ('action', 'outcome'))
);
CREATE INDEX "ImportBatch_createdAt_idx" ON "ImportBatch"("createdAt");

CREATE TABLE "ImportMapping" (
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "mapping" JSONB NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "ImportMapping_pkey" PRIMARY KEY ("userId", "kind")
);

ALTER TABLE "Organization" ADD COLUMN "importBatchId" TEXT;
ALTER TABLE "Campaign" ADD COLUMN "importBatchId" TEXT;
ALTER TABLE "Action" ADD COLUMN "importBatchId" TEXT;
ALTER TABLE "Outcome" ADD COLUMN "importBatchId" TEXT;
CREATE INDEX "Organization_importBatchId_idx" ON "Organization"("importBatchId") WHERE "importBatchId" IS NOT NULL;
CREATE INDEX "Campaign_importBatchId_idx" ON "Campaign"("importBatchId") WHERE "importBatchId" IS NOT NULL;
CREATE INDEX "Action_importBatchId_idx" ON "Action"("importBatchId") WHERE "importBatchId" IS NOT NULL;
CREATE INDEX "Outcome_importBatchId_idx" ON "Outcome"("importBatchId") WHERE "importBatchId" IS NOT NULL;
