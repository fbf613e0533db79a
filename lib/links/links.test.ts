// Integration tests: links between actions and outcomes (the evidence for "what did we do that led
// to this?") against the real test database.
import { describe, expect, it } from "vitest";
import { findActions, getAction, iterateActions } from "@/lib/actions/queries";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/permissions";
import { findOutcomes, getOutcome, iterateOutcomes } from "@/lib/outcomes/queries";
import { makeAction, makeLink, makeOrganization, makeOutcome } from "@/prisma/factories";
import { auditRowsFor, expectAppError, makeActor, makeActors } from "@/tests/support/fixtures";
import { createLink, deleteLink, updateLink } from "./mutations";

describe("[LINKS] create", () => {
  it("staff links their appeal to someone else's outcome (from the action side); both pages show it; audited", async () => {
    const { staff, otherStaff } = await makeActors();
    const action = await makeAction(db, { createdById: staff.id, title: "Appeal to the UN and ICRC", date: "2024-09-01" });
    const outcome = await makeOutcome(db, {
      createdById: otherStaff.id,
      title: "ICRC information provided",
      type: "ICRC_INFORMATION_PROVIDED",
    });

    const { id } = await createLink({
      actor: staff,
      input: {
        actionId: action.id,
        outcomeId: outcome.id,
        contribution: "DECISIVE",
        evidenceNote: "ICRC letter cites our appeal",
      },
    });

    const a = await getAction({ actor: staff, id: action.id });
    expect(a.links).toEqual([
      expect.objectContaining({
        linkId: id,
        contribution: expect.objectContaining({ code: "DECISIVE" }),
        evidenceNote: "ICRC letter cites our appeal",
        outcome: expect.objectContaining({ id: outcome.id, title: "ICRC information provided" }),
      }),
    ]);
    expect(a.linkCount).toBe(1);
    const o = await getOutcome({ actor: otherStaff, id: outcome.id });
    expect(o.links).toEqual([
      expect.objectContaining({ linkId: id, action: expect.objectContaining({ id: action.id, date: "2024-09-01" }) }),
    ]);

    const [audit] = await auditRowsFor(id);
    expect(audit).toMatchObject({
      event: "link.created",
      entity: "ActionOutcomeLink",
      actorId: staff.id,
      before: null,
      after: {
        actionId: action.id,
        outcomeId: outcome.id,
        contribution: "DECISIVE",
        evidenceNote: "ICRC letter cites our appeal",
      },
    });
  });

  it("staff links from the outcome side: their outcome to another's action", async () => {
    const { staff, otherStaff } = await makeActors();
    const action = await makeAction(db, { createdById: otherStaff.id });
    const outcome = await makeOutcome(db, { createdById: staff.id });
    const { id } = await createLink({
      actor: staff,
      input: { actionId: action.id, outcomeId: outcome.id, contribution: "CONTRIBUTORY" },
    });
    expect((await getOutcome({ actor: staff, id: outcome.id })).links.map((l) => l.linkId)).toEqual([id]);
    expect((await findOutcomes({ actor: staff, params: { q: outcome.title } })).rows[0].linkCount).toBe(1);
    expect((await findActions({ actor: staff, params: { q: action.title } })).rows[0].linkCount).toBe(1);
  });

  it("a second link between the same two records is refused (CONFLICT errors.linkExists)", async () => {
    const staff = await makeActor("STAFF");
    const action = await makeAction(db, { createdById: staff.id });
    const outcome = await makeOutcome(db, { createdById: staff.id });
    const input = { actionId: action.id, outcomeId: outcome.id, contribution: "UNCLEAR" };
    await createLink({ actor: staff, input });
    await expectAppError(
      createLink({ actor: staff, input: { ...input, contribution: "DECISIVE" } }),
      "CONFLICT",
      "errors.linkExists",
    );
    expect(await db.actionOutcomeLink.count({ where: { actionId: action.id } })).toBe(1);
  });

  it("an unknown contribution code is a field error", async () => {
    const staff = await makeActor("STAFF");
    const action = await makeAction(db, { createdById: staff.id });
    const outcome = await makeOutcome(db, { createdById: staff.id });
    const err = await expectAppError(
      createLink({ actor: staff, input: { actionId: action.id, outcomeId: outcome.id, contribution: "HUGE" } }),
      "VALIDATION",
    );
    expect(err.fieldErrors).toEqual({ contribution: ["validation.choose"] });
    expect(await db.actionOutcomeLink.count({ where: { actionId: action.id } })).toBe(0);
  });

  it("linking to a restricted record one cannot see answers NOT_FOUND, from either side", async () => {
    const { staff, otherStaff } = await makeActors();
    const mine = {
      action: await makeAction(db, { createdById: staff.id }),
      outcome: await makeOutcome(db, { createdById: staff.id }),
    };
    const hiddenAction = await makeAction(db, { createdById: otherStaff.id, confidentiality: "RESTRICTED" });
    const hiddenOutcome = await makeOutcome(db, { createdById: otherStaff.id, confidentiality: "RESTRICTED" });
    await expectAppError(
      createLink({ actor: staff, input: { actionId: hiddenAction.id, outcomeId: mine.outcome.id, contribution: "DECISIVE" } }),
      "NOT_FOUND",
    );
    await expectAppError(
      createLink({ actor: staff, input: { actionId: mine.action.id, outcomeId: hiddenOutcome.id, contribution: "DECISIVE" } }),
      "NOT_FOUND",
    );
    await expectAppError(
      createLink({ actor: staff, input: { actionId: "no-such-action", outcomeId: mine.outcome.id, contribution: "DECISIVE" } }),
      "NOT_FOUND",
    );
  });

  it("linking a deleted action answers NOT_FOUND", async () => {
    const staff = await makeActor("STAFF");
    const action = await makeAction(db, { createdById: staff.id });
    const outcome = await makeOutcome(db, { createdById: staff.id });
    await db.action.update({ where: { id: action.id }, data: { deletedAt: new Date() } });
    await expectAppError(
      createLink({ actor: staff, input: { actionId: action.id, outcomeId: outcome.id, contribution: "DECISIVE" } }),
      "NOT_FOUND",
    );
  });

  it("staff who can edit neither side are refused (FORBIDDEN); a manager may link anything", async () => {
    const { staff, otherStaff, manager } = await makeActors();
    const action = await makeAction(db, { createdById: otherStaff.id });
    const outcome = await makeOutcome(db, { createdById: otherStaff.id });
    const input = { actionId: action.id, outcomeId: outcome.id, contribution: "DECISIVE" };
    await expectAppError(createLink({ actor: staff, input }), "FORBIDDEN");
    const { id } = await createLink({ actor: manager, input });
    expect((await auditRowsFor(id, "link.created"))[0].actorId).toBe(manager.id);
  });

  it.each(["AUDITOR", "ADMIN"] as const)("%s cannot link (FORBIDDEN)", async (role) => {
    const actor = await makeActor(role);
    const action = await makeAction(db);
    const outcome = await makeOutcome(db);
    await expectAppError(
      createLink({ actor, input: { actionId: action.id, outcomeId: outcome.id, contribution: "DECISIVE" } }),
      "FORBIDDEN",
    );
  });
});

