// Vertical and horizontal escalation, one row per case: a role calls a domain function its
// permissions do not include (staff → administrator's and manager's functions; an auditor → every
// mutation; staff → someone else's comment or evidence file). Each call is refused with FORBIDDEN,
// the JSON entry point answers 403 with the generic "not allowed" text, exactly one access.denied
// row names the refusal, and nothing else changed (no other audit row, the target rows as before).
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAction, deleteAction, updateAction } from "@/lib/actions/mutations";
import { createCampaign, updateCampaign } from "@/lib/campaigns/mutations";
import { createComment, deleteComment, updateComment } from "@/lib/comments/mutations";
import { db } from "@/lib/db";
import { exportList } from "@/lib/exports/lists";
import { errorResponse } from "@/lib/http";
import { createLink, deleteLink, updateLink } from "@/lib/links/mutations";
import { createOrganization, updateOrganization } from "@/lib/organizations/mutations";
import { createOutcome, deleteOutcome, updateOutcome } from "@/lib/outcomes/mutations";
import type { Actor } from "@/lib/permissions";
import { toFormState } from "@/lib/server-action";
import { createUser, endUserSessions, setMfaRequiredForAll, setUserPassword, updateUser } from "@/lib/users/mutations";
import { createTerm, moveTerm, setTermActive, updateTermLabels } from "@/lib/vocabularies/mutations";
import { makeAction, makeCampaign, makeLink, makeOrganization, makeOutcome } from "@/prisma/factories";
import { asText, makeActors, uniq } from "@/tests/support/fixtures";
import { actionInput, outcomeInput } from "@/tests/support/inputs";

const storageDir = mkdtempSync(path.join(os.tmpdir(), "sec-escalation-"));
process.env.ATTACHMENTS_DIR = storageDir;
const { deleteAttachment, uploadAttachment } = await import("@/lib/attachments/attachments");
afterAll(() => rmSync(storageDir, { recursive: true, force: true }));

const pdf = () => Buffer.from(`%PDF-1.4\n% ${uniq()}\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n`, "latin1");
const streamOf = (buf: Buffer) =>
  new ReadableStream<Uint8Array>({
    start(c) {
      c.enqueue(new Uint8Array(buf));
      c.close();
    },
  });

type World = Awaited<ReturnType<typeof makeWorld>>;

/** One of everything, owned by a staff member and a manager, that the refused calls aim at. */
async function makeWorld() {
  const actors = await makeActors();
  const { staff, manager, admin } = actors;
  const org = await makeOrganization(db, {});
  const campaign = await makeCampaign(db, {});
  const action = await makeAction(db, { createdById: manager.id, title: `Target action ${uniq()}` });
  const outcome = await makeOutcome(db, { createdById: manager.id, title: `Target outcome ${uniq()}` });
  const link = await makeLink(db, { actionId: action.id, outcomeId: outcome.id, createdById: manager.id });
  const comment = await createComment({
    actor: manager,
    input: { recordType: "Action", recordId: action.id, body: "Manager's note" },
  });
  const file = pdf();
  const attachment = await uploadAttachment({
    actor: manager,
    input: { recordType: "action", recordId: action.id, fileName: "letter.pdf", sourceType: "OFFICIAL_LETTER" },
    body: streamOf(file),
    contentLength: file.length,
  });
  const term = await createTerm({
    actor: manager,
    input: { vocabulary: "ACTION_TYPE", code: `T_${uniq().toUpperCase()}`, labelEn: "Esc term", labelUk: "Термін" },
  });
  void staff;
  void admin;
  return { ...actors, org, campaign, action, outcome, link, comment, attachment, term };
}

