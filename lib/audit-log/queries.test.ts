// /audit's query (filters, sort, who may read it) and a record's History (field-level changes with
// labels, links in the same timeline, and nothing about records the reader may not see). Runs on the
// shared test database: every assertion is about this test's own rows.
import { describe, expect, it } from "vitest";
import { createAction, updateAction } from "@/lib/actions/mutations";
import { listAnchors, verifyAuditChain } from "@/lib/audit-log/chain";
import { findAuditEvents, getRecordHistory, iterateAuditEvents, listAuditFilterOptions } from "@/lib/audit-log/queries";
import type { AuditValue, FieldChange, HistoryEntry } from "@/lib/audit-log/schemas";
import { createCampaign, updateCampaign } from "@/lib/campaigns/mutations";
import { createLink, deleteLink, updateLink } from "@/lib/links/mutations";
import { createOrganization, updateOrganization } from "@/lib/organizations/mutations";
import { createOutcome, updateOutcome } from "@/lib/outcomes/mutations";
import { asText, expectAppError, makeActors, uniq } from "@/tests/support/fixtures";
import { actionInput, outcomeInput } from "@/tests/support/inputs";

/** A value as the reader sees it, in English: term labels, record titles, plain text. */
const show = (v: AuditValue): string | string[] | null => {
  const ref = (r: Extract<AuditValue, { kind: "ref" }>["ref"]) =>
    r.type === "term" ? r.labelEn : r.type === "record" ? r.label : r.type === "hidden" ? "(hidden)" : r.value;
  if (v.kind === "none") return null;
  if (v.kind === "text") return v.text;
  if (v.kind === "date") return v.date;
  if (v.kind === "enum") return v.value;
  if (v.kind === "ref") return ref(v.ref);
  return v.items.map(ref);
};

const change = (changes: FieldChange[], field: string) => {
  const c = changes.find((x) => x.field === field);
  if (!c) throw new Error(`no change of ${field} in ${JSON.stringify(changes.map((x) => x.field))}`);
  return {
    before: show(c.before),
    after: show(c.after),
    added: c.added?.map((r) => show({ kind: "ref", ref: r })),
    removed: c.removed?.map((r) => show({ kind: "ref", ref: r })),
  };
};

