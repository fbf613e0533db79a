// Integration tests: optimistic concurrency of every editable record against the real database.
// Two people open the same record at version N; the first save wins and bumps the version; the
// second is refused with the fields that differ, nothing of the first is overwritten; a save
// based on the new version (the merge) goes through.
import { describe, expect, it } from "vitest";
import { createAction, updateAction } from "@/lib/actions/mutations";
import { getActionForEdit } from "@/lib/actions/queries";
import { updateCampaign } from "@/lib/campaigns/mutations";
import { getCampaignForEdit } from "@/lib/campaigns/queries";
import { db } from "@/lib/db";
import { updateOrganization } from "@/lib/organizations/mutations";
import { updateOutcome } from "@/lib/outcomes/mutations";
import { getOutcomeForEdit } from "@/lib/outcomes/queries";
import { updateUser } from "@/lib/users/mutations";
import { makeCampaign, makeOrganization, makeOutcome, makeUser } from "@/prisma/factories";
import { auditRowsFor, expectAppError, makeActor, uniq } from "@/tests/support/fixtures";
import { actionInput } from "@/tests/support/inputs";
import { conflictingFields, takeExpectedVersion } from "./concurrency";

type Conflict = { version: number; fields: { field: string; theirs: unknown; mine: unknown }[] };
/** The input of an edit based on a version (and any extra fields a client might slip in). */
const at = (input: Record<string, unknown>, expectedVersion: number, extra: Record<string, unknown> = {}) => ({
  ...input,
  ...extra,
  expectedVersion,
});
const conflictOf = (e: { details?: Record<string, unknown> }) => e.details?.conflict as Conflict;

describe("[CONCURRENCY] the version travels with the edit", () => {
  it("splits the version off the fields and refuses a malformed one; the record schema never sees it", () => {
    expect(takeExpectedVersion({ title: "x", expectedVersion: "3" })).toEqual({ expectedVersion: 3, fields: { title: "x" } });
    expect(takeExpectedVersion({ title: "x" })).toEqual({ expectedVersion: undefined, fields: { title: "x" } });
    for (const bad of ["", "abc", "0", "-1", "1.5", { $gt: 0 }, ["1"]])
      expect(() => takeExpectedVersion({ expectedVersion: bad })).toThrow("security.versionMissing");
  });

  it("lists the fields where the saved record and the input differ", () => {
    expect(conflictingFields({ a: 1, b: ["x"], c: null }, { a: 1, b: ["y"], c: "" })).toEqual([
      { field: "b", theirs: ["x"], mine: ["y"] },
      { field: "c", theirs: null, mine: "" },
    ]);
  });
});

