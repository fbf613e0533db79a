-- Each action keeps the ids of its counterparts, in id order, beside their names (migration
-- search_names), for the lists and the exports (issues 4 and 6).
--
-- Read from the join table, an export of 1,000,000 actions asked for each batch's counterparts in a
-- query of its own: 2,000 index probes, 8–15 ms of database time and a result of 3,300 rows to map,
-- for each of 500 batches, on top of the batch itself; the list page sent two queries for them.
-- Kept on the action, they come with the row.
--
-- Kept by the database, never by the app: the statement triggers on ActionOrganization already
-- recompute an action's counterpart names whenever its counterparts change; the same UPDATE now
-- sets the ids too.
ALTER TABLE "Action" ADD COLUMN "counterpartIds" TEXT[] NOT NULL DEFAULT '{}';

CREATE OR REPLACE FUNCTION action_counterpart_names_refresh(ids text[]) RETURNS void LANGUAGE sql AS $$
  UPDATE "Action" a
     SET "counterpartNames" = coalesce((
           SELECT string_agg(organization_search_names(o), ' | ' ORDER BY o."id")
             FROM "ActionOrganization" ao JOIN "Organization" o ON o."id" = ao."organizationId"
            WHERE ao."actionId" = a."id"), ''),
         "counterpartIds" = coalesce((
           SELECT array_agg(ao."organizationId" ORDER BY ao."organizationId")
             FROM "ActionOrganization" ao
            WHERE ao."actionId" = a."id"), '{}')
   WHERE a."id" = ANY(ids)
$$;

-- Rows that exist already.
UPDATE "Action" a
   SET "counterpartIds" = c.ids
  FROM (SELECT "actionId", array_agg("organizationId" ORDER BY "organizationId") AS ids
          FROM "ActionOrganization" GROUP BY "actionId") c
 WHERE a."id" = c."actionId";
