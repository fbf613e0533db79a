// What pages, the API and exports get to see of an action: never a raw database row.
// Safe to import from client components (types and pure mappers only).
import type { TermDTO } from "@/lib/vocabularies/vocabularies";

export type Confidentiality = "PUBLIC" | "INTERNAL" | "RESTRICTED";
export type DatePrecision = "DAY" | "MONTH" | "YEAR" | "ESTIMATED";

export type TermRef = Pick<TermDTO, "code" | "labelEn" | "labelUk">;
/** `nameUk`: the Ukrainian name, where the query read it (names show in the reader's language). */
export type OrgRef = { id: string; name: string; acronym: string | null; nameUk?: string | null };
/** A campaign as other records mention it; `titleUk` as for OrgRef. */
export type CampaignRef = { id: string; title: string; titleUk?: string | null };
export type UserRef = { id: string; name: string };

export type ActionListRow = {
  id: string;
  title: string;
  type: TermRef;
  status: TermRef;
  date: string;
  datePrecision: DatePrecision;
  followUpDue: string | null;
  referenceNumber: string | null;
  confidentiality: Confidentiality;
  // Optional so that rows built elsewhere (fixtures, benchmarks) need not spell them out; every
  // query of lib/actions fills them.
  /** "uk" or "en": the language the title and summary were written in ("en" when absent) */
  originalLanguage?: string;
  titleTranslation?: string | null;
  needsTranslation?: boolean;
  organizations: OrgRef[];
  linkCount: number;
};

export type LinkedOutcome = {
  linkId: string;
  contribution: TermRef;
  evidenceNote: string | null;
  outcome: {
    id: string;
    title: string;
    titleTranslation?: string | null;
    originalLanguage?: string;
    date: string;
    datePrecision: DatePrecision;
    type: TermRef;
  };
};

export type ActionDetail = ActionListRow & {
  summary: string | null;
  summaryTranslation: string | null;
  responseSummary: string | null;
  responseDate: string | null;
  campaigns: CampaignRef[];
  participants: UserRef[];
  createdBy: UserRef;
  createdAt: string;
  updatedAt: string;
  /** optimistic concurrency: bumped by every edit */
  version: number;
  links: LinkedOutcome[];
  canEdit: boolean;
};
