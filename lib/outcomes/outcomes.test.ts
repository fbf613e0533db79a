// Integration tests: the outcome domain functions against the real test database.
import { describe, expect, it } from "vitest";
import { getCampaign } from "@/lib/campaigns/queries";
import { db } from "@/lib/db";
import { getOrganization } from "@/lib/organizations/queries";
import { makeAction, makeCampaign, makeLink, makeOrganization, makeOutcome } from "@/prisma/factories";
import { auditRowsFor, expectAppError, makeActor, makeActors, uniq } from "@/tests/support/fixtures";
import { outcomeInput } from "@/tests/support/inputs";
import { createOutcome, deleteOutcome, updateOutcome } from "./mutations";
import { findOutcomes, getOutcome, getOutcomeForEdit, searchOutcomesForLink } from "./queries";

const idsOf = (page: { rows: { id: string }[] }) => page.rows.map((r) => r.id).sort();

describe("[OUTCOMES] create", () => {
  it("staff records the de-accreditation with its source; the audit row holds the after snapshot", async () => {
    const staff = await makeActor("STAFF");
    const sca = await makeOrganization(db, { name: `GANHRI SCA ${uniq()}`, acronym: "SCA" });
    const russianOmbudsman = await makeOrganization(db, { name: `Russian Ombudsman ${uniq()}`, kind: "NHRI" });
    const campaign = await makeCampaign(db);
    const title = `Russian Ombudsman no longer accredited ${uniq()}`;

    const { id } = await createOutcome({
      actor: staff,
      input: outcomeInput({
        title,
        decidingBodyId: sca.id,
        subjectId: russianOmbudsman.id,
        statusBefore: "A",
        statusAfter: "none",
        sourceCitation: "GANHRI chart of accreditation status",
        sourceUrl: "https://ganhri.org/accreditation",
        campaignIds: [campaign.id, campaign.id],
        datePrecision: "MONTH",
      }),
    });

    expect(await getOutcome({ actor: staff, id })).toMatchObject({
      title,
      type: { code: "ACCREDITATION_REMOVED" },
      verification: { code: "REPORTED" },
      date: "2024-10-15",
      datePrecision: "MONTH",
      decidingBody: { id: sca.id, acronym: "SCA" },
      subject: { id: russianOmbudsman.id },
      statusBefore: "A",
      statusAfter: "none",
      sourceUrl: "https://ganhri.org/accreditation",
      campaigns: [{ id: campaign.id }],
      canEdit: true,
      links: [],
    });
    const audit = await auditRowsFor(id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ event: "outcome.created", entity: "Outcome", actorId: staff.id, before: null });
    expect(audit[0].after).toEqual({
      title,
      type: "ACCREDITATION_REMOVED",
      date: "2024-10-15",
      datePrecision: "MONTH",
      decidingBodyId: sca.id,
      subjectId: russianOmbudsman.id,
      statusBefore: "A",
      statusAfter: "none",
      sourceCitation: "GANHRI chart of accreditation status",
      sourceUrl: "https://ganhri.org/accreditation",
      verification: "REPORTED",
      summary: null,
      campaignIds: [campaign.id],
      confidentiality: "INTERNAL",
      originalLanguage: "en",
      titleTranslation: null,
      summaryTranslation: null,
      needsTranslation: false,
    });
  });

  it.each(["AUDITOR", "ADMIN"] as const)("%s cannot record an outcome (FORBIDDEN)", async (role) => {
    const actor = await makeActor(role);
    const title = `Forbidden outcome ${uniq()}`;
    await expectAppError(createOutcome({ actor, input: outcomeInput({ title }) }), "FORBIDDEN");
    expect(await db.outcome.count({ where: { title } })).toBe(0);
  });

  it("unknown type, verification, deciding body or campaign are field errors on those fields", async () => {
    const staff = await makeActor("STAFF");
    const title = `Bad outcome ${uniq()}`;
    const a = await expectAppError(createOutcome({ actor: staff, input: outcomeInput({ title, type: "NOPE" }) }), "VALIDATION");
    expect(a.fieldErrors).toEqual({ type: ["validation.choose"] });
    const b = await expectAppError(
      createOutcome({ actor: staff, input: outcomeInput({ title, verification: "RUMOUR" }) }),
      "VALIDATION",
    );
    expect(b.fieldErrors).toEqual({ verification: ["validation.choose"] });
    const c = await expectAppError(
      createOutcome({
        actor: staff,
        input: outcomeInput({ title, decidingBodyId: "nope", subjectId: "nope", campaignIds: ["nope"] }),
      }),
      "VALIDATION",
    );
    expect(c.fieldErrors).toEqual({
      decidingBodyId: ["validation.unknownReference"],
      subjectId: ["validation.unknownReference"],
      campaignIds: ["validation.unknownReference"],
    });
    expect(await db.outcome.count({ where: { title } })).toBe(0);
  });

  it("refuses a javascript: source link", async () => {
    const staff = await makeActor("STAFF");
    const err = await expectAppError(
      createOutcome({ actor: staff, input: outcomeInput({ sourceUrl: "javascript:alert(1)" }) }),
      "VALIDATION",
    );
    expect(err.fieldErrors).toEqual({ sourceUrl: ["validation.url"] });
  });
});

