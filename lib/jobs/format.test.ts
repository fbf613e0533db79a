import { describe, expect, it } from "vitest";
import { jobKey, jobResultMessage } from "./format";

describe("what the jobs page says about a run", () => {
  it("names a job's messages without nesting their keys", () => {
    expect(jobKey("reminders.scan")).toBe("remindersScan");
    expect(jobKey("reminders.email")).toBe("remindersEmail");
  });

  it("says what a run did, that email is off, or why it failed (an unexpected failure only by its reference)", () => {
    expect(jobResultMessage("reminders.scan", { notified: 3 }, null)).toEqual({ key: "results.remindersScan", values: { notified: 3 } });
    expect(jobResultMessage("reminders.email", { emails: 0, digests: 0, smtp: false }, null)).toEqual({ key: "results.noSmtp", values: {} });
    expect(jobResultMessage("reminders.email", null, "SMTP: connection refused")).toEqual({ key: "results.error", values: { error: "SMTP: connection refused" } });
    expect(jobResultMessage("reminders.email", null, "ref:ab12cd")).toEqual({ key: "results.unexpected", values: { ref: "ab12cd" } });
    expect(jobResultMessage("reminders.scan", null, null)).toBeNull();
  });
});
