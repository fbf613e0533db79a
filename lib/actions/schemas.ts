// Advocacy actions: what the office did. (Not Next.js "server actions": those live in
// app/**/server-actions.ts.) Safe to import from client components.
import { z } from "zod";
import { filterDate, filterString, listParamsSchema } from "@/lib/list-params";
import { translationFields } from "@/lib/record-language";
import {
  enumOf,
  idList,
  optionalDate,
  optionalText,
  requiredDate,
  requiredText,
} from "@/lib/validation";

export const CONFIDENTIALITY = ["PUBLIC", "INTERNAL", "RESTRICTED"] as const;
export const DATE_PRECISION = ["DAY", "MONTH", "YEAR", "ESTIMATED"] as const;

export const ACTION_MULTI_FIELDS = ["organizationIds", "campaignIds", "participantIds"] as const;

export const ZActionInput = z
  .strictObject({
    title: requiredText(300),
    type: requiredText(64),
    date: requiredDate(),
    datePrecision: enumOf(DATE_PRECISION, "DAY"),
    status: requiredText(64),
    organizationIds: idList(),
    campaignIds: idList(),
    participantIds: idList(),
    referenceNumber: optionalText(100),
    summary: optionalText(20_000),
    responseSummary: optionalText(20_000),
    responseDate: optionalDate(),
    followUpDue: optionalDate(),
    confidentiality: enumOf(CONFIDENTIALITY, "INTERNAL"),
    ...translationFields(300, 20_000),
  })
  .superRefine((v, ctx) => {
    if (v.followUpDue && v.date && v.followUpDue < v.date)
      ctx.addIssue({ code: "custom", path: ["followUpDue"], message: "validation.followUpBeforeDate" });
    if (v.responseDate && v.date && v.responseDate < v.date)
      ctx.addIssue({ code: "custom", path: ["responseDate"], message: "validation.responseBeforeDate" });
  });

export type TActionInput = z.input<typeof ZActionInput>;
export type TActionData = z.output<typeof ZActionInput>;

export const FOLLOW_UP_FILTERS = ["overdue", "soon"] as const;
/** "Due soon" means due today or within this many days. */
export const FOLLOW_UP_SOON_DAYS = 14;

export const ACTION_SORT_KEYS = ["date", "title", "type", "status", "followUpDue", "updatedAt"] as const;
export type ActionSortKey = (typeof ACTION_SORT_KEYS)[number];

export const ZActionListParams = listParamsSchema(ACTION_SORT_KEYS, { sort: "date", dir: "desc" }).extend({
  type: filterString(),
  status: filterString(),
  org: filterString(),
  campaign: filterString(),
  from: filterDate(),
  to: filterDate(),
  /** A category of the action type ("meeting", "visit", "submission", "appeal" …), as the dashboard groups them. */
  category: filterString(),
  /** Open follow-ups: "overdue" (due date passed) or "soon" (due today or within FOLLOW_UP_SOON_DAYS). */
  followUp: z.enum(FOLLOW_UP_FILTERS).optional().catch(undefined),
  /** "1": only actions that are not closed. */
  open: z.enum(["1"]).optional().catch(undefined),
  /** "1": only the reader's own actions (author or office participant). */
  mine: z.enum(["1"]).optional().catch(undefined),
  /** "1": only actions flagged "needs translation" (the translation queue). */
  needsTranslation: z.enum(["1"]).optional().catch(undefined),
});
export type TActionListParams = z.output<typeof ZActionListParams>;
