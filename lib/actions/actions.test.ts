// Integration tests: the action domain functions against the real test database.
import { describe, expect, it } from "vitest";
import { getCampaign, findCampaigns } from "@/lib/campaigns/queries";
import { db } from "@/lib/db";
import { getOrganization } from "@/lib/organizations/queries";
import { makeAction, makeCampaign, makeOrganization, makeUser } from "@/prisma/factories";
import { actorOf, auditRowsFor, expectAppError, makeActor, makeActors, uniq } from "@/tests/support/fixtures";
import { actionInput } from "@/tests/support/inputs";
import { createAction, deleteAction, updateAction } from "./mutations";
import { findActions, getAction, getActionForEdit, searchActionsForLink } from "./queries";

describe("[ACTIONS] create", () => {
  it("staff records an appeal; the audit row action.created holds the full after snapshot", async () => {
    const staff = await makeActor("STAFF");
    const colleague = await makeUser(db);
    const icrc = await makeOrganization(db, { name: `ICRC ${uniq()}`, acronym: "ICRC" });
    const campaign = await makeCampaign(db);
    const title = `Appeal after POWs were shot ${uniq()}`;

    const { id } = await createAction({
      actor: staff,
      input: actionInput({
        title,
        organizationIds: [icrc.id, icrc.id],
        campaignIds: [campaign.id],
        participantIds: [colleague.id],
        referenceNumber: "1/2024-out",
        followUpDue: "2024-11-01",
        confidentiality: "PUBLIC",
      }),
    });

    const detail = await getAction({ actor: staff, id });
    expect(detail).toMatchObject({
      title,
      type: { code: "LETTER_APPEAL" },
      status: { code: "SENT" },
      date: "2024-10-01",
      followUpDue: "2024-11-01",
      referenceNumber: "1/2024-out",
      confidentiality: "PUBLIC",
      organizations: [{ id: icrc.id }],
      campaigns: [{ id: campaign.id }],
      participants: [{ id: colleague.id }],
      createdBy: { id: staff.id },
      canEdit: true,
    });

    const audit = await auditRowsFor(id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      event: "action.created",
      entity: "Action",
      actorId: staff.id,
      actorRole: "STAFF",
      before: null,
    });
    expect(audit[0].after).toEqual({
      title,
      type: "LETTER_APPEAL",
      date: "2024-10-01",
      datePrecision: "DAY",
      status: "SENT",
      organizationIds: [icrc.id],
      campaignIds: [campaign.id],
      participantIds: [colleague.id],
      referenceNumber: "1/2024-out",
      summary: null,
      responseSummary: null,
      responseDate: null,
      followUpDue: "2024-11-01",
      confidentiality: "PUBLIC",
      originalLanguage: "en",
      titleTranslation: null,
      summaryTranslation: null,
      needsTranslation: false,
    });
  });

  it("a manager may record actions too", async () => {
    const manager = await makeActor("MANAGER");
    const { id } = await createAction({
      actor: manager,
      input: actionInput({ title: `Meeting ${uniq()}`, type: "DIPLOMATIC_MEETING" }),
    });
    expect((await getAction({ actor: manager, id })).createdBy.id).toBe(manager.id);
  });

  it("the page names the author and the participants by name, the author among them when taking part", async () => {
    const [author, b, a] = [await makeActor("STAFF"), await makeActor("STAFF"), await makeActor("STAFF")];
    const tag = uniq();
    const named = async (u: { id: string }, name: string) => {
      await db.user.update({ where: { id: u.id }, data: { name } });
      return { id: u.id, name };
    };
    const [cc, bb, aa] = [await named(author, `Ccc ${tag}`), await named(b, `Bbb ${tag}`), await named(a, `Aaa ${tag}`)];
    const { id } = await createAction({
      actor: author,
      input: actionInput({ title: `Visit ${tag}`, participantIds: [b.id, author.id, a.id] }),
    });
    const detail = await getAction({ actor: a, id });
    expect(detail.createdBy).toEqual(cc);
    expect(detail.participants).toEqual([aa, bb, cc]);
    expect(detail.canEdit).toBe(true);
  });

  it.each(["AUDITOR", "ADMIN"] as const)("%s cannot record an action (FORBIDDEN) and nothing is written", async (role) => {
    const actor = await makeActor(role);
    const title = `Forbidden ${uniq()}`;
    await expectAppError(createAction({ actor, input: actionInput({ title }) }), "FORBIDDEN");
    expect(await db.action.count({ where: { title } })).toBe(0);
    expect(await db.auditEvent.count({ where: { actorId: actor.id } })).toBe(0);
  });

  it("an unknown type code is a field error on type, not a crash", async () => {
    const staff = await makeActor("STAFF");
    const title = `Bad type ${uniq()}`;
    const err = await expectAppError(
      createAction({ actor: staff, input: actionInput({ title, type: "NO_SUCH_TYPE" }) }),
      "VALIDATION",
    );
    expect(err.fieldErrors).toEqual({ type: ["validation.choose"] });
    expect(await db.action.count({ where: { title } })).toBe(0);
  });

  it("an unknown type and an unknown status are both reported at once", async () => {
    const staff = await makeActor("STAFF");
    const err = await expectAppError(
      createAction({ actor: staff, input: actionInput({ type: "NO_SUCH_TYPE", status: "LOST" }) }),
      "VALIDATION",
    );
    expect(err.fieldErrors).toEqual({ type: ["validation.choose"], status: ["validation.choose"] });
  });

  it("an unknown status code is a field error on status", async () => {
    const staff = await makeActor("STAFF");
    const err = await expectAppError(createAction({ actor: staff, input: actionInput({ status: "LOST" }) }), "VALIDATION");
    expect(err.fieldErrors).toEqual({ status: ["validation.choose"] });
  });

  it("an unknown or deleted organization is a field error on organizationIds", async () => {
    const staff = await makeActor("STAFF");
    const gone = await makeOrganization(db);
    await db.organization.update({ where: { id: gone.id }, data: { deletedAt: new Date() } });
    const title = `Bad org ${uniq()}`;
    for (const organizationIds of [["no-such-organization"], [gone.id]]) {
      const err = await expectAppError(
        createAction({ actor: staff, input: actionInput({ title, organizationIds }) }),
        "VALIDATION",
      );
      expect(err.fieldErrors).toEqual({ organizationIds: ["validation.unknownReference"] });
    }
    expect(await db.action.count({ where: { title } })).toBe(0);
  });

  it("an unknown campaign or an inactive participant is a field error on that field", async () => {
    const staff = await makeActor("STAFF");
    const retired = await makeUser(db, { active: false });
    const err = await expectAppError(
      createAction({ actor: staff, input: actionInput({ campaignIds: ["nope"], participantIds: [retired.id] }) }),
      "VALIDATION",
    );
    expect(err.fieldErrors).toEqual({
      campaignIds: ["validation.unknownReference"],
      participantIds: ["validation.unknownReference"],
    });
  });

  it("refuses mass assignment: a forged createdById is refused, not stored", async () => {
    const staff = await makeActor("STAFF");
    const victim = await makeUser(db);
    const title = `Forged ${uniq()}`;
    const err = await expectAppError(
      createAction({ actor: staff, input: { ...actionInput({ title }), createdById: victim.id } }),
      "VALIDATION",
    );
    expect(err.fieldErrors).toEqual({ _form: ["validation.invalid"] });
    expect(await db.action.count({ where: { title } })).toBe(0);
  });

  it("refuses a follow-up due before the action's date", async () => {
    const staff = await makeActor("STAFF");
    const err = await expectAppError(
      createAction({ actor: staff, input: actionInput({ date: "2024-10-01", followUpDue: "2024-09-01" }) }),
      "VALIDATION",
    );
    expect(err.fieldErrors).toEqual({ followUpDue: ["validation.followUpBeforeDate"] });
  });
});

