// Links between an action and an outcome: the contribution the office claims and the evidence for
// it. Safe to import from client components.
import { z } from "zod";
import { optionalText, requiredId, requiredText } from "@/lib/validation";

export const ZLinkInput = z.strictObject({
  actionId: requiredId(),
  outcomeId: requiredId(),
  contribution: requiredText(64),
  evidenceNote: optionalText(5_000),
});
export type TLinkInput = z.input<typeof ZLinkInput>;

export const ZLinkUpdate = z.strictObject({
  contribution: requiredText(64),
  evidenceNote: optionalText(5_000),
});
