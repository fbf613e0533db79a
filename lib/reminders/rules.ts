// When reminders go out (issue 8). One table, so that the office can correct it in one place; the
// functions below are pure and tested in rules.test.ts.

export type ReminderRules = {
  dueSoonDays: number;
  overdueLookbackDays: number;
  emailMaxAgeDays: number;
  digestHour: number;
  timeZone: string;
};

export const REMINDER_RULES: ReminderRules = {
  /** a follow-up due within this many days (today included) gets a "due soon" reminder */
  dueSoonDays: 3,
  /**
   * overdue follow-ups older than this are not reminded of again: the scan runs every few minutes,
   * so anything older was reminded of when it fell due; this also keeps a first start on years of
   * imported records from flooding everyone's inbox
   */
  overdueLookbackDays: 30,
  /** notifications older than this are not emailed any more (e.g. after SMTP was down for a week) */
  emailMaxAgeDays: 7,
  /** the daily digest goes out at or after this hour, office time */
  digestHour: 8,
  timeZone: "Europe/Kyiv",
};

const DAY = 86_400_000;
const iso = (d: Date) => d.toISOString().slice(0, 10);

/**
 * The follow-up dates that call for a reminder on `now`'s day. Calendar days are UTC, as in the
 * actions list's follow-up filter, so a reminder and the list it links to agree.
 */
export function reminderWindow(now: Date, rules = REMINDER_RULES) {
  const today = new Date(`${iso(now)}T00:00:00Z`);
  return {
    today: iso(today),
    /** first day that is still "overdue" enough to remind of */
    overdueSince: iso(new Date(today.getTime() - rules.overdueLookbackDays * DAY)),
    /** last day that is "due soon" */
    dueSoonUntil: iso(new Date(today.getTime() + (rules.dueSoonDays - 1) * DAY)),
  };
}

/** Which reminder a follow-up date gets today, if any. */
export function reminderKind(followUpDue: string, now: Date, rules = REMINDER_RULES): "OVERDUE" | "FOLLOW_UP_DUE" | null {
  const w = reminderWindow(now, rules);
  if (followUpDue < w.overdueSince || followUpDue > w.dueSoonUntil) return null;
  return followUpDue < w.today ? "OVERDUE" : "FOLLOW_UP_DUE";
}

/**
 * One notification per person, action, kind and follow-up date: the scan may run any number of
 * times (and on several instances) and still remind once; a new follow-up date reminds again.
 */
export const reminderDedupeKey = (kind: string, actionId: string, followUpDue: string, userId: string) =>
  `${kind}:${actionId}:${followUpDue}:${userId}`;

/** The office's calendar date and hour at `now`. */
export function officeClock(now: Date, timeZone: string = REMINDER_RULES.timeZone) {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", hourCycle: "h23" })
    .formatToParts(now)
    .reduce<Record<string, string>>((acc, p) => ({ ...acc, [p.type]: p.value }), {});
  return { date: `${parts.year}-${parts.month}-${parts.day}`, hour: Number(parts.hour) };
}

/** Whether a person whose last digest went out on `lastSentOn` (YYYY-MM-DD, office time) gets one now. */
export function digestDue(now: Date, lastSentOn: string | null, rules = REMINDER_RULES): boolean {
  const { date, hour } = officeClock(now, rules.timeZone);
  return hour >= rules.digestHour && (lastSentOn == null || lastSentOn < date);
}

/** The oldest notification that may still be emailed. */
export const emailCutoff = (now: Date, rules = REMINDER_RULES) => new Date(now.getTime() - rules.emailMaxAgeDays * DAY);