describe("[ACTIONS] update", () => {
  it("audits only the fields that changed, before and after", async () => {
    const staff = await makeActor("STAFF");
    const oldOrg = await makeOrganization(db);
    const newOrg = await makeOrganization(db);
    const title = `Letter ${uniq()}`;
    const { id } = await createAction({ actor: staff, input: actionInput({ title, organizationIds: [oldOrg.id] }) });

    await updateAction({
      actor: staff,
      id,
      input: actionInput({ title, status: "RESPONSE_RECEIVED", organizationIds: [newOrg.id], responseSummary: "ICRC replied" }),
    });

    const rows = await auditRowsFor(id, "action.updated");
    expect(rows).toHaveLength(1);
    expect(rows[0].actorId).toBe(staff.id);
    expect(rows[0].before).toEqual({ status: "SENT", organizationIds: [oldOrg.id], responseSummary: null });
    expect(rows[0].after).toEqual({ status: "RESPONSE_RECEIVED", organizationIds: [newOrg.id], responseSummary: "ICRC replied" });
    const detail = await getAction({ actor: staff, id });
    expect(detail.status.code).toBe("RESPONSE_RECEIVED");
    expect(detail.organizations.map((o) => o.id)).toEqual([newOrg.id]);
  });

  it("the list shows the counterparts as they are after create, update and removal, in the same order as the export", async () => {
    const staff = await makeActor("STAFF");
    const [a, b, c] = await Promise.all([makeOrganization(db), makeOrganization(db), makeOrganization(db)]);
    const title = `Counterparts ${uniq()}`;
    const listed = async () => (await findActions({ actor: staff, params: { q: title } })).rows[0].organizations.map((o) => o.id);
    const stored = async (id: string) =>
      (await db.actionOrganization.findMany({ where: { actionId: id }, orderBy: { organizationId: "asc" } })).map(
        (r) => r.organizationId,
      );
    const byId = (ids: string[]) => [...ids].sort();

    const { id } = await createAction({ actor: staff, input: actionInput({ title, organizationIds: [c.id, a.id] }) });
    expect(await listed()).toEqual(byId([a.id, c.id]));
    await updateAction({ actor: staff, id, input: actionInput({ title, organizationIds: [b.id, c.id, a.id] }) });
    expect(await listed()).toEqual(byId([a.id, b.id, c.id]));
    await updateAction({ actor: staff, id, input: actionInput({ title, organizationIds: [] }) });
    expect(await listed()).toEqual([]);
    // kept by the database: a change made outside the app is followed too
    await db.actionOrganization.createMany({ data: [a, b].map((o) => ({ actionId: id, organizationId: o.id })) });
    expect(await listed()).toEqual(await stored(id));
    expect(await listed()).toEqual(byId([a.id, b.id]));
    await db.actionOrganization.deleteMany({ where: { organizationId: a.id } });
    expect(await listed()).toEqual(await stored(id));
    expect(await listed()).toEqual([b.id]);
  });

  it("a save that changes nothing writes no audit row (ids in another order, blanks for nulls)", async () => {
    const staff = await makeActor("STAFF");
    const [a, b] = await Promise.all([makeOrganization(db), makeOrganization(db)]);
    const input = actionInput({ title: `Same ${uniq()}`, organizationIds: [a.id, b.id] });
    const { id } = await createAction({ actor: staff, input });
    const before = await db.action.findUniqueOrThrow({ where: { id } });

    await updateAction({ actor: staff, id, input: { ...input, organizationIds: [b.id, a.id], summary: "", followUpDue: "" } });

    expect((await auditRowsFor(id)).map((r) => r.event)).toEqual(["action.created"]);
    expect((await db.action.findUniqueOrThrow({ where: { id } })).updatedAt).toEqual(before.updatedAt);
  });

  it("the edit form gets codes and ids back, and saving them unchanged is a no-op", async () => {
    const staff = await makeActor("STAFF");
    const org = await makeOrganization(db);
    const { id } = await createAction({ actor: staff, input: actionInput({ organizationIds: [org.id], summary: "text" }) });
    const { values } = await getActionForEdit({ actor: staff, id });
    expect(values).toMatchObject({ type: "LETTER_APPEAL", status: "SENT", organizationIds: [org.id], followUpDue: "" });
    await updateAction({ actor: staff, id, input: values });
    expect(await auditRowsFor(id, "action.updated")).toHaveLength(0);
  });

  it("staff cannot edit another staff member's action (FORBIDDEN) and nothing changes", async () => {
    const { staff, otherStaff } = await makeActors();
    const title = `Not yours ${uniq()}`;
    const { id } = await createAction({ actor: otherStaff, input: actionInput({ title }) });
    await expectAppError(updateAction({ actor: staff, id, input: actionInput({ title: "hijacked" }) }), "FORBIDDEN");
    await expectAppError(deleteAction({ actor: staff, id }), "FORBIDDEN");
    await expectAppError(getActionForEdit({ actor: staff, id }), "FORBIDDEN");
    expect((await getAction({ actor: staff, id })).canEdit).toBe(false);
    expect((await db.action.findUniqueOrThrow({ where: { id } })).title).toBe(title);
    expect((await auditRowsFor(id)).map((r) => r.event)).toEqual(["action.created"]);
  });

  it("staff can edit another's action when they take part in it", async () => {
    const { staff, otherStaff } = await makeActors();
    const { id } = await createAction({ actor: otherStaff, input: actionInput({ participantIds: [staff.id] }) });
    expect((await getAction({ actor: staff, id })).canEdit).toBe(true);
    await updateAction({ actor: staff, id, input: actionInput({ participantIds: [staff.id], status: "CLOSED" }) });
    const [row] = await auditRowsFor(id, "action.updated");
    expect(row).toMatchObject({ actorId: staff.id, before: { status: "SENT" }, after: { status: "CLOSED" } });
  });

  it("a manager can edit anyone's action", async () => {
    const { staff, manager } = await makeActors();
    const { id } = await createAction({ actor: staff, input: actionInput() });
    expect((await getAction({ actor: manager, id })).canEdit).toBe(true);
    await updateAction({ actor: manager, id, input: actionInput({ status: "CLOSED" }) });
    expect((await auditRowsFor(id, "action.updated"))[0]).toMatchObject({ actorId: manager.id, actorRole: "MANAGER" });
  });

  it("an auditor can read but never update or delete (FORBIDDEN)", async () => {
    const { staff, auditor } = await makeActors();
    const { id } = await createAction({ actor: staff, input: actionInput({ participantIds: [auditor.id] }) });
    expect((await getAction({ actor: auditor, id })).canEdit).toBe(false);
    await expectAppError(updateAction({ actor: auditor, id, input: actionInput({ status: "CLOSED" }) }), "FORBIDDEN");
    await expectAppError(deleteAction({ actor: auditor, id }), "FORBIDDEN");
  });

  it("the change and its audit row commit together: a failing audit write rolls the change back", async () => {
    // A session whose user row is gone: the update itself would succeed, the audit row's actor
    // foreign key fails, and the whole transaction must be undone.
    const { staff } = await makeActors();
    const title = `Atomic ${uniq()}`;
    const { id } = await createAction({ actor: staff, input: actionInput({ title }) });
    const ghost = { id: `ghost-${uniq()}`, email: "ghost@example.org", name: "Ghost", role: "MANAGER" as const };

    await expect(updateAction({ actor: ghost, id, input: actionInput({ title: "changed without a trace" }) })).rejects.toThrow();
    await expect(deleteAction({ actor: ghost, id })).rejects.toThrow();

    const row = await db.action.findUniqueOrThrow({ where: { id } });
    expect(row.title).toBe(title);
    expect(row.deletedAt).toBeNull();
    expect((await auditRowsFor(id)).map((r) => r.event)).toEqual(["action.created"]);
  });
});

