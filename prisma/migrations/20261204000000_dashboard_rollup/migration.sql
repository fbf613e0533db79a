-- The dashboard at 1,000,000 actions (issue 3): counts per day and type, kept by the database.
--
-- The dashboard counts a period's actions by type, the same period a year before, and each month of
-- a chart of up to 36 months. Counted from "Action" itself that is an index scan over every action
-- of the window (about 400,000 rows for three years of a national office's work), 1.3 s for a
-- manager and 4–6 s for a staff member on a 2-core machine (bench/dashboard.ts). Here the database
-- keeps the counts per (day, type, restricted or not) of the actions and outcomes not deleted: a few
-- thousand rows a year, summed in milliseconds.
--
-- Visibility stays exact: public and internal actions are visible to every reader, so their counts
-- come from here; restricted ones are visible only to some readers, so those who may read every
-- restricted record take the restricted counts from here too, and everyone else counts the
-- restricted actions they may see from "Action" itself (a small set: see lib/day-counts.ts).
--
-- Kept by statement triggers with transition tables: one upsert per statement, however many rows it
-- touches (a 50,000-row import is one statement per chunk), the changes of old and new rows netted
-- first so that an edit that moves nothing (most edits) writes nothing. Keys are written in order so
-- that concurrent writers lock counter rows in the same order. TRUNCATE empties the counts.
-- bench/generate.ts loads with triggers off and rebuilds the table with the backfill below.
CREATE TABLE "RecordDayCount" (
    "entity" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "typeId" TEXT NOT NULL,
    "restricted" BOOLEAN NOT NULL,
    "n" INTEGER NOT NULL,
    CONSTRAINT "RecordDayCount_pkey" PRIMARY KEY ("entity", "date", "typeId", "restricted")
);

-- One function for "Action" and "Outcome" (the entity is the trigger's table).
CREATE FUNCTION "record_day_count_apply"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "RecordDayCount" AS c ("entity", "date", "typeId", "restricted", "n")
    SELECT TG_TABLE_NAME, "date", "typeId", "confidentiality" = 'RESTRICTED', count(*)::int
      FROM new_rows WHERE "deletedAt" IS NULL
     GROUP BY 2, 3, 4 ORDER BY 2, 3, 4
    ON CONFLICT ("entity", "date", "typeId", "restricted") DO UPDATE SET "n" = c."n" + EXCLUDED."n";
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO "RecordDayCount" AS c ("entity", "date", "typeId", "restricted", "n")
    SELECT TG_TABLE_NAME, "date", "typeId", "confidentiality" = 'RESTRICTED', -count(*)::int
      FROM old_rows WHERE "deletedAt" IS NULL
     GROUP BY 2, 3, 4 ORDER BY 2, 3, 4
    ON CONFLICT ("entity", "date", "typeId", "restricted") DO UPDATE SET "n" = c."n" + EXCLUDED."n";
  ELSE
    INSERT INTO "RecordDayCount" AS c ("entity", "date", "typeId", "restricted", "n")
    SELECT TG_TABLE_NAME, "date", "typeId", "restricted", sum(d)::int FROM (
        SELECT "date", "typeId", "confidentiality" = 'RESTRICTED' AS "restricted", -1 AS d
          FROM old_rows WHERE "deletedAt" IS NULL
        UNION ALL
        SELECT "date", "typeId", "confidentiality" = 'RESTRICTED', 1
          FROM new_rows WHERE "deletedAt" IS NULL
      ) changes
     GROUP BY 2, 3, 4 HAVING sum(d) <> 0 ORDER BY 2, 3, 4
    ON CONFLICT ("entity", "date", "typeId", "restricted") DO UPDATE SET "n" = c."n" + EXCLUDED."n";
  END IF;
  RETURN NULL;
END
$$;

CREATE FUNCTION "record_day_count_truncate"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "RecordDayCount" WHERE "entity" = TG_TABLE_NAME;
  RETURN NULL;
END
$$;

CREATE TRIGGER "Action_day_count_insert" AFTER INSERT ON "Action"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "record_day_count_apply"();
CREATE TRIGGER "Action_day_count_update" AFTER UPDATE ON "Action"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "record_day_count_apply"();
CREATE TRIGGER "Action_day_count_delete" AFTER DELETE ON "Action"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "record_day_count_apply"();
CREATE TRIGGER "Action_day_count_truncate" AFTER TRUNCATE ON "Action"
  FOR EACH STATEMENT EXECUTE FUNCTION "record_day_count_truncate"();
CREATE TRIGGER "Outcome_day_count_insert" AFTER INSERT ON "Outcome"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "record_day_count_apply"();
CREATE TRIGGER "Outcome_day_count_update" AFTER UPDATE ON "Outcome"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "record_day_count_apply"();
CREATE TRIGGER "Outcome_day_count_delete" AFTER DELETE ON "Outcome"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "record_day_count_apply"();
CREATE TRIGGER "Outcome_day_count_truncate" AFTER TRUNCATE ON "Outcome"
  FOR EACH STATEMENT EXECUTE FUNCTION "record_day_count_truncate"();

-- The records already there (bench/generate.ts runs the same after loading with triggers off).
INSERT INTO "RecordDayCount" ("entity", "date", "typeId", "restricted", "n")
SELECT 'Action', "date", "typeId", "confidentiality" = 'RESTRICTED', count(*)::int
  FROM "Action" WHERE "deletedAt" IS NULL GROUP BY 2, 3, 4;
INSERT INTO "RecordDayCount" ("entity", "date", "typeId", "restricted", "n")
SELECT 'Outcome', "date", "typeId", "confidentiality" = 'RESTRICTED', count(*)::int
  FROM "Outcome" WHERE "deletedAt" IS NULL GROUP BY 2, 3, 4;

-- The restricted records of a date range, for readers who see only some of them (the list's own
-- where with confidentiality = RESTRICTED): an index-only range scan of the 8 % or so restricted
-- records, each then checked against the reader's scope (author, or "id" among the reader's
-- participations, read from the index on ("userId", "actionId") below without the table).
CREATE INDEX "Action_confidentiality_date_idx" ON "Action"("confidentiality", "date") INCLUDE ("typeId", "createdById", "deletedAt", "id");
CREATE INDEX "Outcome_confidentiality_date_idx" ON "Outcome"("confidentiality", "date") INCLUDE ("typeId", "createdById", "deletedAt", "id");
DROP INDEX IF EXISTS "ActionParticipant_userId_idx";
CREATE INDEX "ActionParticipant_userId_actionId_idx" ON "ActionParticipant"("userId", "actionId");

-- The follow-up lists (overdue, due soon: follow-up date in a range, action not closed) and
-- "awaiting response for more than 30 days" (a status, date before a day): counted with index-only
-- scans instead of fetching some 100,000 rows from the table.
CREATE INDEX "Action_followUpDue_cover_idx" ON "Action"("followUpDue") INCLUDE ("statusId", "deletedAt", "confidentiality", "createdById", "id")
  WHERE "followUpDue" IS NOT NULL;
CREATE INDEX "Action_statusId_date_idx" ON "Action"("statusId", "date") INCLUDE ("deletedAt", "confidentiality", "createdById", "id");
