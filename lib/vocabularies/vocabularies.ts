// Codes the application logic relies on. Every other term is data: managers may add, relabel or
// retire terms without touching code. Safe to import from client components.
import type { Vocabulary } from "@/generated/prisma/enums";

export type { Vocabulary };

export const VOCABULARIES = [
  "ACTION_TYPE",
  "ACTION_STATUS",
  "OUTCOME_TYPE",
  "VERIFICATION",
  "CONTRIBUTION",
  "ORGANIZATION_KIND",
  "CAMPAIGN_STATUS",
] as const satisfies readonly Vocabulary[];

/** An action in this status needs no follow-up. */
export const CLOSED_ACTION_STATUS = "CLOSED";

/** A term as the interface sees it. */
export type TermDTO = {
  id: string;
  code: string;
  labelEn: string;
  labelUk: string;
  category: string | null;
  active: boolean;
};

/** The label in the user's language; English when the Ukrainian one is missing. */
export const termLabel = (term: Pick<TermDTO, "labelEn" | "labelUk">, locale: string) =>
  locale === "uk" && term.labelUk ? term.labelUk : term.labelEn;