describe("[ACTIONS] delete", () => {
  it("is soft: the row stays with deletedAt, disappears from lists and detail, and is audited", async () => {
    const staff = await makeActor("STAFF");
    const manager = await makeActor("MANAGER");
    const org = await makeOrganization(db);
    const title = `To delete ${uniq()}`;
    const { id } = await createAction({ actor: staff, input: actionInput({ title, organizationIds: [org.id] }) });

    await deleteAction({ actor: staff, id });

    const row = await db.action.findUniqueOrThrow({ where: { id } });
    expect(row.deletedAt).toBeInstanceOf(Date);
    for (const actor of [staff, manager]) {
      const page = await findActions({ actor, params: { org: org.id } });
      expect(page.total).toBe(0);
      expect(page.rows).toEqual([]);
      await expectAppError(getAction({ actor, id }), "NOT_FOUND");
      expect((await getOrganization({ actor, id: org.id })).actions).toEqual([]);
    }
    const [audit] = await auditRowsFor(id, "action.deleted");
    expect(audit).toMatchObject({
      actorId: staff.id,
      after: null,
      before: expect.objectContaining({ title, organizationIds: [org.id] }),
    });
  });

  it("a deleted action cannot be edited or deleted again (NOT_FOUND)", async () => {
    const staff = await makeActor("STAFF");
    const { id } = await createAction({ actor: staff, input: actionInput() });
    await deleteAction({ actor: staff, id });
    await expectAppError(updateAction({ actor: staff, id, input: actionInput() }), "NOT_FOUND");
    await expectAppError(deleteAction({ actor: staff, id }), "NOT_FOUND");
    expect(await auditRowsFor(id, "action.deleted")).toHaveLength(1);
  });
});

