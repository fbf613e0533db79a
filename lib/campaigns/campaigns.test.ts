// Integration tests: campaigns (goals with sub-goals) against the real test database.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { makeAction, makeCampaign, makeLink, makeOutcome, makeUser } from "@/prisma/factories";
import { auditRowsFor, expectAppError, makeActor, makeActors, uniq } from "@/tests/support/fixtures";
import { createCampaign, updateCampaign } from "./mutations";
import { findCampaigns, getCampaign, getCampaignForEdit, listCampaignOptions } from "./queries";

const campaignInput = (overrides: Record<string, unknown> = {}) => ({
  title: `Remove the Russian Ombudsman from international networks ${uniq()}`,
  status: "ACTIVE",
  ...overrides,
});

describe("[CAMPAIGNS] writes are for managers", () => {
  it("a manager creates a campaign with an owner; audited with the after snapshot", async () => {
    const manager = await makeActor("MANAGER");
    const owner = await makeUser(db);
    const input = campaignInput({ ownerId: owner.id, priority: "HIGH", startDate: "2022-03-01" });
    const { id } = await createCampaign({ actor: manager, input });
    const detail = await getCampaign({ actor: manager, id });
    expect(detail).toMatchObject({
      title: input.title,
      priority: "HIGH",
      owner: { id: owner.id },
      startDate: "2022-03-01",
      canEdit: true,
    });
    const [audit] = await auditRowsFor(id);
    expect(audit).toMatchObject({ event: "campaign.created", actorId: manager.id });
    expect(audit.after).toEqual({
      title: input.title,
      titleUk: null,
      goal: null,
      status: "ACTIVE",
      priority: "HIGH",
      ownerId: owner.id,
      targetOrgId: null,
      parentId: null,
      startDate: "2022-03-01",
      endDate: null,
    });
  });

  it.each(["STAFF", "AUDITOR", "ADMIN"] as const)("%s cannot create or edit campaigns (FORBIDDEN)", async (role) => {
    const actor = await makeActor(role);
    const campaign = await makeCampaign(db);
    const input = campaignInput();
    await expectAppError(createCampaign({ actor, input }), "FORBIDDEN");
    await expectAppError(updateCampaign({ actor, id: campaign.id, input }), "FORBIDDEN");
    await expectAppError(getCampaignForEdit({ actor, id: campaign.id }), "FORBIDDEN");
    expect(await db.campaign.count({ where: { title: input.title } })).toBe(0);
  });

  it("an inactive owner, unknown parent or unknown status are field errors", async () => {
    const manager = await makeActor("MANAGER");
    const retired = await makeUser(db, { active: false });
    const a = await expectAppError(
      createCampaign({ actor: manager, input: campaignInput({ ownerId: retired.id }) }),
      "VALIDATION",
    );
    expect(a.fieldErrors).toEqual({ ownerId: ["validation.unknownReference"] });
    const b = await expectAppError(createCampaign({ actor: manager, input: campaignInput({ parentId: "nope" }) }), "VALIDATION");
    expect(b.fieldErrors).toEqual({ parentId: ["validation.unknownReference"] });
    const c = await expectAppError(createCampaign({ actor: manager, input: campaignInput({ status: "WON" }) }), "VALIDATION");
    expect(c.fieldErrors).toEqual({ status: ["validation.choose"] });
  });

  it("an update audits only the changed fields; an unchanged save writes nothing", async () => {
    const manager = await makeActor("MANAGER");
    const { id } = await createCampaign({ actor: manager, input: campaignInput() });
    const { values } = await getCampaignForEdit({ actor: manager, id });
    await updateCampaign({ actor: manager, id, input: values });
    await updateCampaign({ actor: manager, id, input: { ...values, status: "ACHIEVED", endDate: "2024-10-15" } });
    const rows = await auditRowsFor(id, "campaign.updated");
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      before: { status: "ACTIVE", endDate: null },
      after: { status: "ACHIEVED", endDate: "2024-10-15" },
    });
  });

  it("keeps an owner whose account was deactivated when other fields are edited", async () => {
    const manager = await makeActor("MANAGER");
    const owner = await makeUser(db);
    const { id } = await createCampaign({ actor: manager, input: campaignInput({ ownerId: owner.id }) });
    await db.user.update({ where: { id: owner.id }, data: { active: false } });
    const { values } = await getCampaignForEdit({ actor: manager, id });
    await updateCampaign({ actor: manager, id, input: { ...values, priority: "LOW" } });
    expect((await getCampaign({ actor: manager, id })).owner?.id).toBe(owner.id);
  });

  it("refuses to put a campaign under itself or under its own sub-goal (fieldErrors.parentId)", async () => {
    const manager = await makeActor("MANAGER");
    const goal = await makeCampaign(db);
    const subGoal = await makeCampaign(db, { parentId: goal.id });
    const { values } = await getCampaignForEdit({ actor: manager, id: goal.id });
    const self = await expectAppError(
      updateCampaign({ actor: manager, id: goal.id, input: { ...values, parentId: goal.id } }),
      "VALIDATION",
    );
    expect(self.fieldErrors).toEqual({ parentId: ["validation.parentCycle"] });
    const loop = await expectAppError(
      updateCampaign({ actor: manager, id: goal.id, input: { ...values, parentId: subGoal.id } }),
      "VALIDATION",
    );
    expect(loop.fieldErrors).toEqual({ parentId: ["validation.parentCycle"] });
    expect((await db.campaign.findUniqueOrThrow({ where: { id: goal.id } })).parentId).toBeNull();
  });
});

