import { describe, expect, it } from "vitest";
import { checkDatabase } from "@/lib/health";

describe("health check", () => {
  it("reports the test database as reachable", async () => {
    await expect(checkDatabase()).resolves.toBe(true);
  });
});
