-- "My work" and the list's "mine" filter at 1,000,000 actions (issue 3).
--
-- An action is someone's when they wrote it or take part in it. Asked as
-- "createdById" = $me OR EXISTS (a participant row), PostgreSQL cannot combine an index for each
-- branch and scans the actions table: 450–1,000 ms per count for a person with tens of thousands of
-- actions (bench/dashboard.ts). Here each action keeps its people (author first, then participants)
-- in "people", with a GIN index, so "mine" is "people" @> ARRAY[$me], answered from the index.
--
-- Kept by the database, never by the app: a row trigger computes "people" whenever a row is
-- inserted or its author or "people" is set, and statement triggers on ActionParticipant touch the
-- actions whose participants changed. Whatever a statement writes into "people" is replaced.
ALTER TABLE "Action" ADD COLUMN "people" TEXT[] NOT NULL DEFAULT '{}';

CREATE FUNCTION "action_people_of"(action_id TEXT, author TEXT) RETURNS TEXT[] LANGUAGE sql STABLE AS $$
  SELECT ARRAY[author] || coalesce(
    (SELECT array_agg(p."userId" ORDER BY p."userId") FROM "ActionParticipant" p WHERE p."actionId" = action_id AND p."userId" <> author),
    '{}')
$$;

CREATE FUNCTION "action_people_own"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."people" := "action_people_of"(NEW."id", NEW."createdById");
  RETURN NEW;
END
$$;

CREATE TRIGGER "Action_people" BEFORE INSERT OR UPDATE OF "createdById", "people" ON "Action"
  FOR EACH ROW EXECUTE FUNCTION "action_people_own"();

CREATE FUNCTION "action_people_touch_new"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Action" SET "people" = '{}' WHERE "id" IN (SELECT DISTINCT "actionId" FROM new_rows);
  RETURN NULL;
END
$$;

CREATE FUNCTION "action_people_touch_old"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Action" SET "people" = '{}' WHERE "id" IN (SELECT DISTINCT "actionId" FROM old_rows);
  RETURN NULL;
END
$$;

CREATE TRIGGER "ActionParticipant_people_insert" AFTER INSERT ON "ActionParticipant"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "action_people_touch_new"();
CREATE TRIGGER "ActionParticipant_people_delete" AFTER DELETE ON "ActionParticipant"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "action_people_touch_old"();
CREATE TRIGGER "ActionParticipant_people_update_old" AFTER UPDATE ON "ActionParticipant"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "action_people_touch_old"();
CREATE TRIGGER "ActionParticipant_people_update_new" AFTER UPDATE ON "ActionParticipant"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "action_people_touch_new"();

-- The actions already there (the row trigger fills "people").
UPDATE "Action" SET "people" = '{}';

CREATE INDEX "Action_people_idx" ON "Action" USING gin ("people");
