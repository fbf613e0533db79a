// Deadlines that follow from the rules of the bodies the office works with. One table, so that a
// rule is easy to find and to correct; pure functions, so that each rule has a test. Safe anywhere.
//
//   GANHRI SCA recommendation ........ the institution may challenge it within about 28 days
//   treaty-body concluding observations  follow-up information due after 1 year (2 for CEDAW and CMW)
//   treaty denunciation .............. takes effect after the treaty's notice period (ECPT: 12 months
//                                      after the Council of Europe is notified)
//   submission to the GANHRI SCA ..... considered at the SCA's next session (around March and October)
import type { DatePrecision } from "@/lib/actions/dto";
import { addDays, addMonths, endOfMonth, type DateRange } from "@/lib/dashboard/period";
import { dateWindow } from "@/lib/status-history/derive";

export type Offset = { days?: number; months?: number };

export type DeadlineRuleId = "scaChallengeWindow" | "treatyBodyFollowUp" | "treatyDenunciation" | "scaNextSession";

type BodyMatch = {
  /** ORGANIZATION_KIND codes of the deciding body (or of a counterpart, for actions). */
  kinds?: readonly string[];
  /** Acronyms of the body or one of its parents, e.g. "SCA" or "GANHRI". */
  acronyms?: readonly string[];
};

export type DeadlineRule = {
  id: DeadlineRuleId;
  /** What implies the deadline. */
  source: "outcome" | "action";
  /** OUTCOME_TYPE or ACTION_TYPE codes. */
  types: readonly string[];
  body?: BodyMatch;
  /** How long after the record's date. */
  offset?: Offset;
  /** A different offset for some bodies (by acronym), e.g. CEDAW and CMW. */
  offsetByBody?: Readonly<Record<string, Offset>>;
  /** Treaty-specific notice periods, recognised in the outcome's title or summary. */
  treaties?: readonly { name: string; pattern: RegExp; offset: Offset }[];
  /** Sessions in these months (1–12): the deadline is the end of the next session month. */
  sessionMonths?: readonly number[];
  /** The suggested follow-up action's type. */
  actionType: string;
  /** "before" the date (a window closes) or "after" (something takes effect or falls due). */
  kind: "windowCloses" | "dueBy" | "takesEffect" | "checkAfter";
};

export const DEADLINE_RULES: readonly DeadlineRule[] = [
  {
    id: "scaChallengeWindow",
    source: "outcome",
    // Every SCA accreditation recommendation can be challenged by the institution concerned.
    types: ["DOWNGRADE_RECOMMENDED", "ACCREDITATION_DOWNGRADED", "ACCREDITATION_REMOVED", "ACCREDITATION_SUSPENDED", "ACCREDITATION_KEPT"],
    offset: { days: 28 },
    actionType: "FOLLOW_UP_REMINDER",
    kind: "windowCloses",
  },
  {
    id: "treatyBodyFollowUp",
    source: "outcome",
    types: ["UN_CITED_IN_REPORT"],
    body: { kinds: ["TREATY_BODY"] },
    offset: { months: 12 },
    offsetByBody: { CEDAW: { months: 24 }, CMW: { months: 24 } },
    actionType: "TREATY_BODY_REPORT",
    kind: "dueBy",
  },
  {
    id: "treatyDenunciation",
    source: "outcome",
    // Counted from the notification; from a signature or approval it is the earliest possible date.
    types: ["TREATY_WITHDRAWAL_DEPOSITED", "TREATY_WITHDRAWAL_SIGNED", "TREATY_WITHDRAWAL_APPROVED"],
    treaties: [
      {
        name: "ECPT",
        pattern: /\bECPT\b|Convention for the Prevention of Torture|Конвенці[яїю] (про|з) запобігання катуванн/i,
        offset: { months: 12 },
      },
    ],
    actionType: "FOLLOW_UP_REMINDER",
    kind: "takesEffect",
  },
  {
    id: "scaNextSession",
    source: "action",
    types: ["SCA_THIRD_PARTY_SUBMISSION", "ACCREDITATION_SUBMISSION"],
    sessionMonths: [3, 10],
    actionType: "FOLLOW_UP_REMINDER",
    kind: "checkAfter",
  },
];

