import { describe, expect, it } from "vitest";
import { digestDue, emailCutoff, officeClock, reminderDedupeKey, reminderKind, reminderWindow } from "./rules";

const at = (s: string) => new Date(s);

describe("reminder rules", () => {
  it("reminds of follow-ups due today and in the next two days, and of those overdue up to 30 days", () => {
    const now = at("2026-12-04T09:00:00Z");
    expect(reminderWindow(now)).toEqual({ today: "2026-12-04", overdueSince: "2026-11-04", dueSoonUntil: "2026-12-06" });
    expect(reminderKind("2026-12-04", now)).toBe("FOLLOW_UP_DUE");
    expect(reminderKind("2026-12-06", now)).toBe("FOLLOW_UP_DUE");
    expect(reminderKind("2026-12-07", now)).toBeNull();
    expect(reminderKind("2026-12-03", now)).toBe("OVERDUE");
    expect(reminderKind("2026-11-04", now)).toBe("OVERDUE");
    expect(reminderKind("2026-11-03", now)).toBeNull();
  });

  it("counts days across a month and a year end", () => {
    expect(reminderWindow(at("2026-12-31T23:59:00Z")).dueSoonUntil).toBe("2027-01-02");
    expect(reminderWindow(at("2027-03-01T00:00:00Z")).overdueSince).toBe("2027-01-30");
  });

  it("keys a reminder by kind, action, date and person, so a changed date reminds again", () => {
    expect(reminderDedupeKey("OVERDUE", "a1", "2026-12-01", "u1")).toBe("OVERDUE:a1:2026-12-01:u1");
    expect(reminderDedupeKey("OVERDUE", "a1", "2026-12-02", "u1")).not.toBe(reminderDedupeKey("OVERDUE", "a1", "2026-12-01", "u1"));
  });

  it("reads the office clock in Kyiv time (UTC+2 in winter, +3 in summer)", () => {
    expect(officeClock(at("2026-12-04T22:30:00Z"))).toEqual({ date: "2026-12-05", hour: 0 });
    expect(officeClock(at("2026-07-01T05:00:00Z"))).toEqual({ date: "2026-07-01", hour: 8 });
  });

  it("sends the digest once a day, from 8:00 office time", () => {
    expect(digestDue(at("2026-12-04T05:59:00Z"), null)).toBe(false); // 07:59 in Kyiv
    expect(digestDue(at("2026-12-04T06:00:00Z"), null)).toBe(true);
    expect(digestDue(at("2026-12-04T06:00:00Z"), "2026-12-03")).toBe(true);
    expect(digestDue(at("2026-12-04T15:00:00Z"), "2026-12-04")).toBe(false);
  });

  it("stops emailing notifications older than a week", () => {
    expect(emailCutoff(at("2026-12-08T12:00:00Z")).toISOString()).toBe("2026-12-01T12:00:00.000Z");
  });
});
