// Outcomes: what happened in the world, dated and sourced. Safe to import from client components.
import { z } from "zod";
import { CONFIDENTIALITY, DATE_PRECISION } from "@/lib/actions/schemas";
import { filterDate, filterString, listParamsSchema } from "@/lib/list-params";
import { translationFields } from "@/lib/record-language";
import { enumOf, idList, optionalId, optionalText, optionalUrl, requiredDate, requiredText } from "@/lib/validation";

export const OUTCOME_MULTI_FIELDS = ["campaignIds"] as const;

export const ZOutcomeInput = z.strictObject({
  title: requiredText(300),
  type: requiredText(64),
  date: requiredDate(),
  datePrecision: enumOf(DATE_PRECISION, "DAY"),
  decidingBodyId: optionalId(),
  subjectId: optionalId(),
  statusBefore: optionalText(100),
  statusAfter: optionalText(100),
  sourceCitation: optionalText(1000),
  sourceUrl: optionalUrl(),
  verification: requiredText(64),
  summary: optionalText(20_000),
  campaignIds: idList(),
  confidentiality: enumOf(CONFIDENTIALITY, "INTERNAL"),
  ...translationFields(300, 20_000),
});

export type TOutcomeInput = z.input<typeof ZOutcomeInput>;
export type TOutcomeData = z.output<typeof ZOutcomeInput>;

export const OUTCOME_SORT_KEYS = ["date", "title", "type", "verification", "updatedAt"] as const;

export const ZOutcomeListParams = listParamsSchema(OUTCOME_SORT_KEYS, { sort: "date", dir: "desc" }).extend({
  type: filterString(),
  verification: filterString(),
  org: filterString(),
  campaign: filterString(),
  from: filterDate(),
  to: filterDate(),
  /** "1": only outcomes flagged "needs translation" (the translation queue). */
  needsTranslation: z.enum(["1"]).optional().catch(undefined),
});
export type TOutcomeListParams = z.output<typeof ZOutcomeListParams>;
