// Integration tests: organizations (reference data, a tree) against the real test database.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { makeAction, makeOrganization, makeOutcome } from "@/prisma/factories";
import { auditRowsFor, expectAppError, makeActor, makeActors, uniq } from "@/tests/support/fixtures";
import { createOrganization, updateOrganization } from "./mutations";
import { findOrganizations, getOrganization, listOrganizationOptions } from "./queries";

const orgInput = (overrides: Record<string, unknown> = {}) => ({ name: `ENNHRI ${uniq()}`, kind: "NETWORK", ...overrides });

describe("[ORGANIZATIONS] writes are for managers", () => {
  it("a manager adds a network body under its network; audited with the after snapshot", async () => {
    const manager = await makeActor("MANAGER");
    const ennhri = await makeOrganization(db, { name: `ENNHRI ${uniq()}`, kind: "NETWORK" });
    const name = `ENNHRI General Assembly ${uniq()}`;
    const { id } = await createOrganization({
      actor: manager,
      input: {
        name,
        nameUk: "Генеральна асамблея ЄМНПУ",
        acronym: "GA",
        kind: "NETWORK_BODY",
        parentId: ennhri.id,
        website: "https://ennhri.org",
      },
    });
    const detail = await getOrganization({ actor: manager, id });
    expect(detail).toMatchObject({ name, kind: { code: "NETWORK_BODY" }, parent: { id: ennhri.id }, canEdit: true });
    expect((await getOrganization({ actor: manager, id: ennhri.id })).children.map((c) => c.id)).toEqual([id]);
    const [audit] = await auditRowsFor(id);
    expect(audit).toMatchObject({ event: "organization.created", actorId: manager.id, before: null });
    expect(audit.after).toEqual({
      name,
      nameUk: "Генеральна асамблея ЄМНПУ",
      acronym: "GA",
      kind: "NETWORK_BODY",
      parentId: ennhri.id,
      country: null,
      website: "https://ennhri.org",
      notes: null,
    });
  });

  it.each(["STAFF", "AUDITOR", "ADMIN"] as const)("%s cannot create or edit organizations (FORBIDDEN)", async (role) => {
    const actor = await makeActor(role);
    const org = await makeOrganization(db);
    const name = `Nope ${uniq()}`;
    await expectAppError(createOrganization({ actor, input: orgInput({ name }) }), "FORBIDDEN");
    await expectAppError(updateOrganization({ actor, id: org.id, input: orgInput({ name }) }), "FORBIDDEN");
    expect(await db.organization.count({ where: { name } })).toBe(0);
    expect((await getOrganization({ actor, id: org.id })).canEdit).toBe(false);
  });

  it("unknown kind or parent are field errors", async () => {
    const manager = await makeActor("MANAGER");
    const a = await expectAppError(createOrganization({ actor: manager, input: orgInput({ kind: "PLANET" }) }), "VALIDATION");
    expect(a.fieldErrors).toEqual({ kind: ["validation.choose"] });
    const b = await expectAppError(createOrganization({ actor: manager, input: orgInput({ parentId: "nope" }) }), "VALIDATION");
    expect(b.fieldErrors).toEqual({ parentId: ["validation.unknownReference"] });
  });

  it("an update audits only what changed; an unchanged save writes nothing", async () => {
    const manager = await makeActor("MANAGER");
    const input = orgInput({ acronym: "IOI" });
    const { id } = await createOrganization({ actor: manager, input });
    await updateOrganization({ actor: manager, id, input: { ...input, country: "Austria" } });
    await updateOrganization({ actor: manager, id, input: { ...input, country: "Austria", notes: "" } });
    const rows = await auditRowsFor(id, "organization.updated");
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ before: { country: null }, after: { country: "Austria" } });
  });

  it("refuses to put an organization under itself or under its own descendant (fieldErrors.parentId)", async () => {
    const manager = await makeActor("MANAGER");
    const un = await makeOrganization(db, { name: `UN ${uniq()}` });
    const ohchr = await makeOrganization(db, { name: `OHCHR ${uniq()}`, parentId: un.id });
    const hrmmu = await makeOrganization(db, { name: `HRMMU ${uniq()}`, parentId: ohchr.id });

    const self = await expectAppError(
      updateOrganization({ actor: manager, id: un.id, input: orgInput({ name: un.name, parentId: un.id }) }),
      "VALIDATION",
    );
    expect(self.fieldErrors).toEqual({ parentId: ["validation.parentCycle"] });
    const loop = await expectAppError(
      updateOrganization({ actor: manager, id: un.id, input: orgInput({ name: un.name, parentId: hrmmu.id }) }),
      "VALIDATION",
    );
    expect(loop.fieldErrors).toEqual({ parentId: ["validation.parentCycle"] });
    expect((await db.organization.findUniqueOrThrow({ where: { id: un.id } })).parentId).toBeNull();

    // moving a leaf under another branch is fine
    const coe = await makeOrganization(db, { name: `Council of Europe ${uniq()}` });
    await updateOrganization({
      actor: manager,
      id: hrmmu.id,
      input: orgInput({ name: hrmmu.name, kind: "OTHER", parentId: coe.id }),
    });
    expect((await db.organization.findUniqueOrThrow({ where: { id: hrmmu.id } })).parentId).toBe(coe.id);
  });

  it("editing a deleted organization answers NOT_FOUND", async () => {
    const manager = await makeActor("MANAGER");
    const org = await makeOrganization(db);
    await db.organization.update({ where: { id: org.id }, data: { deletedAt: new Date() } });
    await expectAppError(updateOrganization({ actor: manager, id: org.id, input: orgInput() }), "NOT_FOUND");
    await expectAppError(getOrganization({ actor: manager, id: org.id }), "NOT_FOUND");
  });
});

