import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { canonicalAroundId, canonicalJson, chainHash, type HashedAuditRow } from "./audit-hash";

const rows: HashedAuditRow[] = [
  {
    id: 1n,
    at: new Date("2026-12-04T08:00:00.123Z"),
    actorId: null,
    actorRole: null,
    event: "auth.signin.failed",
    entity: "User",
    entityId: null,
    before: null,
    after: null,
    ip: "203.0.113.7",
    userAgent: null,
  },
  {
    id: "3000421",
    at: "2026-01-31T23:59:59.999Z",
    actorId: "u1",
    actorRole: "STAFF",
    event: "action.updated",
    entity: "Action",
    entityId: "a1",
    // nested keys that also appear at the top level, Cyrillic, quotes and newlines
    before: { title: "Звернення до \"МКЧХ\"\nщодо військовополонених", id: "x", ip: "y", organizationIds: ["b", "a"] },
    after: { title: "=HYPERLINK(\"http://x\",\"y\")", id: 7, nested: { z: 1, a: [null, true] } },
    ip: "::1",
    userAgent: "Mozilla/5.0 (X11; Linux x86_64) \u2028",
  },
];

describe("the chain's hash", () => {
  it("splits the canonical JSON exactly around the id, so the database can put its id in between", () => {
    for (const row of rows) {
      const { head, tail } = canonicalAroundId(row);
      expect(`${head}"id":"${String(row.id)}"${tail}`).toBe(canonicalJson({ ...row, id: String(row.id) }));
    }
  });

  it("is sha256 of the previous hash followed by the canonical JSON of the row", () => {
    const prev = "ab".repeat(32);
    for (const row of rows) {
      const expected = createHash("sha256")
        .update(prev + canonicalJson({ ...row, id: String(row.id) }))
        .digest("hex");
      expect(chainHash(prev, row)).toBe(expected);
    }
    expect(chainHash(null, rows[0])).toBe(
      createHash("sha256")
        .update(canonicalJson({ ...rows[0], id: "1" }))
        .digest("hex"),
    );
  });

  it("changes when any field changes", () => {
    const base = chainHash(null, rows[1]);
    expect(chainHash(null, { ...rows[1], id: "3000422" })).not.toBe(base);
    expect(chainHash(null, { ...rows[1], after: { ...(rows[1].after as object), id: 8 } })).not.toBe(base);
    expect(chainHash("00", rows[1])).not.toBe(base);
  });
});
