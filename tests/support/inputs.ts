// Valid form inputs for the domain functions (codes from prisma/vocabulary.ts), so a test states
// only the fields it is about.
import type { TActionInput } from "@/lib/actions/schemas";
import type { TOutcomeInput } from "@/lib/outcomes/schemas";

export const actionInput = (overrides: Partial<Record<keyof TActionInput, unknown>> = {}): Record<string, unknown> => ({
  title: "Appeal to the ICRC on prisoners of war",
  type: "LETTER_APPEAL",
  date: "2024-10-01",
  status: "SENT",
  ...overrides,
});

export const outcomeInput = (overrides: Partial<Record<keyof TOutcomeInput, unknown>> = {}): Record<string, unknown> => ({
  title: "Russian Ombudsman no longer accredited",
  type: "ACCREDITATION_REMOVED",
  date: "2024-10-15",
  verification: "REPORTED",
  ...overrides,
});
