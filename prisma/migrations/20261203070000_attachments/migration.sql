-- Evidence files on actions and outcomes (issue 8). The app role gets its grants through the default
-- privileges set in the audit_chain migration.
CREATE TYPE "EvidenceSource" AS ENUM ('OFFICIAL_LETTER', 'SUBMISSION', 'SCA_REPORT', 'UN_DOCUMENT', 'NEWS_REPORT', 'OTHER');

CREATE TABLE "Attachment" (
    "id" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "actionId" TEXT,
    "outcomeId" TEXT,
    "sourceType" "EvidenceSource" NOT NULL,
    "confidentiality" "Confidentiality" NOT NULL DEFAULT 'INTERNAL',
    "fileName" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "uploadedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deletedAt" TIMESTAMP(3),
    "deletedById" TEXT,

    CONSTRAINT "Attachment_pkey" PRIMARY KEY ("id"),
    -- exactly one record: an action or an outcome
    CONSTRAINT "Attachment_one_record_check" CHECK (("actionId" IS NULL) <> ("outcomeId" IS NULL)),
    CONSTRAINT "Attachment_version_check" CHECK ("version" >= 1),
    CONSTRAINT "Attachment_size_check" CHECK ("size" >= 0)
);

CREATE UNIQUE INDEX "Attachment_storageKey_key" ON "Attachment"("storageKey");
CREATE UNIQUE INDEX "Attachment_documentId_version_key" ON "Attachment"("documentId", "version");
CREATE INDEX "Attachment_actionId_idx" ON "Attachment"("actionId");
CREATE INDEX "Attachment_outcomeId_idx" ON "Attachment"("outcomeId");

ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_actionId_fkey" FOREIGN KEY ("actionId") REFERENCES "Action"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_outcomeId_fkey" FOREIGN KEY ("outcomeId") REFERENCES "Outcome"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_deletedById_fkey" FOREIGN KEY ("deletedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
