-- Actions and outcomes: the language the title and summary were written in, an optional translation
-- of both into the other working language, and a "needs translation" flag for the translation queue.
-- Hand-written (prisma migrate dev cannot run here).
ALTER TABLE "Action"
  ADD COLUMN "originalLanguage" TEXT NOT NULL DEFAULT 'en',
  ADD COLUMN "titleTranslation" TEXT,
  ADD COLUMN "summaryTranslation" TEXT,
  ADD COLUMN "needsTranslation" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "Action" ADD CONSTRAINT "Action_originalLanguage_known" CHECK ("originalLanguage" IN ('en', 'uk'));

ALTER TABLE "Outcome"
  ADD COLUMN "originalLanguage" TEXT NOT NULL DEFAULT 'en',
  ADD COLUMN "titleTranslation" TEXT,
  ADD COLUMN "summaryTranslation" TEXT,
  ADD COLUMN "needsTranslation" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "Outcome" ADD CONSTRAINT "Outcome_originalLanguage_known" CHECK ("originalLanguage" IN ('en', 'uk'));

-- Search covers the translations too: the same trigram indexes as the originals (search_indexes).
CREATE INDEX "Action_titleTranslation_trgm" ON "Action" USING gin ("titleTranslation" gin_trgm_ops);
CREATE INDEX "Action_summaryTranslation_trgm" ON "Action" USING gin ("summaryTranslation" gin_trgm_ops);
CREATE INDEX "Outcome_titleTranslation_trgm" ON "Outcome" USING gin ("titleTranslation" gin_trgm_ops);
CREATE INDEX "Outcome_summaryTranslation_trgm" ON "Outcome" USING gin ("summaryTranslation" gin_trgm_ops);

-- The translation queue (?needsTranslation=1) in the lists' default order; few rows are flagged at
-- any time, so a partial index stays small.
CREATE INDEX "Action_needsTranslation_date_idx" ON "Action" ("date" DESC, "id") WHERE "needsTranslation";
CREATE INDEX "Outcome_needsTranslation_date_idx" ON "Outcome" ("date" DESC, "id") WHERE "needsTranslation";
