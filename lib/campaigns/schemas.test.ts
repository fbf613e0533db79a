import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/parse";
import { ZCampaignInput } from "./schemas";

const errorsOf = (input: unknown) => {
  try {
    parseInput(ZCampaignInput, input);
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return (e as AppError).fieldErrors;
  }
  throw new Error("expected the input to be refused");
};

describe("ZCampaignInput", () => {
  it("requires a title and status and defaults the priority", () => {
    expect(errorsOf({})).toEqual({ title: ["validation.required"], status: ["validation.required"] });
    expect(parseInput(ZCampaignInput, { title: "Remove the Russian Ombudsman from networks", status: "ACTIVE" }).priority).toBe(
      "MEDIUM",
    );
  });

  it("refuses an end before the start and impossible dates", () => {
    expect(errorsOf({ title: "t", status: "ACTIVE", startDate: "2024-05-01", endDate: "2024-04-30" })).toEqual({
      endDate: ["validation.endBeforeStart"],
    });
    expect(errorsOf({ title: "t", status: "ACTIVE", startDate: "2023-02-31" })).toEqual({ startDate: ["validation.date"] });
  });

  it("refuses an unknown priority", () => {
    expect(errorsOf({ title: "t", status: "ACTIVE", priority: "URGENT" })).toEqual({ priority: ["validation.choose"] });
  });
});
