// What pages, the API and exports get to see of an action: never a raw database row.
// Safe to import from client components (types and pure mappers only).
import type { TermDTO } from "@/lib/vocabularies/vocabularies";

export type Confidentiality = "PUBLIC" | "INTERNAL" | "RESTRICTED";
export type DatePrecision = "DAY" | "MONTH" | "YEAR" | "ESTIMATED";

export type TermRef = Pick<TermDTO, "code" | "labelEn" | "labelUk">;
export type OrgRef = { id: string; name: string; acronym: string | null };
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
  organizations: OrgRef[];
  linkCount: number;
};

export type LinkedOutcome = {
  linkId: string;
  contribution: TermRef;
  evidenceNote: string | null;
  outcome: { id: string; title: string; date: string; datePrecision: DatePrecision; type: TermRef };
};

export type ActionDetail = ActionListRow & {
  summary: string | null;
  responseSummary: string | null;
  responseDate: string | null;
  campaigns: { id: string; title: string }[];
  participants: UserRef[];
  createdBy: UserRef;
  createdAt: string;
  updatedAt: string;
  links: LinkedOutcome[];
  canEdit: boolean;
};