/** What must not change: the target rows and the number of rows of each kind. */
async function stateOf(w: World) {
  return asText({
    action: await db.action.findUnique({ where: { id: w.action.id } }),
    outcome: await db.outcome.findUnique({ where: { id: w.outcome.id } }),
    link: await db.actionOutcomeLink.findUnique({ where: { id: w.link.id } }),
    comment: await db.comment.findUnique({ where: { id: w.comment.id } }),
    attachment: await db.attachment.findUnique({ where: { id: w.attachment.id } }),
    term: await db.term.findUnique({ where: { id: w.term.id } }),
    campaign: await db.campaign.findUnique({ where: { id: w.campaign.id } }),
    org: await db.organization.findUnique({ where: { id: w.org.id } }),
    staffUser: await db.user.findUnique({ where: { id: w.staff.id } }),
    counts: {
      actions: await db.action.count(),
      outcomes: await db.outcome.count(),
      links: await db.actionOutcomeLink.count(),
      comments: await db.comment.count(),
      attachments: await db.attachment.count(),
      users: await db.user.count(),
      terms: await db.term.count(),
      campaigns: await db.campaign.count(),
      organizations: await db.organization.count(),
      settings: asText(await db.appSetting.findMany({ orderBy: { key: "asc" } })),
    },
  });
}

type Case = { who: "staff" | "auditor"; what: string; call: (w: World, me: Actor) => Promise<unknown> };

