import "server-only";
import { z } from "zod";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/parse";
import { isRecordVisible, type Actor, type Commentable } from "@/lib/permissions";
import type { NotificationKind } from "./queries";

type Recipient = { id: string; email: string; name: string; role: Actor["role"]; active: boolean };

/**
 * Creates notifications in the caller's transaction for those recipients who may see the record
 * (checked here, and again when shown). Returns the ids of the people notified.
 */
export async function notifyUsers(
  tx: Tx,
  input: {
    userIds: readonly string[];
    kind: NotificationKind;
    recordType: Commentable;
    recordId: string;
    actorId?: string | null;
    commentId?: string | null;
    /** makes the notification once-only (e.g. one reminder per action, person and day) */
    dedupeKey?: (userId: string) => string;
  },
): Promise<string[]> {
  if (!input.userIds.length) return [];
  const users: Recipient[] = await tx.user.findMany({
    where: { id: { in: [...input.userIds] }, active: true },
    select: { id: true, email: true, name: true, role: true, active: true },
  });
  const notified: string[] = [];
  for (const u of users) {
    if (!(await isRecordVisible(tx, u, input.recordType, input.recordId))) continue;
    const created = await tx.notification.createMany({
      data: [
        {
          userId: u.id,
          kind: input.kind,
          recordType: input.recordType,
          recordId: input.recordId,
          actorId: input.actorId ?? null,
          commentId: input.commentId ?? null,
          dedupeKey: input.dedupeKey?.(u.id) ?? null,
        },
      ],
      skipDuplicates: true,
    });
    if (created.count) notified.push(u.id);
  }
  return notified;
}

const ZMarkRead = z.strictObject({ id: z.string().min(1).max(64).optional() });

/** Marks one of the actor's notifications read, or all of them when no id is given. */
export async function markNotificationsRead({ actor, input }: { actor: Actor; input: unknown }): Promise<{ count: number }> {
  const { id } = parseInput(ZMarkRead, input ?? {});
  const { count } = await db.notification.updateMany({
    where: { userId: actor.id, readAt: null, ...(id ? { id } : {}) },
    data: { readAt: new Date() },
  });
  if (id && count === 0) {
    const mine = await db.notification.count({ where: { id, userId: actor.id } });
    if (!mine) throw new AppError("NOT_FOUND");
  }
  return { count };
}
