import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/parse";
import { actionInput } from "@/tests/support/inputs";
import { ZActionInput } from "./schemas";

const errorsOf = (input: unknown) => {
  try {
    parseInput(ZActionInput, input);
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return (e as AppError).fieldErrors;
  }
  throw new Error("expected the input to be refused");
};

describe("ZActionInput", () => {
  it("accepts a minimal action and fills the defaults", () => {
    const d = parseInput(ZActionInput, actionInput());
    expect(d).toMatchObject({
      title: "Appeal to the ICRC on prisoners of war",
      datePrecision: "DAY",
      confidentiality: "INTERNAL",
      organizationIds: [],
      campaignIds: [],
      participantIds: [],
    });
  });

  it("gives validation.required for every required field left empty", () => {
    expect(errorsOf({ title: "", type: "", date: "", status: "" })).toEqual({
      title: ["validation.required"],
      type: ["validation.required"],
      date: ["validation.required"],
      status: ["validation.required"],
    });
    expect(errorsOf({})).toEqual({
      title: ["validation.required"],
      type: ["validation.required"],
      date: ["validation.required"],
      status: ["validation.required"],
    });
  });

  it("refuses an impossible date", () => {
    expect(errorsOf(actionInput({ date: "2023-02-31" }))).toEqual({ date: ["validation.date"] });
    expect(errorsOf(actionInput({ followUpDue: "2024-02-30" }))?.followUpDue).toContain("validation.date");
  });

  it("refuses a follow-up due before the action's date", () => {
    expect(errorsOf(actionInput({ date: "2024-10-01", followUpDue: "2024-09-30" }))).toEqual({
      followUpDue: ["validation.followUpBeforeDate"],
    });
    expect(parseInput(ZActionInput, actionInput({ date: "2024-10-01", followUpDue: "2024-10-01" })).followUpDue).toBe(
      "2024-10-01",
    );
  });

  it("refuses a response dated before the action", () => {
    expect(errorsOf(actionInput({ date: "2024-10-01", responseDate: "2024-01-01" }))).toEqual({
      responseDate: ["validation.responseBeforeDate"],
    });
  });

  it("refuses control characters in the title and summary", () => {
    expect(errorsOf(actionInput({ title: "Appeal\u0000", summary: "x\u0008" }))).toEqual({
      title: ["validation.controlCharacters"],
      summary: ["validation.controlCharacters"],
    });
  });

  it.each([
    ["createdById", "someone-else"],
    ["id", "forged"],
    ["deletedAt", null],
    ["role", "ADMIN"],
    ["typeId", "raw-term-id"],
  ])("refuses mass assignment of %s", (key, value) => {
    expect(errorsOf({ ...actionInput(), [key]: value })).toEqual({ _form: ["validation.invalid"] });
  });

  it("refuses an unknown confidentiality or date precision", () => {
    expect(errorsOf(actionInput({ confidentiality: "SECRET", datePrecision: "CENTURY" }))).toEqual({
      confidentiality: ["validation.choose"],
      datePrecision: ["validation.choose"],
    });
  });

  it("de-duplicates chosen organizations, campaigns and participants", () => {
    const d = parseInput(ZActionInput, actionInput({ organizationIds: ["o1", "o1", "o2"], participantIds: "u1" }));
    expect(d.organizationIds).toEqual(["o1", "o2"]);
    expect(d.participantIds).toEqual(["u1"]);
  });

  it("refuses a title over 300 characters", () => {
    expect(errorsOf(actionInput({ title: "x".repeat(301) }))).toEqual({ title: ["validation.tooLong"] });
  });
});