const CASES: Case[] = [
  // staff → administrator's functions (users, roles, sessions, settings)
  {
    who: "staff",
    what: "create a user (as ADMIN)",
    call: (w, me) =>
      createUser({
        actor: me,
        input: { email: `${uniq()}@x.org`, name: "Evil", role: "ADMIN", password: "a long enough password for this" },
      }),
  },
  {
    who: "staff",
    what: "promote themself to ADMIN",
    call: (w, me) => updateUser({ actor: me, id: me.id, input: { name: me.name, role: "ADMIN", active: true } }),
  },
  { who: "staff", what: "end another person's sessions", call: (w, me) => endUserSessions({ actor: me, id: w.manager.id }) },
  {
    who: "staff",
    what: "set another person's password",
    call: (w, me) => setUserPassword({ actor: me, id: w.manager.id, input: { password: "a long enough password for this" } }),
  },
  {
    who: "staff",
    what: "turn off two-step for everyone",
    call: (w, me) => setMfaRequiredForAll({ actor: me, input: { required: "true" } }),
  },
  // staff → manager's functions (vocabularies, reference data, others' records, exports)
  {
    who: "staff",
    what: "add a vocabulary term",
    call: (w, me) =>
      createTerm({
        actor: me,
        input: { vocabulary: "ACTION_TYPE", code: `X_${uniq().toUpperCase()}`, labelEn: "x", labelUk: "х" },
      }),
  },
  {
    who: "staff",
    what: "relabel a term",
    call: (w, me) => updateTermLabels({ actor: me, id: w.term.id, input: { labelEn: "Hacked", labelUk: "Зламано" } }),
  },
  { who: "staff", what: "reorder a term", call: (w, me) => moveTerm({ actor: me, id: w.term.id, input: { direction: "up" } }) },
  {
    who: "staff",
    what: "retire a term",
    call: (w, me) => setTermActive({ actor: me, id: w.term.id, input: { active: "false" } }),
  },
  {
    who: "staff",
    what: "create an organization",
    call: (w, me) => createOrganization({ actor: me, input: { name: `Evil ${uniq()}`, kind: "NETWORK" } }),
  },
  {
    who: "staff",
    what: "edit an organization",
    call: (w, me) => updateOrganization({ actor: me, id: w.org.id, input: { name: "Hacked", kind: "NETWORK" } }),
  },
  {
    who: "staff",
    what: "create a campaign",
    call: (w, me) => createCampaign({ actor: me, input: { title: `Evil ${uniq()}`, status: "ACTIVE" } }),
  },
  {
    who: "staff",
    what: "edit a campaign",
    call: (w, me) => updateCampaign({ actor: me, id: w.campaign.id, input: { title: "Hacked", status: "ACTIVE" } }),
  },
  {
    who: "staff",
    what: "edit a manager's action",
    call: (w, me) =>
      updateAction({ actor: me, id: w.action.id, input: { ...actionInput({ title: "Hacked" }), expectedVersion: 1 } }),
  },
  { who: "staff", what: "delete a manager's action", call: (w, me) => deleteAction({ actor: me, id: w.action.id }) },
  {
    who: "staff",
    what: "edit a manager's outcome",
    call: (w, me) =>
      updateOutcome({ actor: me, id: w.outcome.id, input: { ...outcomeInput({ title: "Hacked" }), expectedVersion: 1 } }),
  },
  { who: "staff", what: "delete a manager's outcome", call: (w, me) => deleteOutcome({ actor: me, id: w.outcome.id }) },
  {
    who: "staff",
    what: "change a link between others' records",
    call: (w, me) => updateLink({ actor: me, id: w.link.id, input: { contribution: "DECISIVE", evidenceNote: "Hacked" } }),
  },
  { who: "staff", what: "remove a link between others' records", call: (w, me) => deleteLink({ actor: me, id: w.link.id }) },
  {
    who: "staff",
    what: "edit a manager's comment",
    call: (w, me) => updateComment({ actor: me, id: w.comment.id, input: { body: "Hacked" } }),
  },
  { who: "staff", what: "delete a manager's comment", call: (w, me) => deleteComment({ actor: me, id: w.comment.id }) },
  {
    who: "staff",
    what: "upload evidence to a manager's action",
    call: (w, me) => {
      const f = pdf();
      return uploadAttachment({
        actor: me,
        input: { recordType: "action", recordId: w.action.id, fileName: "x.pdf", sourceType: "OFFICIAL_LETTER" },
        body: streamOf(f),
        contentLength: f.length,
      });
    },
  },
  {
    who: "staff",
    what: "delete a manager's evidence file",
    call: (w, me) => deleteAttachment({ actor: me, id: w.attachment.id }),
  },
  {
    who: "staff",
    what: "export the actions list",
    call: async (w, me) => exportList({ actor: me, list: "actions", format: "csv", params: {}, baseUrl: "http://x" }),
  },
  // auditor → every mutation
  {
    who: "auditor",
    what: "create an action",
    call: (w, me) => createAction({ actor: me, input: actionInput({ title: `Auditor ${uniq()}` }) }),
  },
  {
    who: "auditor",
    what: "edit an action",
    call: (w, me) =>
      updateAction({ actor: me, id: w.action.id, input: { ...actionInput({ title: "Hacked" }), expectedVersion: 1 } }),
  },
  { who: "auditor", what: "delete an action", call: (w, me) => deleteAction({ actor: me, id: w.action.id }) },
  {
    who: "auditor",
    what: "create an outcome",
    call: (w, me) => createOutcome({ actor: me, input: outcomeInput({ title: `Auditor ${uniq()}` }) }),
  },
  {
    who: "auditor",
    what: "edit an outcome",
    call: (w, me) =>
      updateOutcome({ actor: me, id: w.outcome.id, input: { ...outcomeInput({ title: "Hacked" }), expectedVersion: 1 } }),
  },
  { who: "auditor", what: "delete an outcome", call: (w, me) => deleteOutcome({ actor: me, id: w.outcome.id }) },
  {
    who: "auditor",
    what: "link an action and an outcome",
    call: (w, me) =>
      createLink({ actor: me, input: { actionId: w.action.id, outcomeId: w.outcome.id, contribution: "UNCLEAR" } }),
  },
  {
    who: "auditor",
    what: "change a link",
    call: (w, me) => updateLink({ actor: me, id: w.link.id, input: { contribution: "DECISIVE", evidenceNote: "Hacked" } }),
  },
  { who: "auditor", what: "remove a link", call: (w, me) => deleteLink({ actor: me, id: w.link.id }) },
  {
    who: "auditor",
    what: "comment on an action",
    call: (w, me) => createComment({ actor: me, input: { recordType: "Action", recordId: w.action.id, body: "Auditor's note" } }),
  },
  {
    who: "auditor",
    what: "edit a comment",
    call: (w, me) => updateComment({ actor: me, id: w.comment.id, input: { body: "Hacked" } }),
  },
  { who: "auditor", what: "delete a comment", call: (w, me) => deleteComment({ actor: me, id: w.comment.id }) },
  {
    who: "auditor",
    what: "upload an evidence file",
    call: (w, me) => {
      const f = pdf();
      return uploadAttachment({
        actor: me,
        input: { recordType: "action", recordId: w.action.id, fileName: "x.pdf", sourceType: "OFFICIAL_LETTER" },
        body: streamOf(f),
        contentLength: f.length,
      });
    },
  },
  { who: "auditor", what: "delete an evidence file", call: (w, me) => deleteAttachment({ actor: me, id: w.attachment.id }) },
  {
    who: "auditor",
    what: "create an organization",
    call: (w, me) => createOrganization({ actor: me, input: { name: `Evil ${uniq()}`, kind: "NETWORK" } }),
  },
  {
    who: "auditor",
    what: "edit an organization",
    call: (w, me) => updateOrganization({ actor: me, id: w.org.id, input: { name: "Hacked", kind: "NETWORK" } }),
  },
  {
    who: "auditor",
    what: "create a campaign",
    call: (w, me) => createCampaign({ actor: me, input: { title: `Evil ${uniq()}`, status: "ACTIVE" } }),
  },
  {
    who: "auditor",
    what: "edit a campaign",
    call: (w, me) => updateCampaign({ actor: me, id: w.campaign.id, input: { title: "Hacked", status: "ACTIVE" } }),
  },
  {
    who: "auditor",
    what: "add a vocabulary term",
    call: (w, me) =>
      createTerm({
        actor: me,
        input: { vocabulary: "ACTION_TYPE", code: `X_${uniq().toUpperCase()}`, labelEn: "x", labelUk: "х" },
      }),
  },
  {
    who: "auditor",
    what: "retire a term",
    call: (w, me) => setTermActive({ actor: me, id: w.term.id, input: { active: "false" } }),
  },
  {
    who: "auditor",
    what: "create a user",
    call: (w, me) =>
      createUser({
        actor: me,
        input: { email: `${uniq()}@x.org`, name: "Evil", role: "ADMIN", password: "a long enough password for this" },
      }),
  },
  {
    who: "auditor",
    what: "change a person's role",
    call: (w, me) => updateUser({ actor: me, id: w.staff.id, input: { name: "Evil", role: "ADMIN", active: true } }),
  },
  { who: "auditor", what: "end a person's sessions", call: (w, me) => endUserSessions({ actor: me, id: w.staff.id }) },
];

