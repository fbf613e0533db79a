-- Reminders (issue 8): each person's choice of reminder emails, and the background jobs' schedule
-- and claims (lib/jobs). Hand-written; app_rw gets its grants through the default privileges of the
-- audit_chain migration.
CREATE TYPE "EmailPreference" AS ENUM ('IMMEDIATE', 'DIGEST', 'OFF');

ALTER TABLE "User" ADD COLUMN "emailReminders" "EmailPreference" NOT NULL DEFAULT 'IMMEDIATE';
ALTER TABLE "User" ADD COLUMN "digestSentOn" DATE;

CREATE TABLE "JobRun" (
    "name" TEXT NOT NULL,
    "nextRunAt" TIMESTAMP(3) NOT NULL,
    "lockedBy" TEXT,
    "lockedUntil" TIMESTAMP(3),
    "lastStartedAt" TIMESTAMP(3),
    "lastFinishedAt" TIMESTAMP(3),
    "lastResult" JSONB,
    "lastError" TEXT,
    "runs" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "JobRun_pkey" PRIMARY KEY ("name")
);

-- The email job looks for notifications not yet emailed; they are few among many, so a partial index.
CREATE INDEX "Notification_unemailed_idx" ON "Notification"("userId", "createdAt") WHERE "emailedAt" IS NULL AND "readAt" IS NULL;
