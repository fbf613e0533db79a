// Keyset paging of the lists: pure cursor round trips, and walking a real list forwards and back in
// every order (integration, against the test database).
import { describe, expect, it } from "vitest";
import { findActions } from "@/lib/actions/queries";
import { ACTION_SORT_KEYS } from "@/lib/actions/schemas";
import { db } from "@/lib/db";
import { makeAction, makeOrganization } from "@/prisma/factories";
import { makeActor } from "@/tests/support/fixtures";
import { cappedTotal, COUNT_CAP, decodeCursor, encodeCursor, SEARCH_COUNT_CAP } from "./list-cursor";

describe("[LISTS] cursors", () => {
  it("round-trips dates, numbers, text and nulls, and ignores a cursor of another order or a forged one", () => {
    const at = new Date("2024-05-01T00:00:00.000Z");
    for (const value of [at, 7, "Лист №1", null]) {
      expect(decodeCursor(encodeCursor("date", "desc", { value, id: "a1" }), "date", "desc")).toEqual({ value, id: "a1" });
    }
    const c = encodeCursor("date", "desc", { value: at, id: "a1" });
    expect(decodeCursor(c, "title", "desc")).toBeNull();
    expect(decodeCursor(c, "date", "asc")).toBeNull();
    expect(decodeCursor("not-a-cursor", "date", "desc")).toBeNull();
    expect(decodeCursor(Buffer.from('["date","desc","d:garbage","a1"]').toString("base64url"), "date", "desc")).toBeNull();
  });

  it("counts exactly up to the cap and says when it stopped", () => {
    expect(cappedTotal(12)).toEqual({ total: 12, totalExact: true });
    expect(cappedTotal(COUNT_CAP)).toEqual({ total: COUNT_CAP, totalExact: true });
    expect(cappedTotal(COUNT_CAP + 1)).toEqual({ total: COUNT_CAP, totalExact: false });
    expect(cappedTotal(SEARCH_COUNT_CAP + 1, SEARCH_COUNT_CAP)).toEqual({ total: SEARCH_COUNT_CAP, totalExact: false });
  });
});

describe("[LISTS] keyset paging of the actions list", () => {
  it("walks every order forwards and backwards: each row once, the same pages both ways", async () => {
    const manager = await makeActor("MANAGER");
    const org = await makeOrganization(db);
    // Ties in every sort key (two dates, few types), and follow-ups on some rows only (nulls last).
    for (let i = 0; i < 23; i++)
      await makeAction(db, {
        createdById: manager.id,
        organizationIds: [org.id],
        date: i % 3 ? "2024-05-01" : "2024-05-02",
        title: `Row ${i % 5}`,
        followUpDue: i % 4 ? null : "2024-06-0" + (1 + (i % 2)),
      });
    for (const sort of ACTION_SORT_KEYS)
      for (const dir of ["asc", "desc"] as const) {
        const base = { org: org.id, size: "10", sort, dir };
        const forward = [await findActions({ actor: manager, params: base })];
        while (forward.at(-1)!.next)
          forward.push(await findActions({ actor: manager, params: { ...base, after: forward.at(-1)!.next } }));
        const ids = forward.flatMap((p) => p.rows.map((r) => r.id));
        expect(ids, `${sort} ${dir}`).toHaveLength(23);
        expect(new Set(ids).size).toBe(23);
        expect(forward.map((p) => p.rows.length)).toEqual([10, 10, 3]);
        expect([forward[0].prev, forward[0].total, forward[0].totalExact]).toEqual([null, 23, true]);
        // Back from the last page: the same pages in reverse, ending on the first page (no prev).
        const back = await findActions({ actor: manager, params: { ...base, before: forward[2].prev } });
        expect(back.rows.map((r) => r.id)).toEqual(forward[1].rows.map((r) => r.id));
        const start = await findActions({ actor: manager, params: { ...base, before: back.prev } });
        expect(start.rows.map((r) => r.id)).toEqual(forward[0].rows.map((r) => r.id));
        expect(start.prev).toBeNull();
      }
  });
});