type Counted = { id: string; linkCount: number };

/**
 * Each record's link count as its list shows it (found by its title) and as the export writes it;
 * expects the two to agree and returns the list's, by id, for the records the actor sees.
 */
async function listedAndExported(
  actor: Actor,
  ids: string[],
  titleOf: (id: string) => Promise<string>,
  find: (o: { actor: Actor; params: unknown }) => Promise<{ rows: Counted[] }>,
  iterate: (o: { actor: Actor; params: unknown; batchSize?: number }) => AsyncGenerator<Counted[], void, undefined>,
): Promise<Record<string, number>> {
  const listed = new Map<string, number>();
  for (const id of ids) {
    const row = (await find({ actor, params: { q: await titleOf(id) } })).rows.find((r) => r.id === id);
    if (row) listed.set(id, row.linkCount);
  }
  const exported = new Map<string, number>();
  for await (const batch of iterate({ actor, params: {}, batchSize: 500 }))
    for (const r of batch) if (ids.includes(r.id)) exported.set(r.id, r.linkCount);
  expect(exported).toEqual(listed);
  return Object.fromEntries(listed);
}

describe("[LINKS] scope of links on detail pages", () => {
  it("a link to a restricted outcome is hidden from staff who cannot see that outcome, and not counted", async () => {
    const { staff, otherStaff, manager } = await makeActors();
    const action = await makeAction(db, { createdById: staff.id });
    const secret = await makeOutcome(db, { createdById: otherStaff.id, confidentiality: "RESTRICTED" });
    await makeLink(db, { actionId: action.id, outcomeId: secret.id, createdById: otherStaff.id });
    const outsider = await makeActor("STAFF");

    expect((await getAction({ actor: outsider, id: action.id })).links).toEqual([]);
    expect((await findActions({ actor: outsider, params: { q: action.title } })).rows[0].linkCount).toBe(0);
    expect((await getAction({ actor: manager, id: action.id })).links.map((l) => l.outcome.id)).toEqual([secret.id]);
    expect((await findActions({ actor: manager, params: { q: action.title } })).rows[0].linkCount).toBe(1);
  });

  it("link counts in lists and exports count only the other ends the reader may see, from both sides", async () => {
    const { staff, otherStaff, manager } = await makeActors();
    const mine = await makeAction(db, { createdById: staff.id });
    const theirsRestricted = await makeAction(db, { createdById: otherStaff.id, confidentiality: "RESTRICTED" });
    const theirsOpen = await makeAction(db, { createdById: otherStaff.id });
    // A restricted outcome of someone else: staff see it only because it is linked to their own action.
    const reachable = await makeOutcome(db, { createdById: otherStaff.id, confidentiality: "RESTRICTED" });
    const secret = await makeOutcome(db, { createdById: otherStaff.id, confidentiality: "RESTRICTED" });
    const open = await makeOutcome(db, { createdById: otherStaff.id });
    for (const [a, o] of [
      [mine, reachable],
      [mine, open],
      [theirsRestricted, open],
      [theirsOpen, open],
      [theirsOpen, secret],
    ] as const)
      await makeLink(db, { actionId: a.id, outcomeId: o.id, createdById: otherStaff.id });

    const actionCounts = (actor: typeof staff) =>
      listedAndExported(
        actor,
        [mine.id, theirsOpen.id, theirsRestricted.id],
        async (id) => (await db.action.findUniqueOrThrow({ where: { id } })).title,
        findActions,
        iterateActions,
      );
    expect(await actionCounts(staff)).toEqual({ [mine.id]: 2, [theirsOpen.id]: 1 });
    expect(await actionCounts(manager)).toEqual({ [mine.id]: 2, [theirsOpen.id]: 2, [theirsRestricted.id]: 1 });

    const outcomeCounts = (actor: typeof staff) =>
      listedAndExported(
        actor,
        [reachable.id, secret.id, open.id],
        async (id) => (await db.outcome.findUniqueOrThrow({ where: { id } })).title,
        findOutcomes,
        iterateOutcomes,
      );
    // staff: `open` has three links, one of them from someone else's restricted action
    expect(await outcomeCounts(staff)).toEqual({ [reachable.id]: 1, [open.id]: 2 });
    expect(await outcomeCounts(manager)).toEqual({ [reachable.id]: 1, [secret.id]: 1, [open.id]: 3 });
  });

  it("an outcome page lists the actions that led to it in date order", async () => {
    const manager = await makeActor("MANAGER");
    const outcome = await makeOutcome(db, { createdById: manager.id, type: "MEMBERSHIP_EXCLUDED", date: "2023-04-11" });
    const later = await makeAction(db, { createdById: manager.id, date: "2023-04-10", type: "SPEECH_STATEMENT" });
    const earlier = await makeAction(db, { createdById: manager.id, date: "2022-12-01", type: "LETTER_APPEAL" });
    await makeLink(db, { actionId: later.id, outcomeId: outcome.id, createdById: manager.id, contribution: "DECISIVE" });
    await makeLink(db, { actionId: earlier.id, outcomeId: outcome.id, createdById: manager.id });
    expect((await getOutcome({ actor: manager, id: outcome.id })).links.map((l) => l.action.id)).toEqual([earlier.id, later.id]);
  });
});