describe("[ACTIONS] restricted actions", () => {
  async function restrictedSetup() {
    const { staff: author, otherStaff: outsider, manager, auditor, admin } = await makeActors();
    const participant = await makeActor("STAFF");
    const org = await makeOrganization(db);
    const campaign = await makeCampaign(db);
    const token = uniq("secret");
    const secret = await makeAction(db, {
      title: `Restricted ${token}`,
      confidentiality: "RESTRICTED",
      createdById: author.id,
      participantIds: [participant.id],
      organizationIds: [org.id],
      campaignIds: [campaign.id],
      date: "2024-03-06",
    });
    const open = await makeAction(db, {
      title: `Internal ${token}`,
      confidentiality: "INTERNAL",
      createdById: author.id,
      organizationIds: [org.id],
      campaignIds: [campaign.id],
      date: "2024-03-07",
    });
    return { author, outsider, participant, manager, auditor, admin, org, campaign, token, secret, open };
  }

  it("is absent for a staff member who does not take part: list rows and total, search, detail, organization and campaign pages", async () => {
    const s = await restrictedSetup();
    const actor = s.outsider;

    const page = await findActions({ actor, params: { org: s.org.id } });
    expect(page.total).toBe(1);
    expect(page.rows.map((r) => r.id)).toEqual([s.open.id]);
    expect((await findActions({ actor, params: { q: s.token } })).total).toBe(1);
    expect((await findActions({ actor, params: { q: s.secret.title } })).total).toBe(0);
    expect((await searchActionsForLink({ actor, q: s.token })).map((r) => r.id)).toEqual([s.open.id]);

    await expectAppError(getAction({ actor, id: s.secret.id }), "NOT_FOUND");
    // editing answers "not found" too, so the record's existence is not revealed
    await expectAppError(updateAction({ actor, id: s.secret.id, input: actionInput() }), "NOT_FOUND");

    expect((await getOrganization({ actor, id: s.org.id })).actions.map((a) => a.id)).toEqual([s.open.id]);
    const campaign = await getCampaign({ actor, id: s.campaign.id });
    expect(campaign.timeline.map((t) => t.id)).toEqual([s.open.id]);
    expect(campaign.actionCount).toBe(1);
    const listed = await findCampaigns({ actor, params: { q: s.campaign.title } });
    expect(listed.rows.find((c) => c.id === s.campaign.id)?.actionCount).toBe(1);
  });

  it.each(["author", "participant", "manager", "auditor"] as const)("is visible to the %s everywhere", async (who) => {
    const s = await restrictedSetup();
    const actor = s[who];

    const page = await findActions({ actor, params: { org: s.org.id, sort: "date", dir: "asc" } });
    expect(page.total).toBe(2);
    expect(page.rows.map((r) => r.id)).toEqual([s.secret.id, s.open.id]);
    expect((await getAction({ actor, id: s.secret.id })).confidentiality).toBe("RESTRICTED");
    expect((await getOrganization({ actor, id: s.org.id })).actions.map((a) => a.id)).toContain(s.secret.id);
    const campaign = await getCampaign({ actor, id: s.campaign.id });
    expect(campaign.timeline.map((t) => t.id)).toEqual([s.secret.id, s.open.id]);
    const listed = await findCampaigns({ actor, params: { q: s.campaign.title } });
    expect(listed.rows.find((c) => c.id === s.campaign.id)?.actionCount).toBe(2);
  });

  it("is absent for an administrator, who has no restricted.read", async () => {
    const s = await restrictedSetup();
    expect((await findActions({ actor: s.admin, params: { org: s.org.id } })).total).toBe(1);
    await expectAppError(getAction({ actor: s.admin, id: s.secret.id }), "NOT_FOUND");
  });
});

