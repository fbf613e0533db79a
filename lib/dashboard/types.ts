// What the dashboard and "My work" pages receive: numbers with the link to the list behind each.
// Types only; safe to import from client components.
import type { Confidentiality, DatePrecision, OrgRef, TermRef, UserRef } from "@/lib/actions/dto";
import type { BucketUnit, Period } from "./period";

/** A number and the list that shows its rows. */
export type Counted = { count: number; href: string };

/** A number for the period and for the same period a year before. */
export type Compared = Counted & { previous: Counted };

/** The groups of action types the annual report speaks of (Term.category of ACTION_TYPE). */
export const ACTION_GROUPS = ["meeting", "visit", "submission", "appeal"] as const;
export type ActionGroup = (typeof ACTION_GROUPS)[number];

export type TypeCount = Compared & { type: TermRef; category: string | null };

export type ChartBucket = {
  key: string;
  from: string;
  to: string;
  total: Counted;
  /** Per series key (actions chart only): a category of action types, or a type without one. */
  segments: Record<string, Counted>;
};

/** A stacked series: a category of types ("meeting"), or one type that has no category. */
export type ChartSeriesKey = { key: string; category: string | null; type: TermRef | null };

export type ChartSeries = {
  unit: BucketUnit;
  buckets: ChartBucket[];
  /** The stacked series that occur in the chart, in vocabulary order (actions chart only). */
  series: ChartSeriesKey[];
};

export type FollowUpRow = {
  id: string;
  title: string;
  date: string;
  datePrecision: DatePrecision;
  followUpDue: string | null;
  status: TermRef;
  confidentiality: Confidentiality;
  /** Whose action it is: its author. */
  owner: UserRef;
};

/** `countExact` false: `count` is a lower bound ("more than 1,000"), as a list says "10,000+". */
export type FollowUpList = Counted & { rows: FollowUpRow[]; countExact?: boolean };

export type CampaignGlance = {
  id: string;
  title: string;
  status: TermRef;
  priority: "LOW" | "MEDIUM" | "HIGH";
  owner: UserRef | null;
  subGoals: { id: string; title: string; label: string; status: TermRef; achieved: boolean }[];
};

/** A body and how many of the period's actions name it as a counterpart. */
export type Counterpart = Counted & { org: OrgRef };

export type DashboardData = {
  today: string;
  period: Period;
  actions: Compared;
  outcomes: Compared;
  groups: Record<ActionGroup, Compared>;
  actionsByType: TypeCount[];
  outcomesByType: TypeCount[];
  actionsPerMonth: ChartSeries;
  outcomesPerQuarter: ChartSeries;
  campaigns: CampaignGlance[];
  followUps: {
    overdue: FollowUpList;
    soon: FollowUpList;
    /** "Awaiting response" for longer than `days` days. */
    awaiting: FollowUpList & { days: number };
  };
};

export type MyWorkData = {
  today: string;
  overdue: FollowUpList;
  soon: FollowUpList;
  awaiting: FollowUpList;
  open: FollowUpList;
  recent: {
    id: string;
    kind: "action" | "outcome";
    title: string;
    type: TermRef;
    updatedAt: string;
    created: boolean;
  }[];
  /** The list of all one's own actions (not counted: that would read every action). */
  allMineHref: string;
};
