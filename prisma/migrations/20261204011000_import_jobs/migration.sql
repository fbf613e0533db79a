-- Imports in the background (issue 8): one row per import started, with the uploaded file, its
-- progress and its result (lib/import/jobs.ts). Hand-written; app_rw gets its grants through the
-- default privileges of the audit_chain migration.
CREATE TABLE "ImportJob" (
    "id" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "total" INTEGER NOT NULL DEFAULT 0,
    "done" INTEGER NOT NULL DEFAULT 0,
    "fileName" TEXT NOT NULL,
    "fileBytes" BYTEA,
    "request" JSONB NOT NULL,
    "result" JSONB,
    "errorKey" TEXT,
    "errorValues" JSONB,
    "heartbeatAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),
    CONSTRAINT "ImportJob_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "ImportJob_status_known" CHECK ("status" IN ('queued', 'running', 'done', 'failed'))
);
CREATE INDEX "ImportJob_ownerId_createdAt_idx" ON "ImportJob"("ownerId", "createdAt");
ALTER TABLE "ImportJob" ADD CONSTRAINT "ImportJob_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