describe("[CONCURRENCY] two people edit the same action", () => {
  it("the second save is refused with theirs and mine per field; nothing is overwritten; a merge based on the new version saves", async () => {
    const staff = await makeActor("STAFF");
    const manager = await makeActor("MANAGER");
    const title = `Letter to the SPT ${uniq()}`;
    const { id } = await createAction({ actor: staff, input: actionInput({ title }) });
    const opened = await getActionForEdit({ actor: staff, id });
    const v1 = opened.values.expectedVersion;
    expect(v1).toBe(1);

    // the manager saves first: status and summary
    await updateAction({
      actor: manager,
      id,
      input: at(actionInput({ title, status: "CLOSED", summary: "Reply received" }), v1),
    });
    // staff saves the form opened at v1: a new title, status untouched (still SENT in their form)
    const err = await expectAppError(
      updateAction({ actor: staff, id, input: at(actionInput({ title: `${title} (revised)` }), v1) }),
      "CONFLICT",
      "security.versionConflict",
    );
    const conflict = conflictOf(err);
    expect(conflict.version).toBe(2);
    expect(conflict.fields).toEqual(
      expect.arrayContaining([
        { field: "title", theirs: title, mine: `${title} (revised)` },
        { field: "status", theirs: "CLOSED", mine: "SENT" },
        { field: "summary", theirs: "Reply received", mine: null },
      ]),
    );
    // the manager's save stands, and only it was audited
    const saved = await getActionForEdit({ actor: staff, id });
    expect(saved.values).toMatchObject({ title, status: "CLOSED", summary: "Reply received", expectedVersion: 2 });
    expect((await auditRowsFor(id, "action.updated")).length).toBe(1);

    // staff merges: keeps the manager's status and summary, their own title, based on version 2
    await updateAction({
      actor: staff,
      id,
      input: at(actionInput({ title: `${title} (revised)`, status: "CLOSED", summary: "Reply received" }), 2),
    });
    expect((await getActionForEdit({ actor: staff, id })).values).toMatchObject({
      title: `${title} (revised)`,
      status: "CLOSED",
      summary: "Reply received",
      expectedVersion: 3,
    });
  });

  it("of two saves racing from the same version exactly one wins", async () => {
    const staff = await makeActor("STAFF");
    const { id } = await createAction({ actor: staff, input: actionInput({ title: `Race ${uniq()}` }) });
    const results = await Promise.allSettled(
      ["A", "B", "C", "D"].map((n) =>
        updateAction({ actor: staff, id, input: at(actionInput({ title: `Race winner ${n}` }), 1) }),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.filter((r) => r.status === "rejected") as PromiseRejectedResult[];
    expect(refused.map((r) => (r.reason as { code: string }).code)).toEqual(["CONFLICT", "CONFLICT", "CONFLICT"]);
    const row = await db.action.findUniqueOrThrow({ where: { id }, select: { version: true, title: true } });
    expect(row.version).toBe(2);
    expect((await auditRowsFor(id, "action.updated")).map((a) => (a.after as { title: string }).title)).toEqual([row.title]);
  });

  it("a conflict reveals nothing to someone who may not edit the record", async () => {
    const author = await makeActor("STAFF");
    const stranger = await makeActor("STAFF");
    const { id } = await createAction({
      actor: author,
      input: actionInput({ title: `Secret ${uniq()}`, confidentiality: "RESTRICTED" }),
    });
    await updateAction({
      actor: author,
      id,
      input: at(actionInput({ title: "Secret changed", confidentiality: "RESTRICTED" }), 1),
    });
    const err = await expectAppError(
      updateAction({ actor: stranger, id, input: at(actionInput({ title: "x" }), 1) }),
      "NOT_FOUND",
    );
    expect(err.details).toBeUndefined();
  });
});

describe("[CONCURRENCY] every editable record has a version", () => {
  it("outcomes, campaigns, organizations and users refuse a save based on an old version", async () => {
    const manager = await makeActor("MANAGER");
    const admin = await makeActor("ADMIN");

    const outcome = await makeOutcome(db, { createdById: manager.id });
    const o = await getOutcomeForEdit({ actor: manager, id: outcome.id });
    const oInput = { ...(o.values as Record<string, unknown>) };
    await updateOutcome({ actor: manager, id: outcome.id, input: { ...oInput, title: "First" } });
    await expectAppError(updateOutcome({ actor: manager, id: outcome.id, input: { ...oInput, title: "Second" } }), "CONFLICT");

    const campaign = await makeCampaign(db);
    const c = await getCampaignForEdit({ actor: manager, id: campaign.id });
    await updateCampaign({ actor: manager, id: campaign.id, input: { ...c.values, goal: "First" } });
    const cErr = await expectAppError(
      updateCampaign({ actor: manager, id: campaign.id, input: { ...c.values, goal: "Second" } }),
      "CONFLICT",
    );
    expect(conflictOf(cErr).fields).toEqual([{ field: "goal", theirs: "First", mine: "Second" }]);

    const org = await makeOrganization(db, { name: `Org ${uniq()}` });
    const row = await db.organization.findUniqueOrThrow({ where: { id: org.id }, include: { kind: true } });
    const orgInput = { name: row.name, kind: row.kind.code, expectedVersion: row.version };
    await updateOrganization({ actor: manager, id: org.id, input: { ...orgInput, country: "Austria" } });
    await expectAppError(
      updateOrganization({ actor: manager, id: org.id, input: { ...orgInput, country: "Norway" } }),
      "CONFLICT",
    );
    expect((await db.organization.findUniqueOrThrow({ where: { id: org.id } })).country).toBe("Austria");

    const user = await makeUser(db, { role: "STAFF" });
    const u = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    await updateUser({
      actor: admin,
      id: user.id,
      input: { name: u.name, role: "MANAGER", active: true, expectedVersion: u.version },
    });
    const uErr = await expectAppError(
      updateUser({
        actor: admin,
        id: user.id,
        input: { name: u.name, role: "STAFF", active: false, expectedVersion: u.version },
      }),
      "CONFLICT",
    );
    expect(conflictOf(uErr).fields).toEqual(
      expect.arrayContaining([
        { field: "role", theirs: "MANAGER", mine: "STAFF" },
        { field: "active", theirs: true, mine: false },
      ]),
    );
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { role: true, active: true } })).toEqual({
      role: "MANAGER",
      active: true,
    });
  });

  it("the version is not an input field: a client cannot set it (mass assignment)", async () => {
    const staff = await makeActor("STAFF");
    const { id } = await createAction({ actor: staff, input: actionInput({ title: `Mass ${uniq()}` }) });
    const extras: Record<string, unknown>[] = [
      { version: 99 },
      { createdById: staff.id },
      { createdAt: "2020-01-01" },
      { updatedAt: "2020-01-01" },
      { deletedAt: null },
    ];
    for (const extra of extras)
      await expectAppError(updateAction({ actor: staff, id, input: at(actionInput(), 1, extra) }), "VALIDATION");
    expect((await db.action.findUniqueOrThrow({ where: { id } })).version).toBe(1);
  });
});
