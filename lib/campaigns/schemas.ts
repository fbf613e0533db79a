// Safe to import from client components.
import { z } from "zod";
import { filterString, listParamsSchema } from "@/lib/list-params";
import { enumOf, optionalDate, optionalId, optionalText, requiredText } from "@/lib/validation";

export const PRIORITIES = ["LOW", "MEDIUM", "HIGH"] as const;

export const ZCampaignInput = z
  .strictObject({
    title: requiredText(300),
    titleUk: optionalText(300),
    goal: optionalText(10_000),
    status: requiredText(64),
    priority: enumOf(PRIORITIES, "MEDIUM"),
    ownerId: optionalId(),
    targetOrgId: optionalId(),
    parentId: optionalId(),
    startDate: optionalDate(),
    endDate: optionalDate(),
  })
  .superRefine((v, ctx) => {
    if (v.startDate && v.endDate && v.endDate < v.startDate)
      ctx.addIssue({ code: "custom", path: ["endDate"], message: "validation.endBeforeStart" });
  });
export type TCampaignData = z.output<typeof ZCampaignInput>;

export const CAMPAIGN_SORT_KEYS = ["title", "status", "priority", "updatedAt"] as const;

export const ZCampaignListParams = listParamsSchema(CAMPAIGN_SORT_KEYS, { sort: "title", dir: "asc" }).extend({
  status: filterString(),
  priority: filterString(),
});
export type TCampaignListParams = z.output<typeof ZCampaignListParams>;