const today = () => new Date().toISOString().slice(0, 10);
const dayOffset = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe("the audit trail (/audit)", () => {
  it("[AUDIT] staff, managers and administrators may not read it: FORBIDDEN", async () => {
    const { staff, manager, admin } = await makeActors();
    for (const actor of [staff, manager, admin]) {
      await expectAppError(findAuditEvents({ actor, params: {} }), "FORBIDDEN");
      await expectAppError(listAuditFilterOptions({ actor }), "FORBIDDEN");
      await expectAppError(listAnchors({ actor }), "FORBIDDEN");
      await expectAppError(verifyAuditChain({ actor }), "FORBIDDEN");
      await expectAppError(iterateAuditEvents({ actor, params: {} }).next(), "FORBIDDEN");
    }
  });

  it("[AUDIT] auditors filter by record, event, record type, person and UTC day", async () => {
    const { staff, auditor } = await makeActors();
    const a = await createAction({ actor: staff, input: actionInput() });
    await updateAction({ actor: staff, id: a.id, input: actionInput({ status: "AWAITING_RESPONSE" }) });

    const page = await findAuditEvents({ actor: auditor, params: { q: a.id } });
    expect(page.total).toBe(2);
    expect(page.rows.map((r) => r.event)).toEqual(["action.updated", "action.created"]); // newest first
    const [updated, created] = page.rows;
    expect(updated).toMatchObject({
      entity: "Action",
      entityId: a.id,
      href: `/actions/${a.id}`,
      shape: "update",
      actorRole: "STAFF",
    });
    expect(updated.actor).toEqual({ id: staff.id, name: staff.name });
    expect(updated.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(updated.changes.map((c) => c.field)).toEqual(["status"]);
    expect(change(updated.changes, "status")).toMatchObject({ before: "Sent", after: "Awaiting response" });
    expect(created.shape).toBe("create");
    expect(change(created.changes, "type")).toMatchObject({ before: null, after: "Letter or appeal" });

    const count = async (params: Record<string, string>, actor = auditor) => (await findAuditEvents({ actor, params })).total;
    expect(await count({ q: a.id, event: "action.created" })).toBe(1);
    expect(await count({ q: a.id, event: "action.deleted" })).toBe(0);
    expect(await count({ q: a.id, entity: "Action" })).toBe(2);
    expect(await count({ q: a.id, entity: "Outcome" })).toBe(0);
    expect(await count({ q: a.id.slice(0, 12) })).toBeGreaterThanOrEqual(2); // a prefix of the id
    expect(await count({ q: `#${created.id}` })).toBe(1); // the event's own number
    expect(await count({ actor: staff.id })).toBe(2); // a fresh person: exactly their two events
    expect(await count({ q: a.id, actor: "system" })).toBe(0);
    expect(await count({ q: a.id, from: today(), to: today() })).toBe(2);
    expect(await count({ q: a.id, from: dayOffset(1) })).toBe(0);
    expect(await count({ q: a.id, to: dayOffset(-1) })).toBe(0);

    const sorted = await findAuditEvents({ actor: auditor, params: { q: a.id, sort: "event", dir: "asc" } });
    expect(sorted.rows.map((r) => r.event)).toEqual(["action.created", "action.updated"]);

    // The export's iterator: same filter and order, in batches.
    const batches: string[][] = [];
    for await (const rows of iterateAuditEvents({
      actor: auditor,
      params: { actor: staff.id, sort: "at", dir: "desc" },
      batchSize: 1,
    }))
      batches.push(rows.map((r) => r.event));
    expect(batches).toEqual([["action.updated"], ["action.created"]]);

    const options = await listAuditFilterOptions({ actor: auditor });
    expect(options.events).toEqual(expect.arrayContaining(["action.created", "action.updated"]));
    expect(options.entities).toContain("Action");
    expect(options.actors.map((o) => o.value)).toContain(staff.id);
  });

  it("[AUDIT] events without a signed-in person are found under the system filter", async () => {
    const { auditor } = await makeActors();
    await verifyAuditChain({ actor: null }); // the daily job
    const page = await findAuditEvents({ actor: auditor, params: { actor: "system", event: "audit.verified" } });
    expect(page.total).toBeGreaterThanOrEqual(1);
    expect(page.rows.every((r) => r.actor === null && r.actorRole === null)).toBe(true);
  });
});

describe("a record's History", () => {
  const kinds = (entries: HistoryEntry[]) => entries.map((e) => e.kind);

  it("[HISTORY] an action: who changed which field from what to what, with its links in the same timeline", async () => {
    const { staff, manager } = await makeActors();
    const body = await createOrganization({
      actor: manager,
      input: { name: `Sub-Committee on Accreditation ${uniq()}`, acronym: "SCA", kind: "NETWORK_BODY" },
    });
    const a = await createAction({ actor: staff, input: actionInput({ status: "DRAFT" }) });
    await updateAction({ actor: staff, id: a.id, input: actionInput({ status: "SENT", organizationIds: [body.id] }) });
    const outcome = await createOutcome({ actor: manager, input: outcomeInput({ title: `Accreditation removed ${uniq()}` }) });
    const link = await createLink({
      actor: staff,
      input: { actionId: a.id, outcomeId: outcome.id, contribution: "CONTRIBUTORY" },
    });
    await updateLink({ actor: staff, id: link.id, input: { contribution: "DECISIVE" } });
    await deleteLink({ actor: staff, id: link.id });

    const history = await getRecordHistory({ actor: staff, entity: "Action", entityId: a.id });
    expect(kinds(history.entries)).toEqual(["unlinked", "link-updated", "linked", "updated", "created"]);
    expect(history.truncated).toBe(false);

    const updated = history.entries[3];
    expect(updated.actor).toEqual({ id: staff.id, name: staff.name });
    expect(updated.actorRole).toBe("STAFF");
    expect(change(updated.changes, "status")).toMatchObject({ before: "Draft", after: "Sent" });
    expect(change(updated.changes, "organizationIds")).toMatchObject({
      added: [expect.stringMatching(/^SCA – Sub-Committee on Accreditation /)],
      removed: [],
    });

    for (const e of history.entries.slice(0, 3)) {
      expect(e.other).toMatchObject({ type: "record", entity: "Outcome", id: outcome.id, href: `/outcomes/${outcome.id}` });
      expect(e.changes.map((c) => c.field)).not.toContain("outcomeId");
    }
    expect(change(history.entries[1].changes, "contribution")).toMatchObject({ before: "Contributory", after: "Decisive" });
    expect(change(history.entries[2].changes, "contribution")).toMatchObject({ after: "Contributory" });

    // The outcome's History has the same link events, pointing back at the action.
    const other = await getRecordHistory({ actor: staff, entity: "Outcome", entityId: outcome.id });
    expect(kinds(other.entries)).toEqual(["unlinked", "link-updated", "linked", "created"]);
    expect(other.entries[0].other).toMatchObject({ type: "record", entity: "Action", id: a.id });
  });

  it("[HISTORY] an outcome: field-level changes by whom, newest first", async () => {
    const { manager, auditor } = await makeActors();
    const title = `SCA decision ${uniq()}`;
    const o = await createOutcome({ actor: manager, input: outcomeInput({ title, verification: "REPORTED" }) });
    await updateOutcome({
      actor: manager,
      id: o.id,
      input: outcomeInput({ title: `${title} (final)`, verification: "VERIFIED" }),
    });

    const history = await getRecordHistory({ actor: auditor, entity: "Outcome", entityId: o.id });
    expect(kinds(history.entries)).toEqual(["updated", "created"]);
    const [updated] = history.entries;
    expect(updated.actor).toEqual({ id: manager.id, name: manager.name });
    expect(updated.actorRole).toBe("MANAGER");
    expect(change(updated.changes, "verification")).toMatchObject({ before: "Reported (not yet confirmed)", after: "Verified" });
    expect(change(updated.changes, "title")).toMatchObject({ before: title, after: `${title} (final)` });
  });

  it("[HISTORY] a link to a record the reader may not see shows neither its title nor anything about the link", async () => {
    const { staff, otherStaff, manager, auditor } = await makeActors();
    const secret = `Confidential briefing outcome ${uniq()}`;
    // an internal action of a colleague: staff may read it but take no part in it, so the restricted
    // outcome linked to it stays out of their scope
    const a = await createAction({ actor: otherStaff, input: actionInput() });
    const hidden = await createOutcome({ actor: manager, input: outcomeInput({ title: secret, confidentiality: "RESTRICTED" }) });
    await createLink({
      actor: manager,
      input: { actionId: a.id, outcomeId: hidden.id, contribution: "DECISIVE", evidenceNote: `Note about ${secret}` },
    });

    const seen = await getRecordHistory({ actor: staff, entity: "Action", entityId: a.id });
    expect(kinds(seen.entries)).toEqual(["linked", "created"]);
    expect(seen.entries[0].other).toEqual({ type: "hidden" });
    expect(seen.entries[0].changes).toEqual([]);
    expect(asText(seen)).not.toContain(secret);
    expect(asText(seen)).not.toContain(hidden.id);

    // The restricted record's own history is as absent as the record.
    await expectAppError(getRecordHistory({ actor: staff, entity: "Outcome", entityId: hidden.id }), "NOT_FOUND");
    // the colleague who logged the action is a participant of the linked outcome: they see its title
    const own = await getRecordHistory({ actor: otherStaff, entity: "Action", entityId: a.id });
    expect(own.entries[0].other).toMatchObject({ type: "record", label: secret });

    // An auditor sees both ends.
    const audited = await getRecordHistory({ actor: auditor, entity: "Action", entityId: a.id });
    expect(audited.entries[0].other).toMatchObject({ type: "record", label: secret });
    expect(change(audited.entries[0].changes, "evidenceNote").after).toBe(`Note about ${secret}`);
    const outcomeHistory = await getRecordHistory({ actor: auditor, entity: "Outcome", entityId: hidden.id });
    expect(kinds(outcomeHistory.entries)).toEqual(["linked", "created"]);
  });

  it("[HISTORY] a restricted action's history is NOT_FOUND to staff outside it; unknown ids and record types are refused", async () => {
    const { staff, otherStaff, auditor } = await makeActors();
    const a = await createAction({ actor: staff, input: actionInput({ confidentiality: "RESTRICTED" }) });
    await expectAppError(getRecordHistory({ actor: otherStaff, entity: "Action", entityId: a.id }), "NOT_FOUND");
    expect((await getRecordHistory({ actor: auditor, entity: "Action", entityId: a.id })).entries).toHaveLength(1);
    await expectAppError(getRecordHistory({ actor: staff, entity: "Action", entityId: "does-not-exist" }), "NOT_FOUND");
    await expect(getRecordHistory({ actor: auditor, entity: "AuditEvent", entityId: "1" })).rejects.toThrow();
  });

  it("[HISTORY] campaigns and organizations: terms, people and other records by name", async () => {
    const { staff, manager } = await makeActors();
    const parent = await createOrganization({
      actor: manager,
      input: { name: `United Nations ${uniq()}`, acronym: "UN", kind: "INTERGOVERNMENTAL" },
    });
    const org = await createOrganization({ actor: manager, input: { name: `OHCHR ${uniq()}`, kind: "NETWORK" } });
    await updateOrganization({
      actor: manager,
      id: org.id,
      input: { name: "OHCHR renamed", kind: "UN_BODY", parentId: parent.id },
    });
    const orgHistory = await getRecordHistory({ actor: staff, entity: "Organization", entityId: org.id });
    expect(kinds(orgHistory.entries)).toEqual(["updated", "created"]);
    const orgChanges = orgHistory.entries[0].changes;
    expect(orgChanges.map((c) => c.field)).toEqual(["name", "kind", "parentId"]);
    expect(change(orgChanges, "kind")).toMatchObject({ before: "Network of NHRIs or ombudsmen", after: "UN body" });
    expect(change(orgChanges, "parentId")).toMatchObject({ before: null, after: expect.stringMatching(/^UN – United Nations /) });

    const c = await createCampaign({
      actor: manager,
      input: { title: `Isolate the Russian Ombudsman ${uniq()}`, status: "ACTIVE" },
    });
    await updateCampaign({
      actor: manager,
      id: c.id,
      input: { title: "Isolate the Russian Ombudsman", status: "ACHIEVED", ownerId: staff.id, priority: "HIGH" },
    });
    const campaignHistory = await getRecordHistory({ actor: staff, entity: "Campaign", entityId: c.id });
    const cc = campaignHistory.entries[0].changes;
    expect(change(cc, "status")).toMatchObject({ before: "Active", after: "Achieved" });
    expect(change(cc, "ownerId")).toMatchObject({ before: null, after: staff.name });
    expect(cc.find((x) => x.field === "priority")?.after).toEqual({ kind: "enum", group: "priority", value: "HIGH" });
  });
});
