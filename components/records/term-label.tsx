"use client";

import { useLocale } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { TermRef } from "@/lib/actions/dto";
import { termLabel } from "@/lib/vocabularies/vocabularies";

type Tone = "neutral" | "success" | "warning" | "danger" | "info";

// How statuses read at a glance; anything not listed is neutral.
const TONES: Record<string, Tone> = {
  CLOSED: "neutral",
  RESPONSE_RECEIVED: "success",
  AWAITING_RESPONSE: "warning",
  SENT: "info",
  IN_PROGRESS: "info",
  DECISIVE: "success",
  CONTRIBUTORY: "info",
  VERIFIED: "success",
  FINAL: "success",
  REPORTED: "warning",
  SUPERSEDED: "neutral",
  ACTIVE: "info",
  ACHIEVED: "success",
  PARTLY_ACHIEVED: "info",
  NOT_ACHIEVED: "danger",
};

/** A vocabulary term in the user's language, plain or as a badge. */
export function TermLabel({ term, badge = false }: { term: TermRef; badge?: boolean }) {
  const label = termLabel(term, useLocale());
  if (!badge) return <>{label}</>;
  return (
    <Badge variant={TONES[term.code] ?? "neutral"} data-code={term.code}>
      {label}
    </Badge>
  );
}
