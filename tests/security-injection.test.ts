// Forged keyset cursors: the `after`/`before` parameter is base64url JSON that a client can write
// itself. A cursor whose value has another type than the sorted field (text for a date, a number
// for a title) used to reach Prisma and fail as an unexpected error (500, "Something went wrong")
// that anyone could repeat; it now means the first page, like any malformed cursor. Operator
// objects never reach a query.
import { describe, expect, it } from "vitest";
import { findActions } from "@/lib/actions/queries";
import { db } from "@/lib/db";
import { findOutcomes } from "@/lib/outcomes/queries";
import { makeAction, makeOutcome } from "@/prisma/factories";
import { makeActor } from "@/tests/support/fixtures";

const cursor = (v: unknown) => Buffer.from(JSON.stringify(v), "utf8").toString("base64url");

describe("[SECURITY] forged keyset cursors", () => {
  it.each([
    ["date", "desc", "hello"],
    ["date", "desc", 12],
    ["date", "asc", "2024-01-01' OR 1=1 --"],
    ["title", "asc", 5],
    ["updatedAt", "desc", "zz"],
    ["type", "asc", "x"],
    ["date", "desc", { gt: "2000-01-01" }],
    ["date", "desc", ["d:2024-01-01T00:00:00.000Z"]],
  ])("sort=%s dir=%s value=%j: the first page, for actions and outcomes, after and before", async (sort, dir, value) => {
    const staff = await makeActor("STAFF");
    for (let i = 0; i < 3; i++) {
      await makeAction(db, { createdById: staff.id, date: `2024-0${i + 1}-01` });
      await makeOutcome(db, { createdById: staff.id, date: `2024-0${i + 1}-01` });
    }
    for (const find of [findActions, findOutcomes]) {
      const first = await find({ actor: staff, params: { sort, dir, size: "10" } });
      for (const param of ["after", "before"]) {
        for (const id of ["x", { not: "" }]) {
          const page = await find({ actor: staff, params: { sort, dir, size: "10", [param]: cursor([sort, dir, value, id]) } });
          expect(
            page.rows.map((r) => r.id),
            `${find.name} ${param}`,
          ).toEqual(first.rows.map((r) => r.id));
        }
      }
    }
  });
});