describe("[OUTCOMES] update and delete", () => {
  it("audits only the changed fields when a reported outcome is verified", async () => {
    const staff = await makeActor("STAFF");
    const title = `ENNHRI expulsion ${uniq()}`;
    const { id } = await createOutcome({ actor: staff, input: outcomeInput({ title, type: "MEMBERSHIP_EXCLUDED" }) });
    await updateOutcome({
      actor: staff,
      id,
      input: outcomeInput({ title, type: "MEMBERSHIP_EXCLUDED", verification: "VERIFIED", sourceUrl: "https://ennhri.org/news" }),
    });
    const [row] = await auditRowsFor(id, "outcome.updated");
    expect(row.before).toEqual({ verification: "REPORTED", sourceUrl: null });
    expect(row.after).toEqual({ verification: "VERIFIED", sourceUrl: "https://ennhri.org/news" });
  });

  it("saving the edit form unchanged writes no audit row", async () => {
    const staff = await makeActor("STAFF");
    const org = await makeOrganization(db);
    const { id } = await createOutcome({ actor: staff, input: outcomeInput({ subjectId: org.id, statusBefore: "A" }) });
    const { values } = await getOutcomeForEdit({ actor: staff, id });
    expect(values).toMatchObject({ subjectId: org.id, decidingBodyId: "", statusBefore: "A", sourceUrl: "" });
    await updateOutcome({ actor: staff, id, input: values });
    expect((await auditRowsFor(id)).map((r) => r.event)).toEqual(["outcome.created"]);
  });

  it("staff cannot edit another's outcome; a manager can; an auditor cannot", async () => {
    const { staff, otherStaff, manager, auditor } = await makeActors();
    const { id } = await createOutcome({ actor: otherStaff, input: outcomeInput() });
    await expectAppError(updateOutcome({ actor: staff, id, input: outcomeInput({ verification: "FINAL" }) }), "FORBIDDEN");
    await expectAppError(deleteOutcome({ actor: staff, id }), "FORBIDDEN");
    await expectAppError(getOutcomeForEdit({ actor: staff, id }), "FORBIDDEN");
    await expectAppError(updateOutcome({ actor: auditor, id, input: outcomeInput({ verification: "FINAL" }) }), "FORBIDDEN");
    expect((await getOutcome({ actor: auditor, id })).canEdit).toBe(false);

    await updateOutcome({ actor: manager, id, input: outcomeInput({ verification: "FINAL" }) });
    expect((await auditRowsFor(id, "outcome.updated"))[0]).toMatchObject({
      actorId: manager.id,
      after: { verification: "FINAL" },
    });
  });

  it("taking part in a linked action lets staff see a restricted outcome but not edit it", async () => {
    const { staff, otherStaff } = await makeActors();
    const action = await makeAction(db, { createdById: otherStaff.id, participantIds: [staff.id] });
    const outcome = await makeOutcome(db, { createdById: otherStaff.id, confidentiality: "RESTRICTED" });
    await makeLink(db, { actionId: action.id, outcomeId: outcome.id, createdById: otherStaff.id });
    expect((await getOutcome({ actor: staff, id: outcome.id })).canEdit).toBe(false);
    await expectAppError(updateOutcome({ actor: staff, id: outcome.id, input: outcomeInput() }), "FORBIDDEN");
  });

  it("delete is soft and audited; the outcome disappears from lists, detail and organization pages", async () => {
    const staff = await makeActor("STAFF");
    const org = await makeOrganization(db);
    const title = `Delete me ${uniq()}`;
    const { id } = await createOutcome({ actor: staff, input: outcomeInput({ title, subjectId: org.id }) });
    await deleteOutcome({ actor: staff, id });

    expect((await db.outcome.findUniqueOrThrow({ where: { id } })).deletedAt).toBeInstanceOf(Date);
    expect((await findOutcomes({ actor: staff, params: { org: org.id } })).total).toBe(0);
    await expectAppError(getOutcome({ actor: staff, id }), "NOT_FOUND");
    expect((await getOrganization({ actor: staff, id: org.id })).outcomes).toEqual([]);
    await expectAppError(deleteOutcome({ actor: staff, id }), "NOT_FOUND");
    const [audit] = await auditRowsFor(id, "outcome.deleted");
    expect(audit).toMatchObject({ actorId: staff.id, before: expect.objectContaining({ title, subjectId: org.id }) });
  });
});

