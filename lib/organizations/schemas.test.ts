import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/parse";
import { ZOrganizationInput } from "./schemas";

const errorsOf = (input: unknown) => {
  try {
    parseInput(ZOrganizationInput, input);
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return (e as AppError).fieldErrors;
  }
  throw new Error("expected the input to be refused");
};

describe("ZOrganizationInput", () => {
  it("requires a name and kind", () => {
    expect(errorsOf({})).toEqual({ name: ["validation.required"], kind: ["validation.required"] });
  });

  it("refuses a javascript: website and accepts https", () => {
    expect(errorsOf({ name: "ENNHRI", kind: "NETWORK", website: "javascript:alert(1)" })).toEqual({
      website: ["validation.url"],
    });
    expect(parseInput(ZOrganizationInput, { name: "ENNHRI", kind: "NETWORK", website: "https://ennhri.org" }).website).toBe(
      "https://ennhri.org",
    );
  });

  it("refuses mass assignment of deletedAt", () => {
    expect(errorsOf({ name: "x", kind: "OTHER", deletedAt: "2024-01-01" })).toEqual({ _form: ["validation.invalid"] });
  });
});
