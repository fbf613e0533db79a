import { describe, expect, it } from "vitest";
import { ZActionListParams } from "./actions/schemas";
import { flattenSearchParams, likeTerm, toPage } from "./list-params";
import { ZOutcomeListParams } from "./outcomes/schemas";

describe("list params from the URL", () => {
  it("gives the defaults for an empty URL", () => {
    expect(ZActionListParams.parse({})).toEqual({ q: "", page: 1, size: 25, sort: "date", dir: "desc" });
  });

  it("falls back to the defaults on junk instead of failing the page", () => {
    const p = ZActionListParams.parse({ page: "-1", size: "7", sort: "evil", dir: "sideways", q: "x".repeat(500) });
    expect(p).toMatchObject({ page: 1, size: 25, sort: "date", dir: "desc", q: "" });
  });

  it.each([
    ["page", "abc", 1],
    ["page", "0", 1],
    ["page", "2.5", 1],
    ["page", "3", 3],
    ["size", "1000", 100],
    ["size", "1e9", 100],
    ["size", "-5", 25],
    ["size", "50", 50],
  ])("%s=%s → %s", (key, value, expected) => {
    expect(ZActionListParams.parse({ [key]: value })[key as "page" | "size"]).toBe(expected);
  });

  it("refuses a sort key outside the allowlist (no sorting by arbitrary columns)", () => {
    expect(ZActionListParams.parse({ sort: "createdBy.passwordHash" }).sort).toBe("date");
    expect(ZActionListParams.parse({ sort: "title", dir: "asc" })).toMatchObject({ sort: "title", dir: "asc" });
    expect(ZOutcomeListParams.parse({ sort: "followUpDue" }).sort).toBe("date");
  });

  it("ignores invalid filter values", () => {
    const p = ZActionListParams.parse({ from: "2023-02-31", to: "soon", type: "x".repeat(100), org: "  " });
    expect(p.from).toBeUndefined();
    expect(p.to).toBeUndefined();
    expect(p.type).toBeUndefined();
    expect(p.org).toBeUndefined();
    expect(ZActionListParams.parse({ from: "2024-01-01", type: "LETTER_APPEAL" })).toMatchObject({
      from: "2024-01-01",
      type: "LETTER_APPEAL",
    });
  });

  it("takes the first of repeated URL values", () => {
    expect(flattenSearchParams({ page: ["2", "3"], q: "ENNHRI", x: undefined })).toEqual({
      page: "2",
      q: "ENNHRI",
      x: undefined,
    });
    expect(flattenSearchParams(new URLSearchParams("page=2&q=IOI"))).toEqual({ page: "2", q: "IOI" });
  });

  it("counts pages, with at least one page for an empty list", () => {
    expect(toPage([], 0, 1, 25).pageCount).toBe(1);
    expect(toPage([], 26, 1, 25).pageCount).toBe(2);
    expect(toPage([], 50, 1, 25).pageCount).toBe(2);
  });
});

describe("likeTerm", () => {
  it("escapes the LIKE wildcards and the escape character, and nothing else", () => {
    expect(likeTerm("100%")).toBe("100\\%");
    expect(likeTerm("REF_1")).toBe("REF\\_1");
    expect(likeTerm("a\\b")).toBe("a\\\\b");
    expect(likeTerm("військовополонених 1/2024-вих")).toBe("військовополонених 1/2024-вих");
  });
});
