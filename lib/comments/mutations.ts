import "server-only";
import { recordAudit } from "@/lib/audit";
import { db, type Tx } from "@/lib/db";
import { AppError, forbidden } from "@/lib/errors";
import { notifyUsers } from "@/lib/notifications/mutations";
import { parseInput } from "@/lib/parse";
import { assertCan, can, isRecordVisible, type Actor, type Commentable } from "@/lib/permissions";
import { mentionedIds, ZCreateComment, ZUpdateComment } from "./schemas";

const snapshot = (c: { body: string; recordType: string; recordId: string }, mentionIds: string[]) => ({
  body: c.body,
  recordType: c.recordType,
  recordId: c.recordId,
  mentionIds: [...mentionIds].sort(),
});

/** Keeps only the mentions of people who exist and are active (an unknown id is a validation error). */
async function validMentions(tx: Tx, body: string): Promise<string[]> {
  const ids = mentionedIds(body);
  if (!ids.length) return [];
  const found = await tx.user.findMany({ where: { id: { in: ids }, active: true }, select: { id: true } });
  if (found.length !== ids.length) throw new AppError("VALIDATION", "errors.validation", { body: ["comments.unknownMention"] });
  return ids;
}

/** Notifies newly mentioned people who may see the record; never the author. */
async function notifyMentions(tx: Tx, actor: Actor, c: { id: string; recordType: string; recordId: string }, userIds: string[]) {
  await notifyUsers(tx, {
    userIds: userIds.filter((id) => id !== actor.id),
    kind: "MENTION",
    recordType: c.recordType as Commentable,
    recordId: c.recordId,
    actorId: actor.id,
    commentId: c.id,
    dedupeKey: (userId) => `mention:${c.id}:${userId}`,
  });
}

export async function createComment({ actor, input }: { actor: Actor; input: unknown }): Promise<{ id: string }> {
  assertCan(actor, "comment.write");
  const data = parseInput(ZCreateComment, input);
  return db.$transaction(async (tx) => {
    if (!(await isRecordVisible(tx, actor, data.recordType, data.recordId))) throw new AppError("NOT_FOUND");
    const mentionIds = await validMentions(tx, data.body);
    const c = await tx.comment.create({
      data: { ...data, authorId: actor.id, mentions: { create: mentionIds.map((userId) => ({ userId })) } },
      select: { id: true, recordType: true, recordId: true, body: true },
    });
    await recordAudit(tx, { actor, event: "comment.created", entity: "Comment", entityId: c.id, after: snapshot(c, mentionIds) });
    await notifyMentions(tx, actor, c, mentionIds);
    return { id: c.id };
  });
}

/** A comment the actor may see (its record visible), or NOT_FOUND. */
async function loadComment(tx: Tx, actor: Actor, id: string) {
  const c = await tx.comment.findFirst({
    where: { id, deletedAt: null },
    select: { id: true, body: true, recordType: true, recordId: true, authorId: true, mentions: { select: { userId: true } } },
  });
  if (!c || !(await isRecordVisible(tx, actor, c.recordType as Commentable, c.recordId))) throw new AppError("NOT_FOUND");
  return c;
}

/** The author edits; the earlier text stays in the audit trail (comment.updated's before). */
export async function updateComment({ actor, id, input }: { actor: Actor; id: string; input: unknown }): Promise<void> {
  assertCan(actor, "comment.write");
  const data = parseInput(ZUpdateComment, input);
  await db.$transaction(async (tx) => {
    const c = await loadComment(tx, actor, id);
    if (c.authorId !== actor.id) throw forbidden(actor, "comment.write", { entity: "Comment", id });
    if (c.body === data.body) return;
    const before = c.mentions.map((m) => m.userId);
    const mentionIds = await validMentions(tx, data.body);
    await tx.comment.update({
      where: { id },
      data: {
        body: data.body,
        editedAt: new Date(),
        mentions: { deleteMany: {}, create: mentionIds.map((userId) => ({ userId })) },
      },
    });
    await recordAudit(tx, {
      actor,
      event: "comment.updated",
      entity: "Comment",
      entityId: id,
      before: snapshot(c, before),
      after: snapshot({ ...c, body: data.body }, mentionIds),
    });
    await notifyMentions(tx, actor, c, mentionIds.filter((m) => !before.includes(m)));
  });
}

/** Soft delete: the author, or a manager for anyone's comment. */
export async function deleteComment({ actor, id }: { actor: Actor; id: string }): Promise<void> {
  await db.$transaction(async (tx) => {
    const c = await loadComment(tx, actor, id);
    const allowed = (c.authorId === actor.id && can(actor, "comment.write")) || can(actor, "comment.delete.any");
    if (!allowed) throw forbidden(actor, "comment.delete.any", { entity: "Comment", id });
    await tx.comment.update({ where: { id }, data: { deletedAt: new Date() } });
    await recordAudit(tx, {
      actor,
      event: "comment.deleted",
      entity: "Comment",
      entityId: id,
      before: snapshot(c, c.mentions.map((m) => m.userId)),
    });
  });
}
