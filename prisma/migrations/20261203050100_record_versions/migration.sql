-- Optimistic concurrency: every editable record carries a version, bumped by each edit. An edit
-- updates "WHERE id = $1 AND version = $2", so a save based on an older version changes nothing and
-- the person sees what changed meanwhile.
ALTER TABLE "User" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "Organization" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "Campaign" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "Action" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "Outcome" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;