describe("[LINKS] update and delete", () => {
  it("changing the contribution is audited with only the changed fields; an unchanged save writes nothing", async () => {
    const staff = await makeActor("STAFF");
    const action = await makeAction(db, { createdById: staff.id });
    const outcome = await makeOutcome(db, { createdById: staff.id });
    const { id } = await createLink({
      actor: staff,
      input: { actionId: action.id, outcomeId: outcome.id, contribution: "UNCLEAR", evidenceNote: "n" },
    });

    await updateLink({ actor: staff, id, input: { contribution: "DECISIVE", evidenceNote: "n" } });
    await updateLink({ actor: staff, id, input: { contribution: "DECISIVE", evidenceNote: "n" } });

    const rows = await auditRowsFor(id, "link.updated");
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ before: { contribution: "UNCLEAR" }, after: { contribution: "DECISIVE" } });
  });

  it("deleting a link removes it from both pages and audits what it was", async () => {
    const staff = await makeActor("STAFF");
    const action = await makeAction(db, { createdById: staff.id });
    const outcome = await makeOutcome(db, { createdById: staff.id });
    const { id } = await createLink({
      actor: staff,
      input: { actionId: action.id, outcomeId: outcome.id, contribution: "CONTRIBUTORY", evidenceNote: "minutes of the GA" },
    });

    await deleteLink({ actor: staff, id });

    expect(await db.actionOutcomeLink.findUnique({ where: { id } })).toBeNull();
    expect((await getAction({ actor: staff, id: action.id })).links).toEqual([]);
    expect((await getOutcome({ actor: staff, id: outcome.id })).links).toEqual([]);
    const [audit] = await auditRowsFor(id, "link.deleted");
    expect(audit).toMatchObject({
      actorId: staff.id,
      after: null,
      before: { actionId: action.id, outcomeId: outcome.id, contribution: "CONTRIBUTORY", evidenceNote: "minutes of the GA" },
    });
    await expectAppError(deleteLink({ actor: staff, id }), "NOT_FOUND");
  });

  it("staff who can edit neither side cannot delete or change a link; one touching a hidden record is NOT_FOUND", async () => {
    const { staff, otherStaff } = await makeActors();
    const action = await makeAction(db, { createdById: otherStaff.id });
    const outcome = await makeOutcome(db, { createdById: otherStaff.id });
    const link = await makeLink(db, { actionId: action.id, outcomeId: outcome.id, createdById: otherStaff.id });
    await expectAppError(deleteLink({ actor: staff, id: link.id }), "FORBIDDEN");
    await expectAppError(updateLink({ actor: staff, id: link.id, input: { contribution: "DECISIVE" } }), "FORBIDDEN");

    const hidden = await makeOutcome(db, { createdById: otherStaff.id, confidentiality: "RESTRICTED" });
    // staff sees the action but not the restricted outcome (neither its author nor on a linked action)
    const visible = await makeAction(db, { createdById: otherStaff.id });
    const hiddenLink = await makeLink(db, { actionId: visible.id, outcomeId: hidden.id, createdById: otherStaff.id });
    await expectAppError(deleteLink({ actor: staff, id: hiddenLink.id }), "NOT_FOUND");
    expect(await db.actionOutcomeLink.count({ where: { id: { in: [link.id, hiddenLink.id] } } })).toBe(2);
  });

  it("an organization's records can be linked across (sanity: org filter unaffected by links)", async () => {
    const manager = await makeActor("MANAGER");
    const org = await makeOrganization(db);
    const action = await makeAction(db, { createdById: manager.id, organizationIds: [org.id] });
    const outcome = await makeOutcome(db, { createdById: manager.id, subjectId: org.id });
    await createLink({ actor: manager, input: { actionId: action.id, outcomeId: outcome.id, contribution: "DECISIVE" } });
    expect((await findActions({ actor: manager, params: { org: org.id } })).rows.map((r) => [r.id, r.linkCount])).toEqual([
      [action.id, 1],
    ]);
    expect((await findOutcomes({ actor: manager, params: { org: org.id } })).rows.map((r) => [r.id, r.linkCount])).toEqual([
      [outcome.id, 1],
    ]);
  });
});