describe("[ACTIONS] search", () => {
  async function searchSetup() {
    const manager = await makeActor("MANAGER");
    const token = uniq();
    const org = await makeOrganization(db, {
      name: `European Network of NHRIs ${token}`,
      acronym: `ENNHRI${token}`,
      nameUk: `Мережа ${token}`,
    });
    const other = await makeOrganization(db);
    const byTitle = await makeAction(db, {
      title: `Third-party submission to the SCA ${token}`,
      createdById: manager.id,
      organizationIds: [other.id],
    });
    const byRef = await makeAction(db, {
      title: "Letter",
      referenceNumber: `REF-${token}/вих`,
      createdById: manager.id,
      organizationIds: [other.id],
    });
    const byOrg = await makeAction(db, { title: "Meeting", createdById: manager.id, organizationIds: [org.id] });
    const cyrillic = await makeAction(db, {
      title: `Звернення до МКЧХ щодо розстрілу ВІЙСЬКОВОПОЛОНЕНИХ ${token}`,
      createdById: manager.id,
      organizationIds: [other.id],
    });
    const bySummary = await makeAction(db, {
      title: "Note",
      summary: `Follow-up on 100% of cases ${token}`,
      createdById: manager.id,
      organizationIds: [other.id],
    });
    return { manager, token, org, other, byTitle, byRef, byOrg, cyrillic, bySummary };
  }
  const ids = (page: { rows: { id: string }[] }) => page.rows.map((r) => r.id).sort();

  it("finds by title, case-insensitively", async () => {
    const s = await searchSetup();
    const page = await findActions({
      actor: s.manager,
      params: { q: `THIRD-PARTY SUBMISSION TO THE SCA ${s.token.toUpperCase()}` },
    });
    expect(ids(page)).toEqual([s.byTitle.id]);
  });

  it("finds by outgoing reference number", async () => {
    const s = await searchSetup();
    expect(ids(await findActions({ actor: s.manager, params: { q: `ref-${s.token}` } }))).toEqual([s.byRef.id]);
  });

  it("finds by a counterpart's acronym, name or Ukrainian name", async () => {
    const s = await searchSetup();
    for (const q of [`ennhri${s.token}`, `network of nhris ${s.token}`, `мережа ${s.token}`]) {
      expect(ids(await findActions({ actor: s.manager, params: { q } }))).toEqual([s.byOrg.id]);
    }
  });

  it("finds Cyrillic text regardless of case", async () => {
    const s = await searchSetup();
    const page = await findActions({ actor: s.manager, params: { q: `військовополонених ${s.token}` } });
    expect(ids(page)).toEqual([s.cyrillic.id]);
    expect(page.rows[0].title).toContain("ВІЙСЬКОВОПОЛОНЕНИХ");
  });

  it("finds by summary", async () => {
    const s = await searchSetup();
    expect(ids(await findActions({ actor: s.manager, params: { q: `100% of cases ${s.token}` } }))).toEqual([s.bySummary.id]);
  });

  it("treats % and _ in the search as plain characters, not wildcards", async () => {
    const s = await searchSetup();
    const inOther = { org: s.other.id };
    expect(ids(await findActions({ actor: s.manager, params: { ...inOther, q: "%" } }))).toEqual([s.bySummary.id]);
    expect((await findActions({ actor: s.manager, params: { ...inOther, q: "_" } })).total).toBe(0);
    expect((await findActions({ actor: s.manager, params: { ...inOther, q: `REF_${s.token}` } })).total).toBe(0);
  });

  it("finds a backslash typed in the search", async () => {
    const s = await searchSetup();
    const withSlash = await makeAction(db, {
      title: `Scan at \\server\\letters ${s.token}`,
      createdById: s.manager.id,
      organizationIds: [s.other.id],
    });
    expect(ids(await findActions({ actor: s.manager, params: { org: s.other.id, q: "\\server\\" } }))).toEqual([withSlash.id]);
  });
});