describe("[SECURITY] vertical escalation: every refused call answers 403, is audited once and changes nothing", () => {
  let w: World;
  beforeAll(async () => {
    w = await makeWorld();
  });

  it.each(CASES.map((c) => [c.who, c.what, c] as const))("%s tries to %s", async (who, what, c) => {
    const me = who === "staff" ? w.staff : w.auditor;
    const before = await stateOf(w);
    const deniedBefore = await db.auditEvent.count({ where: { actorId: me.id, event: "access.denied" } });
    const otherBefore = await db.auditEvent.count({ where: { actorId: me.id, event: { not: "access.denied" } } });

    let caught: unknown;
    try {
      await c.call(w, me);
    } catch (e) {
      caught = e;
    }
    expect(caught, `${who} could ${what}`).toBeDefined();
    // what an API client sees: 403 and the generic text, nothing about the record
    const res = await errorResponse(caught, `test: ${what}`);
    expect(res.status, what).toBe(403);
    expect((await res.json()).error).toMatchObject({
      code: "FORBIDDEN",
      message: "Your role does not allow this. Ask a manager or an administrator if you need it.",
    });
    // a form replaying the same call (mapped again) does not write a second row
    await toFormState(caught, undefined, `test: ${what}`);

    expect(await db.auditEvent.count({ where: { actorId: me.id, event: "access.denied" } }), `${what}: access.denied rows`).toBe(
      deniedBefore + 1,
    );
    expect(
      await db.auditEvent.count({ where: { actorId: me.id, event: { not: "access.denied" } } }),
      `${what}: other audit rows`,
    ).toBe(otherBefore);
    expect(await stateOf(w), `${what}: nothing changed`).toBe(before);
  });
});
