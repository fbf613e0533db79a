-- Indexes for the keyset-paged lists (lib/list-cursor.ts) at 1,000,000 actions / 100,000 outcomes.
--
-- A list page is ORDER BY <key> <dir>, id <dir> LIMIT size + 1, starting after a cursor
-- (<key> < v OR (<key> = v AND id < x)). PostgreSQL answers that from a B-tree on (<key>, id) read
-- forwards (asc) or backwards (desc) and stops after one page, wherever the cursor is: no sort, no
-- OFFSET. An index on (<key> DESC, id) matches neither direction (desc/asc is not asc/asc reversed),
-- so the date indexes of the init migration are replaced by plain (date, id) ones, which serve the
-- dashboard's date ranges as before.
DROP INDEX IF EXISTS "Action_date_id_idx";
CREATE INDEX "Action_date_id_idx" ON "Action"("date", "id");
DROP INDEX IF EXISTS "Outcome_date_id_idx";
CREATE INDEX "Outcome_date_id_idx" ON "Outcome"("date", "id");

-- Sorting by title or by last change: without these, every page sorts the whole visible table
-- (about a second at 1,000,000 rows).
CREATE INDEX "Action_title_id_idx" ON "Action"("title", "id");
CREATE INDEX "Action_updatedAt_id_idx" ON "Action"("updatedAt", "id");
CREATE INDEX "Outcome_title_id_idx" ON "Outcome"("title", "id");
CREATE INDEX "Outcome_updatedAt_id_idx" ON "Outcome"("updatedAt", "id");

-- Follow-ups sort nulls last in both directions; (followUpDue, id) read forwards is exactly the
-- ascending order, and it still answers the dashboard's "overdue / due soon" ranges (it replaces
-- the single-column index). Read backwards it would give nulls FIRST, so the descending order has
-- its own index (not expressible in schema.prisma, like the partial indexes below; the guard test
-- tests/list-plans.test.ts checks that the list uses it).
DROP INDEX IF EXISTS "Action_followUpDue_idx";
CREATE INDEX "Action_followUpDue_id_idx" ON "Action"("followUpDue", "id");
CREATE INDEX "Action_followUpDue_desc_id_idx" ON "Action"("followUpDue" DESC NULLS LAST, "id" DESC);

-- The translation queue's partial index, in the same (date, id) shape as the list's date order.
DROP INDEX IF EXISTS "Action_needsTranslation_date_idx";
CREATE INDEX "Action_needsTranslation_date_idx" ON "Action"("date", "id") WHERE "needsTranslation";
DROP INDEX IF EXISTS "Outcome_needsTranslation_date_idx";
CREATE INDEX "Outcome_needsTranslation_date_idx" ON "Outcome"("date", "id") WHERE "needsTranslation";
