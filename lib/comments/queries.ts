import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { can, isRecordVisible, type Actor } from "@/lib/permissions";
import { mentionedIds, COMMENT_RECORD_TYPES, type CommentDTO } from "./schemas";
import { z } from "zod";

const ZRecord = z.strictObject({ recordType: z.enum(COMMENT_RECORD_TYPES), recordId: z.string().min(1).max(64) });

/** A record's comments, oldest first; the record must be visible to the reader (else NOT_FOUND). */
export async function listComments({ actor, input }: { actor: Actor; input: unknown }): Promise<CommentDTO[]> {
  const r = ZRecord.parse(input);
  if (!(await isRecordVisible(db, actor, r.recordType, r.recordId))) throw new AppError("NOT_FOUND");
  const rows = await db.comment.findMany({
    where: { recordType: r.recordType, recordId: r.recordId, deletedAt: null },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      body: true,
      createdAt: true,
      editedAt: true,
      author: { select: { id: true, name: true } },
      mentions: { select: { user: { select: { id: true, name: true } } } },
    },
  });
  return rows.map((c) => {
    const own = c.author.id === actor.id;
    const names = new Map(c.mentions.map((m) => [m.user.id, m.user.name]));
    return {
      id: c.id,
      body: c.body,
      author: c.author,
      createdAt: c.createdAt.toISOString(),
      editedAt: c.editedAt?.toISOString() ?? null,
      mentions: mentionedIds(c.body).flatMap((id) => (names.has(id) ? [{ id, name: names.get(id)! }] : [])),
      canEdit: own && can(actor, "comment.write"),
      canDelete: (own && can(actor, "comment.write")) || can(actor, "comment.delete.any"),
    };
  });
}

/** Active colleagues to mention (the composer's autocomplete). */
export async function listMentionableUsers({ actor }: { actor: Actor }) {
  if (!can(actor, "comment.write")) return [];
  return db.user.findMany({ where: { active: true }, orderBy: { name: "asc" }, select: { id: true, name: true } });
}
