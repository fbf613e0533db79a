// Over-fetching and IDOR, swept over every read function a page or a route handler calls: a
// manager's restricted action and outcome (with a link, an evidence file, a comment that mentions
// the staff member, a counterpart organization, a campaign, a link to the staff member's own
// outcome) carry a canary in every text. As a staff member outside them, each read either answers
// NOT_FOUND (the record itself) or returns data that holds neither the canary, nor the hidden
// records' ids, nor any secret field (password hash, TOTP secret, storage key, session version).
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getAction, getActionForEdit, findActions, searchActionsForLink } from "@/lib/actions/queries";
import { getRecordHistory } from "@/lib/audit-log/queries";
import { findCampaigns, getCampaign } from "@/lib/campaigns/queries";
import { createComment } from "@/lib/comments/mutations";
import { listComments, listMentionableUsers } from "@/lib/comments/queries";
import { getDashboard, getDashboardCounterparts, getMyWork } from "@/lib/dashboard/queries";
import { db } from "@/lib/db";
import { getFollowUpSuggestions } from "@/lib/deadlines/queries";
import { exportDossier } from "@/lib/exports/dossiers";
import { listNotifications } from "@/lib/notifications/queries";
import { findOrganizations, getOrganization } from "@/lib/organizations/queries";
import { findOutcomes, getOutcome, getOutcomeForEdit, searchOutcomesForLink } from "@/lib/outcomes/queries";
import { getStatusHistory } from "@/lib/status-history/queries";
import { listUserOptions } from "@/lib/users/queries";
import { makeAction, makeCampaign, makeLink, makeOrganization, makeOutcome } from "@/prisma/factories";
import { asText, expectAppError, makeActors, uniq } from "@/tests/support/fixtures";

const storageDir = mkdtempSync(path.join(os.tmpdir(), "sec-overfetch-"));
process.env.ATTACHMENTS_DIR = storageDir;
const { listAttachments, openAttachment, uploadAttachment } = await import("@/lib/attachments/attachments");
afterAll(() => rmSync(storageDir, { recursive: true, force: true }));

const SECRETS: [string, RegExp][] = [
  ["a password hash", /\$argon2(id|i|d)\$/],
  ["a password hash field", /passwordHash/],
  ["a TOTP secret field", /totpSecret/],
  ["a recovery code field", /codeHash/],
  ["a storage key", /storageKey/],
  ["a session version", /sessionVersion/],
];

const pdf = (note: string) => Buffer.from(`%PDF-1.4\n% ${note}\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n`, "latin1");
const today = () => new Date().toISOString().slice(0, 10);

