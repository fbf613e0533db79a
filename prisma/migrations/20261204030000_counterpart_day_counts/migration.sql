-- The dashboard's "actions by counterpart body" at 1,000,000 actions (issue 3).
--
-- The chart names the ten bodies most often counterparts of the period's actions. Counted from the
-- records that joins every action of the period with its bodies: 330–430 ms for a year on a 2-core
-- machine (bench/dashboard.ts). Here the database keeps, as RecordDayCount does for types, the
-- number of actions not deleted per (day, body, restricted or not); a year is summed from those rows.
-- Restricted actions are counted from here only for readers who may see all of them; others count
-- the restricted ones they may see with the list's own where (lib/day-counts.ts).
--
-- Kept by statement triggers with transition tables, netting old and new rows:
--   - links added or removed (ActionOrganization), counted with their action's date and confidentiality;
--   - an action's date, confidentiality or deletion changing, counted over its links;
--   - an action deleted outright: a row trigger before the delete takes its links off, because by the
--     time the cascade has removed the links the action is gone and the link trigger finds nothing.
CREATE TABLE "CounterpartDayCount" (
    "date" DATE NOT NULL,
    "organizationId" TEXT NOT NULL,
    "restricted" BOOLEAN NOT NULL,
    "n" INTEGER NOT NULL,
    CONSTRAINT "CounterpartDayCount_pkey" PRIMARY KEY ("date", "organizationId", "restricted")
);

-- One function per kind of transition table (an INSERT trigger has no old rows to name).
CREATE FUNCTION "counterpart_day_count_links_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "CounterpartDayCount" AS c ("date", "organizationId", "restricted", "n")
  SELECT a."date", l."organizationId", a."confidentiality" = 'RESTRICTED', count(*)::int
    FROM new_rows l JOIN "Action" a ON a."id" = l."actionId"
   WHERE a."deletedAt" IS NULL
   GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
  ON CONFLICT ("date", "organizationId", "restricted") DO UPDATE SET "n" = c."n" + EXCLUDED."n";
  RETURN NULL;
END
$$;

CREATE FUNCTION "counterpart_day_count_links_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "CounterpartDayCount" AS c ("date", "organizationId", "restricted", "n")
  SELECT a."date", l."organizationId", a."confidentiality" = 'RESTRICTED', -count(*)::int
    FROM old_rows l JOIN "Action" a ON a."id" = l."actionId"
   WHERE a."deletedAt" IS NULL
   GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
  ON CONFLICT ("date", "organizationId", "restricted") DO UPDATE SET "n" = c."n" + EXCLUDED."n";
  RETURN NULL;
END
$$;

CREATE FUNCTION "counterpart_day_count_actions"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "CounterpartDayCount" AS c ("date", "organizationId", "restricted", "n")
  SELECT "date", "organizationId", "restricted", sum(d)::int FROM (
      SELECT o."date", l."organizationId", o."confidentiality" = 'RESTRICTED' AS "restricted", -1 AS d
        FROM old_rows o JOIN "ActionOrganization" l ON l."actionId" = o."id"
       WHERE o."deletedAt" IS NULL
      UNION ALL
      SELECT n."date", l."organizationId", n."confidentiality" = 'RESTRICTED', 1
        FROM new_rows n JOIN "ActionOrganization" l ON l."actionId" = n."id"
       WHERE n."deletedAt" IS NULL
    ) changes
   GROUP BY 1, 2, 3 HAVING sum(d) <> 0 ORDER BY 1, 2, 3
  ON CONFLICT ("date", "organizationId", "restricted") DO UPDATE SET "n" = c."n" + EXCLUDED."n";
  RETURN NULL;
END
$$;

CREATE FUNCTION "counterpart_day_count_action_deleted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD."deletedAt" IS NULL THEN
    INSERT INTO "CounterpartDayCount" AS c ("date", "organizationId", "restricted", "n")
    SELECT OLD."date", l."organizationId", OLD."confidentiality" = 'RESTRICTED', -1
      FROM "ActionOrganization" l WHERE l."actionId" = OLD."id"
     ORDER BY 2
    ON CONFLICT ("date", "organizationId", "restricted") DO UPDATE SET "n" = c."n" + EXCLUDED."n";
  END IF;
  RETURN OLD;
END
$$;

CREATE FUNCTION "counterpart_day_count_truncate"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "CounterpartDayCount";
  RETURN NULL;
END
$$;

CREATE TRIGGER "ActionOrganization_day_count_insert" AFTER INSERT ON "ActionOrganization"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "counterpart_day_count_links_insert"();
CREATE TRIGGER "ActionOrganization_day_count_delete" AFTER DELETE ON "ActionOrganization"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "counterpart_day_count_links_delete"();
-- A link is never edited in place (the app deletes and inserts); if it ever is, count it as both.
CREATE TRIGGER "ActionOrganization_day_count_update_old" AFTER UPDATE ON "ActionOrganization"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "counterpart_day_count_links_delete"();
CREATE TRIGGER "ActionOrganization_day_count_update_new" AFTER UPDATE ON "ActionOrganization"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "counterpart_day_count_links_insert"();
CREATE TRIGGER "Action_counterpart_day_count_update" AFTER UPDATE ON "Action"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "counterpart_day_count_actions"();
CREATE TRIGGER "Action_counterpart_day_count_delete" BEFORE DELETE ON "Action"
  FOR EACH ROW EXECUTE FUNCTION "counterpart_day_count_action_deleted"();
CREATE TRIGGER "ActionOrganization_day_count_truncate" AFTER TRUNCATE ON "ActionOrganization"
  FOR EACH STATEMENT EXECUTE FUNCTION "counterpart_day_count_truncate"();
CREATE TRIGGER "Action_counterpart_day_count_truncate" AFTER TRUNCATE ON "Action"
  FOR EACH STATEMENT EXECUTE FUNCTION "counterpart_day_count_truncate"();

-- The links already there (bench/generate.ts runs the same after loading with triggers off).
INSERT INTO "CounterpartDayCount" ("date", "organizationId", "restricted", "n")
SELECT a."date", l."organizationId", a."confidentiality" = 'RESTRICTED', count(*)::int
  FROM "ActionOrganization" l JOIN "Action" a ON a."id" = l."actionId"
 WHERE a."deletedAt" IS NULL
 GROUP BY 1, 2, 3;
