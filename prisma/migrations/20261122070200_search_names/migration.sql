-- The lists' search looks for each word in a record's own text AND in the names of the bodies it
-- involves (an action's counterparts; an outcome's deciding body and subject). Searched through a
-- join, that last part is a subquery inside the OR, and PostgreSQL then cannot combine the trigram
-- indexes (BitmapOr): every search read the whole table (measured: 4 s on 300,000 actions). Here the
-- names are kept on the record itself, by triggers, so every branch of the OR has a trigram index.
-- Hand-written (prisma migrate dev cannot run here).

ALTER TABLE "Action" ADD COLUMN "counterpartNames" TEXT NOT NULL DEFAULT '';
ALTER TABLE "Outcome" ADD COLUMN "organizationNames" TEXT NOT NULL DEFAULT '';

-- One body's names, as searched: the name, the Ukrainian name and the acronym.
CREATE OR REPLACE FUNCTION organization_search_names(o "Organization") RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT concat_ws(' ', o."name", o."nameUk", o."acronym")
$$;

-- Recomputes the counterpart names of the given actions (statement-level: one UPDATE per statement,
-- so bulk loads stay fast).
CREATE OR REPLACE FUNCTION action_counterpart_names_refresh(ids text[]) RETURNS void LANGUAGE sql AS $$
  UPDATE "Action" a
     SET "counterpartNames" = coalesce((
           SELECT string_agg(organization_search_names(o), ' | ' ORDER BY o."id")
             FROM "ActionOrganization" ao JOIN "Organization" o ON o."id" = ao."organizationId"
            WHERE ao."actionId" = a."id"), '')
   WHERE a."id" = ANY(ids)
$$;

CREATE OR REPLACE FUNCTION action_organization_names_after_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM action_counterpart_names_refresh(ARRAY(SELECT DISTINCT "actionId" FROM added));
  RETURN NULL;
END
$$;
CREATE OR REPLACE FUNCTION action_organization_names_after_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM action_counterpart_names_refresh(ARRAY(SELECT DISTINCT "actionId" FROM removed));
  RETURN NULL;
END
$$;
CREATE OR REPLACE FUNCTION action_organization_names_after_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM action_counterpart_names_refresh(ARRAY(SELECT "actionId" FROM added UNION SELECT "actionId" FROM removed));
  RETURN NULL;
END
$$;
CREATE TRIGGER "ActionOrganization_names_insert" AFTER INSERT ON "ActionOrganization"
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION action_organization_names_after_insert();
CREATE TRIGGER "ActionOrganization_names_delete" AFTER DELETE ON "ActionOrganization"
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION action_organization_names_after_delete();
CREATE TRIGGER "ActionOrganization_names_update" AFTER UPDATE ON "ActionOrganization"
  REFERENCING NEW TABLE AS added OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION action_organization_names_after_update();

-- An outcome's deciding body and subject: set on the row itself whenever either changes.
CREATE OR REPLACE FUNCTION outcome_organization_names() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."organizationNames" := coalesce((
    SELECT string_agg(organization_search_names(o), ' | ' ORDER BY o."id")
      FROM "Organization" o WHERE o."id" IN (NEW."decidingBodyId", NEW."subjectId")), '');
  RETURN NEW;
END
$$;
CREATE TRIGGER "Outcome_organization_names" BEFORE INSERT OR UPDATE OF "decidingBodyId", "subjectId" ON "Outcome"
  FOR EACH ROW EXECUTE FUNCTION outcome_organization_names();

-- A body renamed: every action and outcome that names it follows.
CREATE OR REPLACE FUNCTION organization_names_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM action_counterpart_names_refresh(ARRAY(SELECT "actionId" FROM "ActionOrganization" WHERE "organizationId" = NEW."id"));
  UPDATE "Outcome" SET "decidingBodyId" = "decidingBodyId" WHERE "decidingBodyId" = NEW."id" OR "subjectId" = NEW."id";
  RETURN NULL;
END
$$;
CREATE TRIGGER "Organization_names_changed" AFTER UPDATE OF "name", "nameUk", "acronym" ON "Organization"
  FOR EACH ROW WHEN (OLD."name" IS DISTINCT FROM NEW."name" OR OLD."nameUk" IS DISTINCT FROM NEW."nameUk" OR OLD."acronym" IS DISTINCT FROM NEW."acronym")
  EXECUTE FUNCTION organization_names_changed();

-- Rows that exist already.
SELECT action_counterpart_names_refresh(ARRAY(SELECT DISTINCT "actionId" FROM "ActionOrganization"));
UPDATE "Outcome" SET "decidingBodyId" = "decidingBodyId" WHERE "decidingBodyId" IS NOT NULL OR "subjectId" IS NOT NULL;

CREATE INDEX "Action_counterpartNames_trgm" ON "Action" USING gin ("counterpartNames" gin_trgm_ops);
CREATE INDEX "Outcome_organizationNames_trgm" ON "Outcome" USING gin ("organizationNames" gin_trgm_ops);
-- The outcome search has always looked in the source citation, which had no trigram index.
CREATE INDEX "Outcome_sourceCitation_trgm" ON "Outcome" USING gin ("sourceCitation" gin_trgm_ops);
