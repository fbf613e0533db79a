-- Idempotency keys of create forms: the primary key makes a second submit of the same form wait
-- for the first and then find its record instead of creating another. The app role gets its grants
-- through the default privileges of the audit_chain migration.
CREATE TABLE "IdempotencyKey" (
    "key" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "recordId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IdempotencyKey_pkey" PRIMARY KEY ("key")
);

CREATE INDEX "IdempotencyKey_createdAt_idx" ON "IdempotencyKey"("createdAt");