describe("[OUTCOMES] restricted outcomes", () => {
  async function setup() {
    const { staff: author, otherStaff: outsider, manager, auditor, admin } = await makeActors();
    const participant = await makeActor("STAFF");
    const actionAuthor = await makeActor("STAFF");
    const org = await makeOrganization(db);
    const campaign = await makeCampaign(db);
    const token = uniq("restricted");
    const secret = await makeOutcome(db, {
      title: `Restricted outcome ${token}`,
      confidentiality: "RESTRICTED",
      createdById: author.id,
      subjectId: org.id,
      campaignIds: [campaign.id],
      date: "2024-10-01",
    });
    const open = await makeOutcome(db, {
      title: `Open outcome ${token}`,
      createdById: author.id,
      subjectId: org.id,
      campaignIds: [campaign.id],
      date: "2024-10-02",
    });
    // participants of a linked action are the outcome's participants
    const action = await makeAction(db, { createdById: actionAuthor.id, participantIds: [participant.id] });
    await makeLink(db, { actionId: action.id, outcomeId: secret.id, createdById: actionAuthor.id });
    return { author, outsider, participant, actionAuthor, manager, auditor, admin, org, campaign, token, secret, open, action };
  }

  it("is absent for staff who are neither its author nor in a linked action", async () => {
    const s = await setup();
    const actor = s.outsider;
    const page = await findOutcomes({ actor, params: { org: s.org.id } });
    expect([page.total, idsOf(page)]).toEqual([1, [s.open.id]]);
    // a search is by words: the open outcome shares the title's words, the restricted one never shows
    expect(idsOf(await findOutcomes({ actor, params: { q: s.secret.title } }))).toEqual([s.open.id]);
    expect((await searchOutcomesForLink({ actor, q: s.token })).map((r) => r.id)).toEqual([s.open.id]);
    await expectAppError(getOutcome({ actor, id: s.secret.id }), "NOT_FOUND");
    await expectAppError(updateOutcome({ actor, id: s.secret.id, input: outcomeInput() }), "NOT_FOUND");
    expect((await getOrganization({ actor, id: s.org.id })).outcomes.map((o) => o.id)).toEqual([s.open.id]);
    expect((await getCampaign({ actor, id: s.campaign.id })).timeline.map((t) => t.id)).toEqual([s.open.id]);
  });

  it.each(["author", "participant", "actionAuthor", "manager", "auditor"] as const)("is visible to the %s", async (who) => {
    const s = await setup();
    const actor = s[who];
    const page = await findOutcomes({ actor, params: { org: s.org.id } });
    expect([page.total, idsOf(page)]).toEqual([2, [s.secret.id, s.open.id].sort()]);
    expect((await getOutcome({ actor, id: s.secret.id })).confidentiality).toBe("RESTRICTED");
    expect((await getOrganization({ actor, id: s.org.id })).outcomes.map((o) => o.id)).toContain(s.secret.id);
    expect((await getCampaign({ actor, id: s.campaign.id })).timeline.map((t) => t.id)).toEqual([s.secret.id, s.open.id]);
  });

  it("stops being visible to a participant once the linked action is deleted", async () => {
    const s = await setup();
    await db.action.update({ where: { id: s.action.id }, data: { deletedAt: new Date() } });
    await expectAppError(getOutcome({ actor: s.participant, id: s.secret.id }), "NOT_FOUND");
  });

  it("is absent for an administrator", async () => {
    const s = await setup();
    await expectAppError(getOutcome({ actor: s.admin, id: s.secret.id }), "NOT_FOUND");
  });
});

