import { describe, expect, it } from "vitest";
import { actionsHref, paramsOfHref } from "./links";
import { addMonths, addYears, bucketsOf, chartWindow, resolvePeriod, ZDashboardParams } from "./period";

const TODAY = "2026-11-22";

describe("[DASHBOARD] period", () => {
  it.each([
    ["month", "2026-11-01", "2026-11-22", "2025-11-01", "2025-11-22"],
    ["quarter", "2026-10-01", "2026-11-22", "2025-10-01", "2025-11-22"],
    ["year", "2026-01-01", "2026-11-22", "2025-01-01", "2025-11-22"],
    ["lastYear", "2025-01-01", "2025-12-31", "2024-01-01", "2024-12-31"],
  ] as const)("%s: %s – %s, beside %s – %s", (period, from, to, prevFrom, prevTo) => {
    expect(resolvePeriod({ period }, TODAY)).toMatchObject({ preset: period, from, to, previous: { from: prevFrom, to: prevTo } });
  });

  it("defaults to this year, also for nonsense in the URL", () => {
    expect(ZDashboardParams.parse({})).toEqual({ period: "year" });
    expect(ZDashboardParams.parse({ period: "decade", from: "2024-02-30" })).toEqual({ period: "year" });
    expect(resolvePeriod(ZDashboardParams.parse({ period: "custom" }), TODAY)).toMatchObject({ from: "2026-01-01", to: TODAY });
  });

  it("custom dates: swapped when reversed, missing ends filled in", () => {
    expect(resolvePeriod({ period: "custom", from: "2024-12-31", to: "2024-01-01" }, TODAY)).toMatchObject({ from: "2024-01-01", to: "2024-12-31", toDate: false });
    expect(resolvePeriod({ period: "custom", from: "2025-06-01" }, TODAY)).toMatchObject({ from: "2025-06-01", to: TODAY, toDate: true });
    expect(resolvePeriod({ period: "custom", to: "2023-05-10" }, TODAY)).toMatchObject({ from: "2023-01-01", to: "2023-05-10" });
  });

  it("a year before 29 February is 28 February; month ends are kept", () => {
    expect(addYears("2024-02-29", -1)).toBe("2023-02-28");
    expect(addMonths("2025-01-31", 1)).toBe("2025-02-28");
    expect(addMonths("2025-03-15", -15)).toBe("2023-12-15");
    expect(resolvePeriod({ period: "custom", from: "2024-02-01", to: "2024-02-29" }, TODAY).previous).toEqual({ from: "2023-02-01", to: "2023-02-28" });
  });
});

describe("[DASHBOARD] chart buckets", () => {
  it("months of a range, the first and last cut to it", () => {
    expect(bucketsOf({ from: "2024-01-15", to: "2024-03-10" }, "month")).toEqual([
      { key: "2024-01", unit: "month", from: "2024-01-15", to: "2024-01-31" },
      { key: "2024-02", unit: "month", from: "2024-02-01", to: "2024-02-29" },
      { key: "2024-03", unit: "month", from: "2024-03-01", to: "2024-03-10" },
    ]);
  });

  it("a short period is shown with the months before it; a year is shown as it is", () => {
    const month = chartWindow(resolvePeriod({ period: "month" }, TODAY), "month", { min: 12, max: 36 });
    expect(month).toMatchObject({ from: "2025-12-01", to: TODAY, unit: "month" });
    expect(month.buckets.map((b) => b.key)).toEqual([
      "2025-12", "2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10", "2026-11",
    ]);
    const lastYear = chartWindow(resolvePeriod({ period: "lastYear" }, TODAY), "month", { min: 12, max: 36 });
    expect([lastYear.from, lastYear.to, lastYear.buckets.length]).toEqual(["2025-01-01", "2025-12-31", 12]);
  });

  it("quarters: eight by default; a long period switches to coarser bars", () => {
    const q = chartWindow(resolvePeriod({ period: "year" }, TODAY), "quarter", { min: 8, max: 20 });
    expect(q.buckets.map((b) => b.key)).toEqual(["2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"]);
    expect(q.buckets.at(-1)).toMatchObject({ from: "2026-10-01", to: TODAY });
    const decade = chartWindow({ from: "2015-01-01", to: "2024-12-31" }, "month", { min: 12, max: 36 });
    expect([decade.unit, decade.buckets.length]).toEqual(["year", 10]);
    const twoYears = chartWindow({ from: "2020-01-01", to: "2023-12-31" }, "month", { min: 12, max: 36 });
    expect([twoYears.unit, twoYears.buckets.length]).toEqual(["quarter", 16]);
  });
});

describe("[DASHBOARD] links", () => {
  it("puts the filter in the list's URL and reads it back", () => {
    const href = actionsHref({ type: "FOREIGN_VISIT", from: "2024-01-01", to: "2024-12-31", org: undefined });
    expect(href).toBe("/actions?type=FOREIGN_VISIT&from=2024-01-01&to=2024-12-31");
    expect(paramsOfHref(href)).toEqual({ type: "FOREIGN_VISIT", from: "2024-01-01", to: "2024-12-31" });
    expect(actionsHref({})).toBe("/actions");
  });
});
