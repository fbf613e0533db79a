import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/parse";
import { outcomeInput } from "@/tests/support/inputs";
import { ZOutcomeInput } from "./schemas";

const errorsOf = (input: unknown) => {
  try {
    parseInput(ZOutcomeInput, input);
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return (e as AppError).fieldErrors;
  }
  throw new Error("expected the input to be refused");
};

describe("ZOutcomeInput", () => {
  it("accepts a minimal outcome with defaults", () => {
    expect(parseInput(ZOutcomeInput, outcomeInput())).toMatchObject({
      datePrecision: "DAY",
      confidentiality: "INTERNAL",
      campaignIds: [],
    });
  });

  it("gives validation.required for the required fields", () => {
    expect(errorsOf({})).toEqual({
      title: ["validation.required"],
      type: ["validation.required"],
      date: ["validation.required"],
      verification: ["validation.required"],
    });
  });

  it("refuses an impossible date", () => {
    expect(errorsOf(outcomeInput({ date: "2023-02-31" }))).toEqual({ date: ["validation.date"] });
  });

  it("accepts an https source and refuses a javascript: one", () => {
    expect(parseInput(ZOutcomeInput, outcomeInput({ sourceUrl: "https://ennhri.org/news" })).sourceUrl).toBe(
      "https://ennhri.org/news",
    );
    expect(errorsOf(outcomeInput({ sourceUrl: "javascript:alert(1)" }))).toEqual({ sourceUrl: ["validation.url"] });
  });

  it("refuses mass assignment of createdById", () => {
    expect(errorsOf({ ...outcomeInput(), createdById: "x" })).toEqual({ _form: ["validation.invalid"] });
  });

  it("treats blank optional ids as absent", () => {
    const d = parseInput(ZOutcomeInput, outcomeInput({ decidingBodyId: "", subjectId: "  " }));
    expect(d.decidingBodyId).toBeUndefined();
    expect(d.subjectId).toBeUndefined();
  });
});