/** What a rule needs to know about an outcome or an action. */
export type DeadlineInput = {
  source: "outcome" | "action";
  typeCode: string;
  date: string;
  datePrecision: DatePrecision;
  title: string;
  summary?: string | null;
  /** The deciding body (outcomes) or the counterparts (actions), each with its parents' acronyms. */
  bodies: { kind: string | null; acronyms: string[] }[];
};

export type Deadline = {
  ruleId: DeadlineRuleId;
  kind: DeadlineRule["kind"];
  /** The earliest day it can fall on (the record's date may be known only to the month). */
  due: string;
  /** The latest day, when the record's date is imprecise; equal to `due` otherwise. */
  latest: string;
  /** Derived from a date known only approximately, or from a step before the one the rule counts from. */
  approximate: boolean;
  actionType: string;
  /** e.g. "CEDAW", "ECPT": what made the rule apply, for the explanation. */
  basis: string | null;
  offset: Offset | null;
};

export const applyOffset = (date: string, o: Offset) => addDays(addMonths(date, o.months ?? 0), o.days ?? 0);

/** The end of the month of the first session strictly after `date` (sessions in `months`). */
export function nextSessionEnd(date: string, months: readonly number[]): string {
  const [y, m] = [Number(date.slice(0, 4)), Number(date.slice(5, 7))];
  const sorted = [...months].sort((a, b) => a - b);
  const next = sorted.find((s) => s > m);
  const year = next ? y : y + 1;
  const month = next ?? sorted[0]!;
  return endOfMonth(`${year}-${String(month).padStart(2, "0")}-01`);
}

const bodyMatches = (match: BodyMatch | undefined, bodies: DeadlineInput["bodies"]) =>
  !match ||
  bodies.some(
    (b) => (!match.kinds || (b.kind != null && match.kinds.includes(b.kind))) && (!match.acronyms || b.acronyms.some((a) => match.acronyms!.includes(a))),
  );

/** The deadlines a record implies under the rules (usually none or one). */
export function deadlinesFor(input: DeadlineInput, rules: readonly DeadlineRule[] = DEADLINE_RULES): Deadline[] {
  const window: DateRange = dateWindow(input.date, input.datePrecision);
  const out: Deadline[] = [];
  for (const rule of rules) {
    if (rule.source !== input.source || !rule.types.includes(input.typeCode) || !bodyMatches(rule.body, input.bodies)) continue;
    let offset: Offset | null = rule.offset ?? null;
    let basis: string | null = null;
    if (rule.offsetByBody) {
      const acronym = input.bodies.flatMap((b) => b.acronyms).find((a) => rule.offsetByBody![a]);
      if (acronym) [offset, basis] = [rule.offsetByBody[acronym]!, acronym];
    }
    if (rule.treaties) {
      const text = `${input.title}\n${input.summary ?? ""}`;
      const treaty = rule.treaties.find((t) => t.pattern.test(text));
      if (!treaty) continue; // a treaty whose notice period the table does not know
      [offset, basis] = [treaty.offset, treaty.name];
    }
    const at = (d: string) => (rule.sessionMonths ? nextSessionEnd(d, rule.sessionMonths) : applyOffset(d, offset ?? {}));
    const due = at(window.from);
    const latest = at(window.to);
    const early = rule.id === "treatyDenunciation" && input.typeCode !== "TREATY_WITHDRAWAL_DEPOSITED";
    out.push({
      ruleId: rule.id,
      kind: rule.kind,
      due,
      latest,
      approximate: due !== latest || input.datePrecision === "ESTIMATED" || early || !!rule.sessionMonths,
      actionType: rule.actionType,
      basis,
      offset,
    });
  }
  return out;
}
