// Safe to import from client components.
import type { Confidentiality, DatePrecision, OrgRef, TermRef, UserRef } from "@/lib/actions/dto";

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
  linkCount: number;
};

export type LinkedAction = {
  linkId: string;
  contribution: TermRef;
  evidenceNote: string | null;
  action: { id: string; title: string; date: string; datePrecision: DatePrecision; type: TermRef; status: TermRef };
};

export type OutcomeDetail = OutcomeListRow & {
  summary: string | null;
  sourceCitation: string | null;
  sourceUrl: string | null;
  campaigns: { id: string; title: string }[];
  createdBy: UserRef;
  createdAt: string;
  updatedAt: string;
  links: LinkedAction[];
  canEdit: boolean;
};