describe("[ACTIONS] filters, sorting and pages", () => {
  it('"mine" follows the author and the participants as they change, whatever a statement writes into people', async () => {
    const [a, b, c] = await Promise.all([makeActor("STAFF"), makeActor("STAFF"), makeActor("STAFF")]);
    const action = await makeAction(db, { createdById: a.id, participantIds: [b.id] });
    const mine = async () =>
      Promise.all([a, b, c].map(async (u) => (await findActions({ actor: u, params: { mine: "1" } })).rows.map((r) => r.id)));
    expect(await mine()).toEqual([[action.id], [action.id], []]);
    await db.actionParticipant.create({ data: { actionId: action.id, userId: c.id } });
    expect(await mine()).toEqual([[action.id], [action.id], [action.id]]);
    await db.actionParticipant.deleteMany({ where: { actionId: action.id, userId: b.id } });
    expect(await mine()).toEqual([[action.id], [], [action.id]]);
    await db.action.update({ where: { id: action.id }, data: { createdById: c.id } });
    expect(await mine()).toEqual([[], [], [action.id]]);
    // kept by the database: a value written by anyone else is replaced
    await db.action.update({ where: { id: action.id }, data: { people: [a.id, b.id] } });
    expect(await db.action.findUniqueOrThrow({ where: { id: action.id }, select: { people: true } })).toEqual({ people: [c.id] });
    // through the app's own edit: participants replaced
    const { values } = await getActionForEdit({ actor: c, id: action.id });
    await updateAction({ actor: c, id: action.id, input: { ...values, participantIds: [a.id] } });
    expect(await mine()).toEqual([[action.id], [], [action.id]]);
  });

  it("filters by type, status, organization, campaign and an inclusive date range", async () => {
    const manager = await makeActor("MANAGER");
    const [org, otherOrg] = await Promise.all([makeOrganization(db), makeOrganization(db)]);
    const campaign = await makeCampaign(db);
    const base = { createdById: manager.id, organizationIds: [org.id] };
    const visit = await makeAction(db, {
      ...base,
      type: "FOREIGN_VISIT",
      status: "CLOSED",
      date: "2024-01-15",
      campaignIds: [campaign.id],
    });
    const letter = await makeAction(db, { ...base, type: "LETTER_APPEAL", status: "SENT", date: "2024-02-15" });
    const meeting = await makeAction(db, { ...base, type: "DIPLOMATIC_MEETING", status: "SENT", date: "2024-03-15" });
    await makeAction(db, { createdById: manager.id, organizationIds: [otherOrg.id], type: "FOREIGN_VISIT" });

    const find = async (params: Record<string, string>) =>
      (await findActions({ actor: manager, params: { org: org.id, ...params } })).rows.map((r) => r.id).sort();

    expect(await find({})).toEqual([visit.id, letter.id, meeting.id].sort());
    expect(await find({ type: "FOREIGN_VISIT" })).toEqual([visit.id]);
    expect(await find({ status: "SENT" })).toEqual([letter.id, meeting.id].sort());
    expect(await find({ campaign: campaign.id })).toEqual([visit.id]);
    expect(await find({ from: "2024-02-15", to: "2024-03-15" })).toEqual([letter.id, meeting.id].sort());
    expect(await find({ from: "2024-01-16", to: "2024-02-15" })).toEqual([letter.id]);
    expect(await find({ to: "2024-01-15" })).toEqual([visit.id]);
    expect(await find({ type: "NO_SUCH_TYPE" })).toEqual([]);
    // an impossible date in the URL is ignored rather than failing the page
    expect(await find({ from: "2023-02-31" })).toHaveLength(3);
  });

  it("sorts by date both ways with a stable order for actions on the same day", async () => {
    const manager = await makeActor("MANAGER");
    const org = await makeOrganization(db);
    const base = { createdById: manager.id, organizationIds: [org.id] };
    const dates = ["2023-04-11", "2023-03-06", "2023-04-11", "2022-08-01", "2023-04-11"];
    for (const date of dates) await makeAction(db, { ...base, date });

    const asc = (await findActions({ actor: manager, params: { org: org.id, sort: "date", dir: "asc" } })).rows;
    const desc = (await findActions({ actor: manager, params: { org: org.id, sort: "date", dir: "desc" } })).rows;
    expect(asc.map((r) => r.date)).toEqual([...dates].sort());
    expect(desc.map((r) => r.id)).toEqual(asc.map((r) => r.id).reverse());
    // the same query twice gives the same order (ties broken by id)
    const again = (await findActions({ actor: manager, params: { org: org.id, sort: "date", dir: "asc" } })).rows;
    expect(again.map((r) => r.id)).toEqual(asc.map((r) => r.id));
  });

  it("pages through every action exactly once with the right totals", async () => {
    const manager = await makeActor("MANAGER");
    const org = await makeOrganization(db);
    const made = [];
    for (let i = 0; i < 12; i++)
      made.push(
        await makeAction(db, { createdById: manager.id, organizationIds: [org.id], date: i % 2 ? "2024-05-01" : "2024-05-02" }),
      );

    const p1 = await findActions({ actor: manager, params: { org: org.id, size: "10", page: "1" } });
    const p2 = await findActions({ actor: manager, params: { org: org.id, size: "10", page: "2" } });
    const p3 = await findActions({ actor: manager, params: { org: org.id, size: "10", page: "3" } });
    expect([p1.total, p1.pageCount, p1.rows.length]).toEqual([12, 2, 10]);
    expect([p2.total, p2.page, p2.rows.length]).toEqual([12, 2, 2]);
    expect(p3.rows).toEqual([]);
    const seen = [...p1.rows, ...p2.rows].map((r) => r.id);
    expect(new Set(seen).size).toBe(12);
    expect([...seen].sort()).toEqual(made.map((a) => a.id).sort());
  });

  it("lists what a row shows: labels, counterparts and link count", async () => {
    const manager = await makeActor("MANAGER");
    const org = await makeOrganization(db, { acronym: "IOI" });
    await makeAction(db, { createdById: manager.id, organizationIds: [org.id], title: "IOI Board letter" });
    const [row] = (await findActions({ actor: manager, params: { org: org.id } })).rows;
    expect(row).toMatchObject({
      title: "IOI Board letter",
      type: { code: "LETTER_APPEAL", labelEn: "Letter or appeal", labelUk: "Лист або звернення" },
      organizations: [{ id: org.id, acronym: "IOI" }],
      linkCount: 0,
    });
  });

  it("makes an Actor from any made user (sanity check of the test helper)", async () => {
    const u = await makeUser(db, { role: "AUDITOR" });
    expect(actorOf(u)).toEqual({ id: u.id, email: u.email, name: u.name, role: "AUDITOR" });
  });
});
