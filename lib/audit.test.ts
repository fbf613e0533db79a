import { describe, expect, it } from "vitest";
import { changedFields } from "./audit";

describe("changedFields", () => {
  it("returns only the fields that changed, before and after", () => {
    expect(changedFields({ title: "a", status: "SENT", ids: ["1"] }, { title: "b", status: "SENT", ids: ["1"] })).toEqual({
      before: { title: "a" },
      after: { title: "b" },
    });
  });

  it("returns null when nothing changed (no audit row for a no-op save)", () => {
    expect(changedFields({ a: 1, ids: ["x", "y"] }, { a: 1, ids: ["x", "y"] })).toBeNull();
  });

  it("records a field that appeared or disappeared as null on the other side", () => {
    expect(changedFields({ a: 1 }, { b: 2 })).toEqual({ before: { a: 1, b: null }, after: { a: null, b: 2 } });
  });

  it("compares lists by content and order", () => {
    expect(changedFields({ ids: ["x", "y"] }, { ids: ["x", "z"] })).toEqual({
      before: { ids: ["x", "y"] },
      after: { ids: ["x", "z"] },
    });
  });
});
