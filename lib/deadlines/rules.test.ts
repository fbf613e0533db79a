import { describe, expect, it } from "vitest";
import { deadlinesFor, nextSessionEnd, type DeadlineInput } from "./rules";

const outcome = (o: Partial<DeadlineInput>): DeadlineInput => ({
  source: "outcome",
  typeCode: "RESOLUTION_ADOPTED",
  date: "2024-10-15",
  datePrecision: "DAY",
  title: "An outcome",
  bodies: [],
  ...o,
});

describe("[DEADLINES] GANHRI SCA recommendation: challenge window of 28 days", () => {
  it("closes 28 days after a recommendation dated to the day", () => {
    expect(deadlinesFor(outcome({ typeCode: "DOWNGRADE_RECOMMENDED", date: "2024-10-15" }))).toEqual([
      expect.objectContaining({ ruleId: "scaChallengeWindow", kind: "windowCloses", due: "2024-11-12", latest: "2024-11-12", approximate: false }),
    ]);
  });

  it("a month-only date gives a range and is marked approximate", () => {
    const [d] = deadlinesFor(outcome({ typeCode: "ACCREDITATION_REMOVED", date: "2024-10-01", datePrecision: "MONTH" }));
    expect(d).toMatchObject({ due: "2024-10-29", latest: "2024-11-28", approximate: true });
  });

  it("does not apply to a special review being opened", () => {
    expect(deadlinesFor(outcome({ typeCode: "SCA_SPECIAL_REVIEW_OPENED" }))).toEqual([]);
  });
});

describe("[DEADLINES] treaty-body concluding observations: follow-up after 1 year, 2 for CEDAW and CMW", () => {
  const cited = (acronym: string, kind = "TREATY_BODY") =>
    deadlinesFor(outcome({ typeCode: "UN_CITED_IN_REPORT", date: "2025-03-07", bodies: [{ kind, acronyms: [acronym, "UN"] }] }));

  it.each([
    ["CCPR", "2026-03-07", null],
    ["CAT", "2026-03-07", null],
    ["CEDAW", "2027-03-07", "CEDAW"],
    ["CMW", "2027-03-07", "CMW"],
  ])("%s → %s", (acronym, due, basis) => {
    expect(cited(acronym)).toEqual([expect.objectContaining({ ruleId: "treatyBodyFollowUp", due, basis, actionType: "TREATY_BODY_REPORT" })]);
  });

  it("a UN report that is not a treaty body's implies no follow-up date", () => {
    expect(cited("OHCHR", "UN_BODY")).toEqual([]);
  });
});

describe("[DEADLINES] treaty denunciation takes effect after the notice period (ECPT: 12 months)", () => {
  it("12 months after the notification is deposited", () => {
    const [d] = deadlinesFor(
      outcome({ typeCode: "TREATY_WITHDRAWAL_DEPOSITED", date: "2025-10-03", title: "Russia notifies its denunciation of the ECPT" }),
    );
    expect(d).toMatchObject({ ruleId: "treatyDenunciation", kind: "takesEffect", due: "2026-10-03", basis: "ECPT", approximate: false });
  });

  it("from the signature of the law it is the earliest possible date (notification still to come)", () => {
    const [d] = deadlinesFor(
      outcome({
        typeCode: "TREATY_WITHDRAWAL_SIGNED",
        date: "2025-09-29",
        title: "Russia: law on the denunciation of the European Convention for the Prevention of Torture signed",
      }),
    );
    expect(d).toMatchObject({ due: "2026-09-29", approximate: true });
  });

  it("a treaty whose notice period the table does not know gives no date", () => {
    expect(deadlinesFor(outcome({ typeCode: "TREATY_WITHDRAWAL_DEPOSITED", title: "Withdrawal from some other treaty" }))).toEqual([]);
  });
});

describe("[DEADLINES] a submission to the SCA is considered at its next session (March, October)", () => {
  it.each([
    ["2024-09-01", "2024-10-31"],
    ["2024-10-20", "2025-03-31"],
    ["2025-01-10", "2025-03-31"],
    ["2025-03-05", "2025-10-31"],
  ])("submitted %s → check after %s", (date, due) => {
    expect(nextSessionEnd(date, [3, 10])).toBe(due);
    const [d] = deadlinesFor({ source: "action", typeCode: "SCA_THIRD_PARTY_SUBMISSION", date, datePrecision: "DAY", title: "x", bodies: [] });
    expect(d).toMatchObject({ ruleId: "scaNextSession", due, approximate: true });
  });

  it("outcome rules never apply to actions and the other way round", () => {
    expect(deadlinesFor({ source: "action", typeCode: "DOWNGRADE_RECOMMENDED", date: "2024-01-01", datePrecision: "DAY", title: "x", bodies: [] })).toEqual([]);
    expect(deadlinesFor(outcome({ typeCode: "SCA_THIRD_PARTY_SUBMISSION" }))).toEqual([]);
  });
});
