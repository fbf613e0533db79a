import { describe, expect, it } from "vitest";
import { toDbDate, toDbDateOrNull, toIsoDate, toIsoDateOrNull, todayIso } from "./dates";

describe("dates", () => {
  it("round-trips a calendar day without a time-zone shift", () => {
    expect(toIsoDate(toDbDate("2024-10-01"))).toBe("2024-10-01");
    expect(toDbDate("2024-10-01").toISOString()).toBe("2024-10-01T00:00:00.000Z");
  });
  it("keeps null as null", () => {
    expect(toDbDateOrNull(null)).toBeNull();
    expect(toDbDateOrNull("")).toBeNull();
    expect(toIsoDateOrNull(null)).toBeNull();
  });
  it("gives today in UTC", () => {
    expect(todayIso(new Date("2025-09-29T23:30:00-02:00"))).toBe("2025-09-30");
  });
});

describe("toIsoDate, remembered per day", () => {
  it("formats every day right, also past the size of what it remembers", () => {
    const start = Date.UTC(1900, 0, 1);
    for (let i = 0; i < 60_000; i += 7) {
      const d = new Date(start + i * 86_400_000);
      expect(toIsoDate(d)).toBe(d.toISOString().slice(0, 10));
    }
    expect(toIsoDate(new Date("2024-10-01T00:00:00Z"))).toBe("2024-10-01");
    expect(toIsoDate(new Date("2024-10-01T23:59:59.999Z"))).toBe("2024-10-01");
  });
});
