-- Text search on the lists uses ILIKE '%term%' (Prisma `contains`, mode insensitive). Trigram GIN
-- indexes let PostgreSQL answer those without scanning the table, and work on Cyrillic text.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE INDEX "Action_title_trgm" ON "Action" USING gin ("title" gin_trgm_ops);
CREATE INDEX "Action_referenceNumber_trgm" ON "Action" USING gin ("referenceNumber" gin_trgm_ops);
CREATE INDEX "Action_summary_trgm" ON "Action" USING gin ("summary" gin_trgm_ops);
CREATE INDEX "Outcome_title_trgm" ON "Outcome" USING gin ("title" gin_trgm_ops);
CREATE INDEX "Outcome_summary_trgm" ON "Outcome" USING gin ("summary" gin_trgm_ops);
CREATE INDEX "Organization_name_trgm" ON "Organization" USING gin ("name" gin_trgm_ops);
CREATE INDEX "Organization_acronym_trgm" ON "Organization" USING gin ("acronym" gin_trgm_ops);
CREATE INDEX "Campaign_title_trgm" ON "Campaign" USING gin ("title" gin_trgm_ops);

-- Emails are compared case-insensitively: store them lower-cased and forbid anything else.
ALTER TABLE "User" ADD CONSTRAINT "User_email_lowercase" CHECK ("email" = lower("email"));
-- A link's contribution and an action's dates are validated in lib/, but the database keeps the
-- last word on the invariants that would corrupt reports if broken.
ALTER TABLE "Action" ADD CONSTRAINT "Action_followUp_after_date" CHECK ("followUpDue" IS NULL OR "followUpDue" >= "date");
