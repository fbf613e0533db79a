// Unit tests of the pure parts of the day counts (the database parts are covered by
// lib/dashboard/dashboard.test.ts, which compares every number with its list).
import { describe, expect, it } from "vitest";
import { countableByDays, spanOf, sumByType } from "./day-counts";

describe("[DAY COUNTS] which lists they can count, and sums per range", () => {
  it("counts only lists filtered by dates and type: any other filter, even an unknown one, is refused", () => {
    const paging = { page: 1, size: 50, sort: "date", dir: "desc", after: undefined, before: undefined, q: "" };
    expect(countableByDays({ ...paging, type: "LETTER_APPEAL", from: "2016-01-01" }, ["type", "category"])).toBe(true);
    expect(countableByDays({ ...paging, category: "meeting", to: "2020-12-31" }, ["type", "category"])).toBe(true);
    expect(countableByDays({ ...paging, type: "LETTER_APPEAL", q: "ombudsman" }, ["type", "category"])).toBe(false);
    expect(countableByDays({ ...paging, type: "LETTER_APPEAL", org: "o1" }, ["type", "category"])).toBe(false);
    expect(countableByDays({ ...paging, mine: "1" }, ["type", "category"])).toBe(false);
    expect(countableByDays({ ...paging, somethingNew: "x" }, ["type", "category"])).toBe(false);
  });

  it("sums the days within a range per type, both ends included", () => {
    const rows = [
      { typeId: "a", day: "2024-01-31", n: 2 },
      { typeId: "a", day: "2024-02-01", n: 3 },
      { typeId: "b", day: "2024-02-29", n: 1 },
      { typeId: "b", day: "2024-03-01", n: 7 },
    ];
    expect(Object.fromEntries(sumByType(rows, { from: "2024-02-01", to: "2024-02-29" }))).toEqual({ a: 3, b: 1 });
    expect(sumByType(rows, { from: "2025-01-01", to: "2025-12-31" }).size).toBe(0);
    expect(spanOf({ from: "2024-02-01", to: "2024-02-29" }, { from: "2023-02-01", to: "2023-02-28" })).toEqual({ from: "2023-02-01", to: "2024-02-29" });
  });
});
