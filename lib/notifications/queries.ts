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

export type VisibleRecord = { title: string; restricted: boolean };

/**
 * The records of each type that the actor may see, among those asked for: one query per type. A
 * notification about a record outside the reader's scope (it became restricted, or the reader left
 * it) is never shown, counted nor emailed.
 */
export async function visibleRecords(client: Tx | Db, actor: Actor, wanted: Map<Commentable, Set<string>>) {
  const ids = (t: Commentable) => [...(wanted.get(t) ?? [])];
  const select = { id: true, title: true, confidentiality: true } as const;
  const [actions, outcomes, campaigns] = await Promise.all([
    ids("Action").length ? client.action.findMany({ where: { AND: [{ id: { in: ids("Action") } }, actionScope(actor)] }, select }) : [],
    ids("Outcome").length ? client.outcome.findMany({ where: { AND: [{ id: { in: ids("Outcome") } }, outcomeScope(actor)] }, select }) : [],
    ids("Campaign").length
      ? client.campaign.findMany({ where: { id: { in: ids("Campaign") }, deletedAt: null }, select: { id: true, title: true } })
      : [],
  ]);
  return new Map<string, VisibleRecord>([
    ...[...actions, ...outcomes].map((r) => [r.id, { title: r.title, restricted: r.confidentiality === "RESTRICTED" }] as const),
    ...campaigns.map((r) => [r.id, { title: r.title, restricted: false }] as const),
  ]);
}

/** Groups record references by type, as visibleRecords asks for them. */
export function byRecordType(refs: readonly { recordType: string; recordId: string }[]) {
  const wanted = new Map<Commentable, Set<string>>();
  for (const n of refs) {
    const t = n.recordType as Commentable;
    if (!wanted.has(t)) wanted.set(t, new Set());
    wanted.get(t)!.add(n.recordId);
  }
  return wanted;
}

export const recordHref = (recordType: string, recordId: string) => `${HREF[recordType as Commentable]}/${recordId}`;

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
  const titles = await visibleRecords(db, actor, byRecordType([...latest, ...unreadRows]));
  const items = latest
    .filter((n) => titles.has(n.recordId))
    .map((n) => ({
      id: n.id,
      kind: n.kind as NotificationKind,
      recordType: n.recordType as Commentable,
      recordId: n.recordId,
      recordTitle: titles.get(n.recordId)!.title,
      href: recordHref(n.recordType, n.recordId),
      actorName: n.actor?.name ?? null,
      createdAt: n.createdAt.toISOString(),
      read: n.readAt != null,
    }));
  return { items, unread: unreadRows.filter((n) => titles.has(n.recordId)).length };
}
