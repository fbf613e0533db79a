// Integration tests: comments, mentions and notifications against the real test database.
import { describe, expect, it } from "vitest";
import { getRecordHistory } from "@/lib/audit-log/queries";
import { db } from "@/lib/db";
import { listNotifications } from "@/lib/notifications/queries";
import { markNotificationsRead } from "@/lib/notifications/mutations";
import { makeAction, makeCampaign } from "@/prisma/factories";
import { auditRowsFor, expectAppError, makeActor, makeActors } from "@/tests/support/fixtures";
import { createComment, deleteComment, updateComment } from "./mutations";
import { listComments } from "./queries";

describe("[COMMENTS] thread, mentions and notifications", () => {
  it("staff comments with a mention; the colleague is notified; edit keeps the old text in history", async () => {
    const { staff, otherStaff } = await makeActors();
    const action = await makeAction(db, { createdById: staff.id, confidentiality: "INTERNAL" });
    const input = { recordType: "Action", recordId: action.id, body: `Please check, <@${otherStaff.id}>. <img src=x onerror=alert(1)>` };
    const { id } = await createComment({ actor: staff, input });

    const list = await listComments({ actor: otherStaff, input: { recordType: "Action", recordId: action.id } });
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ id, body: input.body, mentions: [{ id: otherStaff.id, name: otherStaff.name }], canEdit: false, canDelete: false });

    const inbox = await listNotifications({ actor: otherStaff });
    expect(inbox.unread).toBe(1);
    expect(inbox.items[0]).toMatchObject({ kind: "MENTION", recordId: action.id, href: `/actions/${action.id}`, actorName: staff.name, read: false });
    // the author is not notified of their own comment
    expect((await listNotifications({ actor: staff })).unread).toBe(0);

    await updateComment({ actor: staff, id, input: { body: "Corrected text" } });
    const rows = await auditRowsFor(id);
    expect(rows.map((r) => r.event)).toEqual(["comment.created", "comment.updated"]);
    expect((rows[1].before as { body: string }).body).toBe(input.body);
    expect((rows[1].after as { body: string }).body).toBe("Corrected text");

    const history = await getRecordHistory({ actor: otherStaff, entity: "Action", entityId: action.id });
    const kinds = history.entries.map((e) => e.kind);
    expect(kinds).toContain("commented");
    expect(kinds).toContain("comment-edited");
    const created = history.entries.find((e) => e.kind === "commented")!;
    expect(JSON.stringify(created.changes)).toContain(`@${otherStaff.name}`);

    await markNotificationsRead({ actor: otherStaff, input: { id: inbox.items[0].id } });
    expect((await listNotifications({ actor: otherStaff })).unread).toBe(0);
  });

  it("only the author edits; author or a manager deletes (soft, audited); others get FORBIDDEN", async () => {
    const { staff, otherStaff, manager, auditor } = await makeActors();
    const campaign = await makeCampaign(db);
    const { id } = await createComment({ actor: staff, input: { recordType: "Campaign", recordId: campaign.id, body: "On track" } });
    await expectAppError(updateComment({ actor: otherStaff, id, input: { body: "x" } }), "FORBIDDEN");
    await expectAppError(updateComment({ actor: manager, id, input: { body: "x" } }), "FORBIDDEN");
    await expectAppError(deleteComment({ actor: otherStaff, id }), "FORBIDDEN");
    await expectAppError(createComment({ actor: auditor, input: { recordType: "Campaign", recordId: campaign.id, body: "x" } }), "FORBIDDEN");
    await deleteComment({ actor: manager, id });
    expect(await listComments({ actor: staff, input: { recordType: "Campaign", recordId: campaign.id } })).toEqual([]);
    expect(await db.comment.findUnique({ where: { id }, select: { deletedAt: true } })).toMatchObject({ deletedAt: expect.any(Date) });
    expect((await auditRowsFor(id, "comment.deleted"))[0]).toMatchObject({ actorId: manager.id, after: null });
  });

  it("a restricted record's comments never leak: no list, no comment, no notification, no history", async () => {
    const { staff, otherStaff, manager } = await makeActors();
    const action = await makeAction(db, { createdById: staff.id, confidentiality: "RESTRICTED" });
    await createComment({
      actor: staff,
      input: { recordType: "Action", recordId: action.id, body: `Secret, cc <@${otherStaff.id}> <@${manager.id}>` },
    });
    // otherStaff is outside the scope: not notified; the manager is
    expect((await listNotifications({ actor: otherStaff })).items.filter((n) => n.recordId === action.id)).toEqual([]);
    expect((await listNotifications({ actor: manager })).items.some((n) => n.recordId === action.id)).toBe(true);
    await expectAppError(listComments({ actor: otherStaff, input: { recordType: "Action", recordId: action.id } }), "NOT_FOUND");
    await expectAppError(
      createComment({ actor: otherStaff, input: { recordType: "Action", recordId: action.id, body: "hi" } }),
      "NOT_FOUND",
    );
    await expectAppError(getRecordHistory({ actor: otherStaff, entity: "Action", entityId: action.id }), "NOT_FOUND");

    // a record that becomes restricted later: the earlier notification is no longer shown or counted
    const open = await makeAction(db, { createdById: staff.id, confidentiality: "INTERNAL" });
    await createComment({ actor: staff, input: { recordType: "Action", recordId: open.id, body: `<@${otherStaff.id}> look` } });
    expect((await listNotifications({ actor: otherStaff })).items.some((n) => n.recordId === open.id)).toBe(true);
    await db.action.update({ where: { id: open.id }, data: { confidentiality: "RESTRICTED" } });
    const after = await listNotifications({ actor: otherStaff });
    expect(after.items.some((n) => n.recordId === open.id)).toBe(false);
    expect(after.unread).toBe(0);
  });

  it("refuses a mention of an unknown person and an empty comment", async () => {
    const staff = await makeActor("STAFF");
    const action = await makeAction(db, { createdById: staff.id });
    await expectAppError(
      createComment({ actor: staff, input: { recordType: "Action", recordId: action.id, body: "<@nosuchuser1> hi" } }),
      "VALIDATION",
    );
    await expectAppError(createComment({ actor: staff, input: { recordType: "Action", recordId: action.id, body: "   " } }), "VALIDATION");
  });
});
