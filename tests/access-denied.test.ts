// A refusal is an audited event: whichever entry point maps a FORBIDDEN error (a form's server
// action, a route handler, a page showing "not allowed") writes one access.denied row in a
// transaction of its own, since the refused transaction rolls back with the error.
import { describe, expect, it, vi } from "vitest";
import { denyPage } from "@/lib/access-denied";
import { createAction, updateAction } from "@/lib/actions/mutations";
import { db } from "@/lib/db";
import { exportList } from "@/lib/exports/lists";
import { errorResponse } from "@/lib/http";
import { createLink } from "@/lib/links/mutations";
import { toFormState } from "@/lib/server-action";
import { makeOutcome } from "@/prisma/factories";
import { expectAppError, makeActors } from "@/tests/support/fixtures";
import { actionInput } from "@/tests/support/inputs";

const denials = (actorId: string) =>
  db.auditEvent.findMany({ where: { actorId, event: "access.denied" }, orderBy: { id: "asc" } });

describe("[AUDIT] permission denials are recorded", () => {
  it("a refused edit through a form: one access.denied row naming the record, and nothing changed", async () => {
    const { staff, otherStaff } = await makeActors();
    const a = await createAction({ actor: staff, input: actionInput({ title: "Letter to OHCHR" }) });
    const error = await expectAppError(
      updateAction({ actor: otherStaff, id: a.id, input: actionInput({ title: "Changed by someone else" }) }),
      "FORBIDDEN",
    );

    const state = await toFormState(error, { title: "Changed by someone else" }, "updateAction");
    expect(state).toMatchObject({ ok: false, messageKey: "errors.forbidden" });
    // mapped again (e.g. by an outer handler): still one row
    await toFormState(error, undefined, "updateAction");

    const rows = await denials(otherStaff.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actorRole: "STAFF",
      entity: "Action",
      entityId: a.id,
      after: { permission: "record.edit", where: "updateAction" },
    });
    expect((await db.action.findUniqueOrThrow({ where: { id: a.id } })).title).toBe("Letter to OHCHR");
    expect(await db.auditEvent.count({ where: { entityId: a.id, event: "action.updated" } })).toBe(0);
  });

  it("a refused export through a route handler: 403 and an access.denied row with the permission", async () => {
    const { staff } = await makeActors();
    let caught: unknown;
    try {
      exportList({
        actor: { ...staff, ip: "203.0.113.7", userAgent: "test-agent" },
        list: "actions",
        format: "csv",
        params: {},
        baseUrl: "http://x",
      });
    } catch (e) {
      caught = e;
    }
    const res = await errorResponse(caught, "GET /api/exports/actions.csv");
    expect(res.status).toBe(403);
    const rows = await denials(staff.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      entity: "Permission",
      entityId: null,
      ip: "203.0.113.7",
      userAgent: "test-agent",
      after: { permission: "export.run", where: "GET /api/exports/actions.csv" },
    });
  });

  it("a refusal inside a transaction (a link neither end of which one may edit) is recorded after the rollback", async () => {
    const { staff, otherStaff } = await makeActors();
    const a = await createAction({ actor: staff, input: actionInput() });
    const o = await makeOutcome(db, { createdById: staff.id });
    const error = await expectAppError(
      createLink({ actor: otherStaff, input: { actionId: a.id, outcomeId: o.id, contribution: "CONTRIBUTORY" } }),
      "FORBIDDEN",
    );
    await toFormState(error, undefined, "createLink");
    const rows = await denials(otherStaff.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ entity: "Action", entityId: a.id, after: { permission: "link.edit", where: "createLink" } });
    expect(await db.actionOutcomeLink.count({ where: { actionId: a.id } })).toBe(0);
  });

  it("a page that shows 'not allowed' records the refusal; other errors record none", async () => {
    const { staff, auditor } = await makeActors();
    await denyPage(staff, "audit.read", "page /audit");
    expect(await denials(staff.id)).toMatchObject([
      { entity: "Permission", after: { permission: "audit.read", where: "page /audit" } },
    ]);

    vi.spyOn(console, "error").mockImplementation(() => {});
    await toFormState(new Error("boom"), undefined, "x");
    const notFound = await expectAppError(updateAction({ actor: auditor, id: "nope", input: actionInput() }), "FORBIDDEN");
    await errorResponse(notFound, "PATCH /api/actions/nope");
    // the auditor's refusal is recorded; an unexpected error is not a refusal
    expect(await denials(auditor.id)).toHaveLength(1);
    vi.restoreAllMocks();
  });
});
