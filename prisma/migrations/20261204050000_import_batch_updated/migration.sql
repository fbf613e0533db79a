-- Import of past logs (issue 8): an import may also update actions named by their reference
-- number; the list of past imports shows how many it updated.
ALTER TABLE "ImportBatch" ADD COLUMN "updated" INTEGER NOT NULL DEFAULT 0;
