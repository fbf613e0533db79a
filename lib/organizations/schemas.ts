// Safe to import from client components.
import { z } from "zod";
import { filterString, listParamsSchema } from "@/lib/list-params";
import { optionalId, optionalText, optionalUrl, requiredText } from "@/lib/validation";

export const ZOrganizationInput = z.strictObject({
  name: requiredText(300),
  nameUk: optionalText(300),
  acronym: optionalText(50),
  kind: requiredText(64),
  parentId: optionalId(),
  country: optionalText(100),
  website: optionalUrl(),
  notes: optionalText(10_000),
});
export type TOrganizationData = z.output<typeof ZOrganizationInput>;

export const ORGANIZATION_SORT_KEYS = ["name", "acronym", "kind", "updatedAt"] as const;

export const ZOrganizationListParams = listParamsSchema(ORGANIZATION_SORT_KEYS, { sort: "name", dir: "asc" }).extend({
  kind: filterString(),
  parent: filterString(),
});
export type TOrganizationListParams = z.output<typeof ZOrganizationListParams>;
