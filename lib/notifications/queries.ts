import "server-only";
import { db, type Db, type Tx } from "@/lib/db";
import { actionScope, outcomeScope, type Actor, type Commentable } from "@/lib/permissions";

export type NotificationKind = "MENTION" | "FOLLOW_UP_DUE" | "OVERDUE";

export type NotificationDTO = {
  id: string;
  kind: NotificationKind;
  recordType: Commentable;
  recordId: string;
  recordTitle: string;
  href: string;
  actorName: string | null;
  createdAt: string;
  read: boolean;
};

export type NotificationList = { items: NotificationDTO[]; unread: number };

const HREF: Record<Commentable, string> = { Action: "/actions", Outcome: "/outcomes", Campaign: "/campaigns" };

/**
 * The ids of the records of each type that the actor may see, among those asked for: one query per
 * type. A notification about a record outside the reader's scope (it became restricted, or the
 * reader left it) is never shown nor counted.
 */
async function visibleTitles(client: Tx | Db, actor: Actor, wanted: Map<Commentable, Set<string>>) {
  const ids = (t: Commentable) => [...(wanted.get(t) ?? [])];
  const [actions, outcomes, campaigns] = await Promise.all([
    ids("Action").length
      ? client.action.findMany({ where: { AND: [{ id: { in: ids("Action") } }, actionScope(actor)] }, select: { id: true, title: true } })
      : [],
    ids("Outcome").length
      ? client.outcome.findMany({ where: { AND: [{ id: { in: ids("Outcome") } }, outcomeScope(actor)] }, select: { id: true, title: true } })
      : [],
    ids("Campaign").length
      ? client.campaign.findMany({ where: { id: { in: ids("Campaign") }, deletedAt: null }, select: { id: true, title: true } })
      : [],
  ]);
  return new Map<string, string>([...actions, ...outcomes, ...campaigns].map((r) => [r.id, r.title]));
}

const LIST_LIMIT = 30;
const UNREAD_SCAN = 500;

/** The signed-in person's latest notifications and their unread count, only about records they may see. */
export async function listNotifications({ actor }: { actor: Actor }): Promise<NotificationList> {
  const [latest, unreadRows] = await Promise.all([
    db.notification.findMany({
      where: { userId: actor.id, OR: [{ commentId: null }, { comment: { deletedAt: null } }] },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: LIST_LIMIT,
      select: { id: true, kind: true, recordType: true, recordId: true, createdAt: true, readAt: true, actor: { select: { name: true } } },
    }),
    db.notification.findMany({
      where: { userId: actor.id, readAt: null, OR: [{ commentId: null }, { comment: { deletedAt: null } }] },
      orderBy: { createdAt: "desc" },
      take: UNREAD_SCAN,
      select: { recordType: true, recordId: true },
    }),
  ]);
  const wanted = new Map<Commentable, Set<string>>();
  for (const n of [...latest, ...unreadRows]) {
    const t = n.recordType as Commentable;
    if (!wanted.has(t)) wanted.set(t, new Set());
    wanted.get(t)!.add(n.recordId);
  }
  const titles = await visibleTitles(db, actor, wanted);
  const items = latest
    .filter((n) => titles.has(n.recordId))
    .map((n) => ({
      id: n.id,
      kind: n.kind as NotificationKind,
      recordType: n.recordType as Commentable,
      recordId: n.recordId,
      recordTitle: titles.get(n.recordId)!,
      href: `${HREF[n.recordType as Commentable]}/${n.recordId}`,
      actorName: n.actor?.name ?? null,
      createdAt: n.createdAt.toISOString(),
      read: n.readAt != null,
    }));
  return { items, unread: unreadRows.filter((n) => titles.has(n.recordId)).length };
}
