// Safe to import from client components.
import type { CampaignRef, Confidentiality, DatePrecision, OrgRef, TermRef, UserRef } from "@/lib/actions/dto";

export type OutcomeListRow = {
  id: string;
  title: string;
  type: TermRef;
  verification: TermRef;
  date: string;
  datePrecision: DatePrecision;
  decidingBody: OrgRef | null;
  subject: OrgRef | null;
  statusBefore: string | null;
  statusAfter: string | null;
  confidentiality: Confidentiality;
  // Optional as on ActionListRow: every query of lib/outcomes fills them.
  /** "uk" or "en": the language the title and summary were written in ("en" when absent) */
  originalLanguage?: string;
  titleTranslation?: string | null;
  needsTranslation?: boolean;
  linkCount: number;
};

export type LinkedAction = {
  linkId: string;
  contribution: TermRef;
  evidenceNote: string | null;
  action: {
    id: string;
    title: string;
    titleTranslation?: string | null;
    originalLanguage?: string;
    date: string;
    datePrecision: DatePrecision;
    type: TermRef;
    status: TermRef;
  };
};

export type OutcomeDetail = OutcomeListRow & {
  summary: string | null;
  summaryTranslation: string | null;
  sourceCitation: string | null;
  sourceUrl: string | null;
  campaigns: CampaignRef[];
  createdBy: UserRef;
  createdAt: string;
  updatedAt: string;
  /** optimistic concurrency: bumped by every edit */
  version: number;
  links: LinkedAction[];
  canEdit: boolean;
};
