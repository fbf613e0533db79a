import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/parse";
import { ZLinkInput, ZLinkUpdate } from "./schemas";

const errorsOf = (schema: typeof ZLinkInput | typeof ZLinkUpdate, input: unknown) => {
  try {
    parseInput(schema, input);
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return (e as AppError).fieldErrors;
  }
  throw new Error("expected the input to be refused");
};

describe("link schemas", () => {
  it("requires both ends and a contribution", () => {
    expect(errorsOf(ZLinkInput, {})).toEqual({
      actionId: ["validation.required"],
      outcomeId: ["validation.required"],
      contribution: ["validation.required"],
    });
  });

  it("refuses changing the ends of an existing link (update takes only contribution and note)", () => {
    expect(errorsOf(ZLinkUpdate, { contribution: "DECISIVE", actionId: "other" })).toEqual({ _form: ["validation.invalid"] });
  });

  it("refuses control characters in the evidence note", () => {
    expect(errorsOf(ZLinkInput, { actionId: "a", outcomeId: "o", contribution: "DECISIVE", evidenceNote: "x\u0000" })).toEqual({
      evidenceNote: ["validation.controlCharacters"],
    });
  });
});
