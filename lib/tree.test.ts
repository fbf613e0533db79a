import { describe, expect, it } from "vitest";
import { AppError } from "./errors";
import { assertNoCycle } from "./tree";

// child → parent
const parents: Record<string, string | null> = {
  ennhriBoard: "ennhri",
  ennhri: null,
  scaSub: "sca",
  sca: "ganhri",
  ganhri: null,
};
const parentOf = async (id: string) => parents[id];

describe("assertNoCycle", () => {
  it("accepts no parent and an unrelated parent", async () => {
    await expect(assertNoCycle("ennhri", undefined, parentOf)).resolves.toBeUndefined();
    await expect(assertNoCycle("ennhri", "ganhri", parentOf)).resolves.toBeUndefined();
  });

  it("refuses a record as its own parent", async () => {
    await expect(assertNoCycle("ennhri", "ennhri", parentOf)).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { parentId: ["validation.parentCycle"] },
    });
  });

  it("refuses a parent that is one of the record's descendants", async () => {
    await expect(assertNoCycle("ganhri", "scaSub", parentOf)).rejects.toBeInstanceOf(AppError);
  });

  it("stops on an existing loop in the data instead of spinning forever", async () => {
    const loop = async (id: string) => (id === "a" ? "b" : "a");
    await expect(assertNoCycle("z", "a", loop)).rejects.toBeInstanceOf(AppError);
  });
});