describe("[OUTCOMES] search, filters, sorting, pages", () => {
  it("answers 'what was the Russian Ombudsman's GANHRI accreditation on 1 October 2024?'", async () => {
    const auditor = await makeActor("AUDITOR");
    const ru = await makeOrganization(db, { name: `Russian Ombudsman ${uniq()}`, kind: "NHRI" });
    const sca = await makeOrganization(db, { acronym: "SCA" });
    await makeOutcome(db, {
      subjectId: ru.id,
      decidingBodyId: sca.id,
      type: "SCA_SPECIAL_REVIEW_OPENED",
      date: "2023-03-20",
      statusBefore: "A",
      statusAfter: "A",
    });
    await makeOutcome(db, {
      subjectId: ru.id,
      decidingBodyId: sca.id,
      type: "DOWNGRADE_RECOMMENDED",
      date: "2024-05-01",
      statusBefore: "A",
      statusAfter: "A (downgrade recommended)",
    });
    await makeOutcome(db, {
      subjectId: ru.id,
      decidingBodyId: sca.id,
      type: "ACCREDITATION_REMOVED",
      date: "2024-10-15",
      statusBefore: "A",
      statusAfter: "none",
    });

    const asOf = async (to: string) =>
      (await findOutcomes({ actor: auditor, params: { org: ru.id, to, sort: "date", dir: "desc", size: "10" } })).rows[0]
        ?.statusAfter;
    expect(await asOf("2024-10-01")).toBe("A (downgrade recommended)");
    expect(await asOf("2024-10-15")).toBe("none");
    expect(await asOf("2023-01-01")).toBeUndefined();
  });

  it("filters by type, verification, organization (deciding body or subject), campaign and dates", async () => {
    const manager = await makeActor("MANAGER");
    const [body, subject] = await Promise.all([makeOrganization(db), makeOrganization(db)]);
    const campaign = await makeCampaign(db);
    const a = await makeOutcome(db, {
      decidingBodyId: body.id,
      type: "MEMBERSHIP_REVOKED",
      verification: "FINAL",
      date: "2022-08-15",
      campaignIds: [campaign.id],
    });
    const b = await makeOutcome(db, {
      subjectId: subject.id,
      decidingBodyId: body.id,
      type: "MEMBERSHIP_EXCLUDED",
      verification: "VERIFIED",
      date: "2023-04-11",
    });
    const find = async (params: Record<string, string>) =>
      idsOf(await findOutcomes({ actor: manager, params: { org: body.id, ...params } }));

    expect(await find({})).toEqual([a.id, b.id].sort());
    expect(idsOf(await findOutcomes({ actor: manager, params: { org: subject.id } }))).toEqual([b.id]);
    expect(await find({ type: "MEMBERSHIP_REVOKED" })).toEqual([a.id]);
    expect(await find({ verification: "VERIFIED" })).toEqual([b.id]);
    expect(await find({ campaign: campaign.id })).toEqual([a.id]);
    expect(await find({ from: "2023-04-11" })).toEqual([b.id]);
    expect(await find({ to: "2022-08-15" })).toEqual([a.id]);
  });

  it("searches title, citation and deciding body case-insensitively, in Cyrillic too, with % taken literally", async () => {
    const manager = await makeActor("MANAGER");
    const token = uniq();
    const ioi = await makeOrganization(db, { acronym: `IOI${token}`, name: "International Ombudsman Institute" });
    const byTitle = await makeOutcome(db, { title: `Членство ОМБУДСМЕНА РФ анульовано ${token}` });
    const byCitation = await makeOutcome(db, { sourceCitation: `ENNHRI statement, 25 for (100%) ${token}` });
    const byBody = await makeOutcome(db, { decidingBodyId: ioi.id });
    const q = async (text: string) => idsOf(await findOutcomes({ actor: manager, params: { q: text } }));

    expect(await q(`омбудсмена рф анульовано ${token}`)).toEqual([byTitle.id]);
    expect(await q(`ENNHRI STATEMENT, 25 FOR (100%) ${token}`)).toEqual([byCitation.id]);
    expect(await q(`ioi${token}`)).toEqual([byBody.id]);
    expect(await q(`100%) ${token}`)).toEqual([byCitation.id]);
    expect(await q(`1_0%) ${token}`)).toEqual([]);
  });

  it("sorts by date with ties in a stable order, and pages with totals", async () => {
    const manager = await makeActor("MANAGER");
    const subject = await makeOrganization(db);
    const dates = ["2024-10-15", "2023-04-11", "2024-10-15", "2022-08-01", "2024-10-15", "2024-01-01"];
    for (const date of dates) await makeOutcome(db, { subjectId: subject.id, date });

    const list = (params: Record<string, string>) => findOutcomes({ actor: manager, params: { org: subject.id, ...params } });
    const asc = (await list({ dir: "asc" })).rows;
    const desc = (await list({ dir: "desc" })).rows;
    expect(asc.map((r) => r.date)).toEqual([...dates].sort());
    expect(desc.map((r) => r.id)).toEqual(asc.map((r) => r.id).reverse());

    const p1 = await list({ size: "10", dir: "asc" });
    expect([p1.total, p1.pageCount, p1.rows.length]).toEqual([6, 1, 6]);
    const p2 = await list({ size: "10", page: "2" });
    expect([p2.total, p2.rows.length]).toEqual([6, 0]);
  });
});