describe("[CAMPAIGNS] timeline and counts", () => {
  it("shows the campaign's and its sub-goals' actions and outcomes in date order, actions first on the same day", async () => {
    const manager = await makeActor("MANAGER");
    const goal = await makeCampaign(db, { title: `Remove the Russian Ombudsman ${uniq()}` });
    const ennhri = await makeCampaign(db, { title: `ENNHRI ${uniq()}`, parentId: goal.id });
    const ioi = await makeCampaign(db, { title: `IOI ${uniq()}`, parentId: goal.id });
    const unrelated = await makeCampaign(db);
    const mk = { createdById: manager.id };

    const ioiLetter = await makeAction(db, {
      ...mk,
      date: "2022-05-01",
      campaignIds: [ioi.id],
      title: "Letter to the IOI Board",
    });
    const ioiRevoked = await makeOutcome(db, { ...mk, date: "2022-08-15", campaignIds: [ioi.id], type: "MEMBERSHIP_REVOKED" });
    const gaSpeech = await makeAction(db, { ...mk, date: "2023-04-11", campaignIds: [ennhri.id], type: "SPEECH_STATEMENT" });
    const excluded = await makeOutcome(db, { ...mk, date: "2023-04-11", campaignIds: [ennhri.id], type: "MEMBERSHIP_EXCLUDED" });
    const goalAction = await makeAction(db, { ...mk, date: "2022-03-01", campaignIds: [goal.id, ioi.id] });
    await makeAction(db, { ...mk, date: "2022-01-01", campaignIds: [unrelated.id] });
    await makeLink(db, { actionId: gaSpeech.id, outcomeId: excluded.id, createdById: manager.id, contribution: "DECISIVE" });

    const detail = await getCampaign({ actor: manager, id: goal.id });
    expect(detail.timeline.map((t) => [t.kind, t.id, t.date])).toEqual([
      ["action", goalAction.id, "2022-03-01"],
      ["action", ioiLetter.id, "2022-05-01"],
      ["outcome", ioiRevoked.id, "2022-08-15"],
      ["action", gaSpeech.id, "2023-04-11"],
      ["outcome", excluded.id, "2023-04-11"],
    ]);
    expect(detail.children.map((c) => c.id).sort()).toEqual([ennhri.id, ioi.id].sort());
    expect([detail.actionCount, detail.outcomeCount]).toEqual([3, 2]);
    const excludedItem = detail.timeline.find((t) => t.id === excluded.id);
    expect(excludedItem?.kind === "outcome" && excludedItem.links).toEqual([
      expect.objectContaining({ actionId: gaSpeech.id, contribution: expect.objectContaining({ code: "DECISIVE" }) }),
    ]);
  });

  it("counts only the records the reader may see, in the list and on the detail page", async () => {
    const { staff: outsider, manager } = await makeActors();
    const author = await makeActor("STAFF");
    const campaign = await makeCampaign(db, { title: `Counted ${uniq()}` });
    await makeAction(db, { createdById: author.id, campaignIds: [campaign.id] });
    await makeAction(db, { createdById: author.id, campaignIds: [campaign.id], confidentiality: "RESTRICTED" });
    await makeOutcome(db, { createdById: author.id, campaignIds: [campaign.id], confidentiality: "RESTRICTED" });
    const deleted = await makeAction(db, { createdById: author.id, campaignIds: [campaign.id] });
    await db.action.update({ where: { id: deleted.id }, data: { deletedAt: new Date() } });

    const counts = async (actor: typeof manager) => {
      const row = (await findCampaigns({ actor, params: { q: campaign.title } })).rows.find((c) => c.id === campaign.id);
      const detail = await getCampaign({ actor, id: campaign.id });
      return { list: [row?.actionCount, row?.outcomeCount], detail: [detail.actionCount, detail.outcomeCount] };
    };
    expect(await counts(outsider)).toEqual({ list: [1, 0], detail: [1, 0] });
    expect(await counts(author)).toEqual({ list: [2, 1], detail: [2, 1] });
    expect(await counts(manager)).toEqual({ list: [2, 1], detail: [2, 1] });
  });

  it("filters the list by status, priority and search", async () => {
    const staff = await makeActor("STAFF");
    const token = uniq();
    const a = await makeCampaign(db, { title: `ICRC access ${token}`, status: "ACTIVE", priority: "HIGH" });
    const b = await makeCampaign(db, {
      title: `CPT visits ${token}`,
      titleUk: `Візити ЄКЗК ${token}`,
      status: "PAUSED",
      priority: "LOW",
    });
    const ids = async (params: Record<string, string>) =>
      (await findCampaigns({ actor: staff, params: { q: token, ...params } })).rows.map((r) => r.id).sort();
    expect(await ids({})).toEqual([a.id, b.id].sort());
    expect(await ids({ status: "PAUSED" })).toEqual([b.id]);
    expect(await ids({ priority: "HIGH" })).toEqual([a.id]);
    expect(await ids({ priority: "EXTREME" })).toEqual([a.id, b.id].sort());
    expect((await findCampaigns({ actor: staff, params: { q: `візити єкзк ${token}` } })).rows.map((r) => r.id)).toEqual([b.id]);
    expect((await listCampaignOptions({ actor: staff })).find((o) => o.value === b.id)?.label).toBe(b.title);
  });
});