describe("[ORGANIZATIONS] lists and detail", () => {
  it("searches name, Ukrainian name and acronym case-insensitively; filters by kind and parent", async () => {
    const staff = await makeActor("STAFF");
    const token = uniq();
    const parent = await makeOrganization(db, { name: `Parent ${token}`, kind: "NETWORK" });
    const child = await makeOrganization(db, {
      name: `Association of Mediterranean Ombudsmen ${token}`,
      nameUk: `Асоціація омбудсманів Середземномор'я ${token}`,
      acronym: `AOM${token}`,
      kind: "NETWORK_BODY",
      parentId: parent.id,
    });
    const gone = await makeOrganization(db, { name: `Gone ${token}`, parentId: parent.id });
    await db.organization.update({ where: { id: gone.id }, data: { deletedAt: new Date() } });
    const ids = async (params: Record<string, string>) =>
      (await findOrganizations({ actor: staff, params })).rows.map((r) => r.id).sort();

    expect(await ids({ q: `aom${token}` })).toEqual([child.id]);
    expect(await ids({ q: `АСОЦІАЦІЯ ОМБУДСМАНІВ СЕРЕДЗЕМНОМОР'Я ${token}` })).toEqual([child.id]);
    expect(await ids({ q: token })).toEqual([parent.id, child.id].sort());
    expect(await ids({ q: token, kind: "NETWORK_BODY" })).toEqual([child.id]);
    expect(await ids({ parent: parent.id })).toEqual([child.id]);
    const parentRow = (await findOrganizations({ actor: staff, params: { q: `Parent ${token}` } })).rows[0];
    expect(parentRow.childCount).toBe(1);
  });

  it("the detail page lists outcomes where the organization is the subject or the deciding body", async () => {
    const auditor = await makeActor("AUDITOR");
    const ru = await makeOrganization(db);
    const asSubject = await makeOutcome(db, { subjectId: ru.id, date: "2023-04-11" });
    const asBody = await makeOutcome(db, { decidingBodyId: ru.id, date: "2024-01-01" });
    const action = await makeAction(db, { organizationIds: [ru.id] });
    const detail = await getOrganization({ actor: auditor, id: ru.id });
    expect(detail.outcomes.map((o) => [o.id, o.asSubject])).toEqual([
      [asBody.id, false],
      [asSubject.id, true],
    ]);
    expect(detail.actions.map((a) => a.id)).toEqual([action.id]);
  });

  it("offers pickers 'Acronym – Name' labels, without deleted organizations", async () => {
    const { staff } = await makeActors();
    const token = uniq();
    const cpt = await makeOrganization(db, { name: `European Committee for the Prevention of Torture ${token}`, acronym: "CPT" });
    const gone = await makeOrganization(db, { name: `Gone ${token}` });
    await db.organization.update({ where: { id: gone.id }, data: { deletedAt: new Date() } });
    const options = await listOrganizationOptions({ actor: staff });
    expect(options.find((o) => o.value === cpt.id)?.label).toBe(
      `CPT – European Committee for the Prevention of Torture ${token}`,
    );
    expect(options.some((o) => o.value === gone.id)).toBe(false);
  });
});
