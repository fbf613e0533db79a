// Integration tests: a create submitted twice with the same form key makes one record, whether the
// second submit comes after the first (a retry) or at the same time (a double click).
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createAction } from "@/lib/actions/mutations";
import { createOrganization } from "@/lib/organizations/mutations";
import { db } from "@/lib/db";
import { auditRowsFor, expectAppError, makeActor, uniq } from "@/tests/support/fixtures";
import { actionInput } from "@/tests/support/inputs";

const withKey = (input: Record<string, unknown>, key: string) => ({ ...input, idempotencyKey: key });

describe("[IDEMPOTENCY] one record per submitted form", () => {
  it("a retry of a create returns the first record instead of making another", async () => {
    const staff = await makeActor("STAFF");
    const title = `Retry ${uniq()}`;
    const key = randomUUID();
    const first = await createAction({ actor: staff, input: withKey(actionInput({ title }), key) });
    const retry = await createAction({ actor: staff, input: withKey(actionInput({ title }), key) });
    expect(retry).toEqual({ id: first.id });
    expect(await db.action.count({ where: { title } })).toBe(1);
    expect(await auditRowsFor(first.id, "action.created")).toHaveLength(1);
  });

  it("five simultaneous submits of one form make exactly one record", async () => {
    const staff = await makeActor("STAFF");
    const title = `Double click ${uniq()}`;
    const key = randomUUID();
    const results = await Promise.all(
      Array.from({ length: 5 }, () => createAction({ actor: staff, input: withKey(actionInput({ title }), key) })),
    );
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(await db.action.count({ where: { title } })).toBe(1);
  });

  it("two forms (two keys) make two records; no key behaves as before", async () => {
    const staff = await makeActor("STAFF");
    const title = `Two forms ${uniq()}`;
    await createAction({ actor: staff, input: withKey(actionInput({ title }), randomUUID()) });
    await createAction({ actor: staff, input: withKey(actionInput({ title }), randomUUID()) });
    await createAction({ actor: staff, input: actionInput({ title }) });
    expect(await db.action.count({ where: { title } })).toBe(3);
  });

  it("a failed create does not use up its key: the corrected form saves", async () => {
    const staff = await makeActor("STAFF");
    const title = `Fix and resubmit ${uniq()}`;
    const key = randomUUID();
    await expectAppError(
      createAction({ actor: staff, input: withKey(actionInput({ title, type: "NO_SUCH_TYPE" }), key) }),
      "VALIDATION",
    );
    const { id } = await createAction({ actor: staff, input: withKey(actionInput({ title }), key) });
    expect(await db.action.findUniqueOrThrow({ where: { id }, select: { title: true } })).toEqual({ title });
  });

  it("someone else's key, or a key of another kind of record, is refused and reveals nothing", async () => {
    const staff = await makeActor("STAFF");
    const other = await makeActor("MANAGER");
    const key = randomUUID();
    await createAction({ actor: staff, input: withKey(actionInput({ title: `Mine ${uniq()}` }), key) });
    const err = await expectAppError(
      createAction({ actor: other, input: withKey(actionInput({ title: `Theirs ${uniq()}` }), key) }),
      "CONFLICT",
      "security.idempotencyReused",
    );
    expect(err.details).toBeUndefined();
    await expectAppError(
      createOrganization({ actor: other, input: { name: `Org ${uniq()}`, kind: "NGO", idempotencyKey: key } }),
      "CONFLICT",
    );
  });

  it("a malformed key is refused before anything is written", async () => {
    const staff = await makeActor("STAFF");
    const title = `Bad key ${uniq()}`;
    for (const bad of ["short", "x".repeat(101), "has spaces in it!!", { $ne: null }])
      await expectAppError(
        createAction({ actor: staff, input: { ...actionInput({ title }), idempotencyKey: bad } }),
        "BAD_REQUEST",
      );
    expect(await db.action.count({ where: { title } })).toBe(0);
  });
});