describe("[SECURITY] over-fetching: every read a staff member can make, around a restricted record", () => {
  let w: Awaited<ReturnType<typeof world>>;

  async function world() {
    const actors = await makeActors();
    const { staff, manager } = actors;
    const token = uniq("CANARY").toUpperCase();
    const org = await makeOrganization(db, { name: `Counterpart body ${uniq()}` });
    const campaign = await makeCampaign(db, { title: `Campaign ${uniq()}` });
    const action = await makeAction(db, {
      createdById: manager.id,
      title: `Restricted action ${token}`,
      summary: `Detainee names ${token}`,
      referenceNumber: `REF-${token}`,
      responseSummary: `Response ${token}`,
      followUpDue: today(),
      date: today(),
      confidentiality: "RESTRICTED",
      organizationIds: [org.id],
      campaignIds: [campaign.id],
    });
    const outcome = await makeOutcome(db, {
      createdById: manager.id,
      title: `Restricted outcome ${token}`,
      sourceCitation: `Note verbale ${token}`,
      date: today(),
      subjectId: org.id,
      decidingBodyId: org.id,
      statusBefore: "A",
      statusAfter: `Suspended ${token}`,
      confidentiality: "RESTRICTED",
      campaignIds: [campaign.id],
    });
    await makeLink(db, {
      actionId: action.id,
      outcomeId: outcome.id,
      evidenceNote: `Evidence ${token}`,
      createdById: manager.id,
    });
    // the staff member's own outcome, linked by the manager to the restricted action
    const mine = await makeOutcome(db, {
      createdById: staff.id,
      title: `Own outcome ${uniq()}`,
      date: today(),
      campaignIds: [campaign.id],
    });
    await makeLink(db, { actionId: action.id, outcomeId: mine.id, evidenceNote: `Cross link ${token}`, createdById: manager.id });
    const file = pdf(token);
    const attachment = await uploadAttachment({
      actor: manager,
      input: {
        recordType: "action",
        recordId: action.id,
        fileName: `Annex ${token}.pdf`,
        sourceType: "OFFICIAL_LETTER",
        confidentiality: "RESTRICTED",
      },
      body: new ReadableStream({
        start(c) {
          c.enqueue(new Uint8Array(file));
          c.close();
        },
      }),
      contentLength: file.length,
    });
    // a comment on the restricted action that mentions the staff member: no notification may reach them
    await createComment({
      actor: manager,
      input: { recordType: "Action", recordId: action.id, body: `Comment ${token} <@${staff.id}>` },
    });
    return { ...actors, token, org, campaign, action, outcome, mine, attachment };
  }

  beforeAll(async () => {
    w = await world();
  });

  const clean = (what: string, value: unknown) => {
    const text = asText(value);
    expect(text, `${what}: the canary`).not.toContain(w.token);
    expect(text, `${what}: the restricted action's id`).not.toContain(w.action.id);
    expect(text, `${what}: the restricted outcome's id`).not.toContain(w.outcome.id);
    for (const [name, pattern] of SECRETS) expect(text, `${what}: ${name}`).not.toMatch(pattern);
  };

  it("the restricted records themselves, their history, comments, files and dossiers answer NOT_FOUND (or FORBIDDEN for a role without exports)", async () => {
    const me = w.staff;
    await expectAppError(getAction({ actor: me, id: w.action.id }), "NOT_FOUND");
    await expectAppError(getActionForEdit({ actor: me, id: w.action.id }), "NOT_FOUND");
    await expectAppError(getOutcome({ actor: me, id: w.outcome.id }), "NOT_FOUND");
    await expectAppError(getOutcomeForEdit({ actor: me, id: w.outcome.id }), "NOT_FOUND");
    await expectAppError(getRecordHistory({ actor: me, entity: "Action", entityId: w.action.id }), "NOT_FOUND");
    await expectAppError(getRecordHistory({ actor: me, entity: "Outcome", entityId: w.outcome.id }), "NOT_FOUND");
    await expectAppError(listComments({ actor: me, input: { recordType: "Action", recordId: w.action.id } }), "NOT_FOUND");
    await expectAppError(listAttachments({ actor: me, recordType: "action", recordId: w.action.id }), "NOT_FOUND");
    await expectAppError(openAttachment({ actor: me, id: w.attachment.id }), "NOT_FOUND");
    expect(await getFollowUpSuggestions({ actor: me, source: "action", id: w.action.id })).toEqual([]); // nothing, as for an unknown id
    await expectAppError(exportDossier({ actor: me, kind: "action", id: w.action.id, baseUrl: "http://x" }), "FORBIDDEN");
    // control: the manager reads all of it
    expect(asText(await getAction({ actor: w.manager, id: w.action.id }))).toContain(w.token);
  });

  it("lists, searches, counts, dashboards, reference pages, notifications and pickers hold no trace of them", async () => {
    const me = w.staff;
    const reads: [string, () => Promise<unknown>][] = [
      ["findActions", () => findActions({ actor: me, params: { size: "100" } })],
      ["findActions q=token", () => findActions({ actor: me, params: { q: w.token } })],
      ["findActions by org", () => findActions({ actor: me, params: { org: w.org.id, size: "100" } })],
      ["findActions by campaign", () => findActions({ actor: me, params: { campaign: w.campaign.id } })],
      ["findActions follow-ups", () => findActions({ actor: me, params: { followUp: "soon" } })],
      ["findOutcomes", () => findOutcomes({ actor: me, params: { size: "100" } })],
      ["findOutcomes q=token", () => findOutcomes({ actor: me, params: { q: w.token } })],
      ["findOutcomes by org", () => findOutcomes({ actor: me, params: { org: w.org.id } })],
      ["searchActionsForLink", () => searchActionsForLink({ actor: me, q: w.token })],
      ["searchActionsForLink by title", () => searchActionsForLink({ actor: me, q: "Restricted action" })],
      ["searchOutcomesForLink", () => searchOutcomesForLink({ actor: me, q: w.token })],
      ["getDashboard", () => getDashboard({ actor: me, params: {} })],
      [
        "getDashboard custom period",
        () => getDashboard({ actor: me, params: { period: "custom", from: "2000-01-01", to: today() } }),
      ],
      ["getDashboardCounterparts", () => getDashboardCounterparts({ actor: me, params: {} })],
      ["getMyWork", () => getMyWork({ actor: me })],
      ["getOrganization (the counterpart)", () => getOrganization({ actor: me, id: w.org.id })],
      ["getStatusHistory (the subject)", () => getStatusHistory({ actor: me, organizationId: w.org.id })],
      ["findOrganizations", () => findOrganizations({ actor: me, params: { q: w.org.name } })],
      ["getCampaign", () => getCampaign({ actor: me, id: w.campaign.id })],
      ["findCampaigns", () => findCampaigns({ actor: me, params: {} })],
      ["own outcome", () => getOutcome({ actor: me, id: w.mine.id })],
      ["own outcome for edit", () => getOutcomeForEdit({ actor: me, id: w.mine.id })],
      ["own outcome's history", () => getRecordHistory({ actor: me, entity: "Outcome", entityId: w.mine.id })],
      ["own outcome's follow-ups", () => getFollowUpSuggestions({ actor: me, source: "outcome", id: w.mine.id })],
      ["listNotifications", () => listNotifications({ actor: me })],
      ["listUserOptions", () => listUserOptions({ actor: me })],
      ["listMentionableUsers", () => listMentionableUsers({ actor: me })],
    ];
    for (const [what, read] of reads) clean(what, await read());

    // counts: the staff member's totals are what they would be without the restricted records
    const total = (await findActions({ actor: me, params: { campaign: w.campaign.id } })).total;
    expect(total).toBe(0);
    expect((await findActions({ actor: w.manager, params: { campaign: w.campaign.id } })).total).toBe(1);
    const campaign = asText(await getCampaign({ actor: me, id: w.campaign.id }));
    const managerCampaign = asText(await getCampaign({ actor: w.manager, id: w.campaign.id }));
    expect(managerCampaign).toContain(w.token);
    expect(campaign).not.toContain(w.token);
    // the mention did not notify the staff member, who cannot see the record
    expect(await db.notification.count({ where: { userId: me.id, recordId: w.action.id } })).toBe(0);
  });

  it("an auditor and a manager see every restricted field (the control), and still no secret field", async () => {
    for (const actor of [w.auditor, w.manager]) {
      const action = asText(await getAction({ actor, id: w.action.id }));
      expect(action).toContain(w.token);
      const all = asText([
        await findActions({ actor, params: { q: w.token } }),
        await getDashboard({ actor, params: {} }),
        await listAttachments({ actor, recordType: "action", recordId: w.action.id }),
        await getRecordHistory({ actor, entity: "Action", entityId: w.action.id }),
        await listUserOptions({ actor }),
      ]);
      for (const [name, pattern] of SECRETS) expect(all, `${actor.role}: ${name}`).not.toMatch(pattern);
    }
  });
});
