import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { getAction } from "@/lib/actions/queries";
import { visibleAttachmentIds } from "@/lib/attachments/attachments";
import { getCampaign } from "@/lib/campaigns/queries";
import { toDbDate } from "@/lib/dates";
import { db } from "@/lib/db";
import { clampBatchSize } from "@/lib/exports/keyset";
import { toPage, type Page } from "@/lib/list-params";
import { getOrganization } from "@/lib/organizations/queries";
import { getOutcome } from "@/lib/outcomes/queries";
import { assertCan, type Actor } from "@/lib/permissions";
import { decodeMentions, mentionedIds } from "@/lib/comments/schemas";
import type { RoleName } from "@/lib/permissions-roles";
import { asSnapshot, collectRefs, emptyWanted, fieldChanges, type Resolver, type Snapshot } from "./fields";
import { resolveRefs } from "./resolve";
import {
  recordHref,
  SYSTEM_ACTOR,
  ZAuditListParams,
  ZHistoryEntity,
  type AuditEventRow,
  type AuditFilterOptions,
  type HistoryEntity,
  type HistoryEntry,
  type HistoryEntryKind,
  type RecordHistory,
  type TAuditListParams,
} from "./schemas";

const DAY_MS = 86_400_000;

/** The one where-builder of /audit: the list, its count and its export. */
export function buildAuditWhere(p: TAuditListParams): Prisma.AuditEventWhereInput {
  const and: Prisma.AuditEventWhereInput[] = [];
  if (p.actor) and.push({ actorId: p.actor === SYSTEM_ACTOR ? null : p.actor });
  if (p.event) and.push({ event: p.event });
  if (p.entity) and.push({ entity: p.entity });
  // Calendar days in UTC, both ends inclusive (the table shows UTC times).
  if (p.from) and.push({ at: { gte: toDbDate(p.from) } });
  if (p.to) and.push({ at: { lt: new Date(toDbDate(p.to).getTime() + DAY_MS) } });
  if (p.q) {
    // A record id, or its beginning; "#123" (or "123") is also the event's own number.
    const or: Prisma.AuditEventWhereInput[] = [{ entityId: { startsWith: p.q } }];
    const number = /^#?(\d{1,18})$/.exec(p.q);
    if (number) or.push({ id: BigInt(number[1]) });
    and.push({ OR: or });
  }
  return { AND: and };
}

function orderBy(p: TAuditListParams): Prisma.AuditEventOrderByWithRelationInput[] {
  const dir = p.dir;
  if (p.sort === "event") return [{ event: dir }, { id: dir }];
  if (p.sort === "entity") return [{ entity: dir }, { id: dir }];
  return [{ at: dir }, { id: dir }];
}

const eventSelect = {
  id: true,
  at: true,
  actorRole: true,
  event: true,
  entity: true,
  entityId: true,
  before: true,
  after: true,
  ip: true,
  userAgent: true,
  hash: true,
  actor: { select: { id: true, name: true } },
} as const satisfies Prisma.AuditEventSelect;

type EventRow = Prisma.AuditEventGetPayload<{ select: typeof eventSelect }>;

async function toRows(actor: Actor, rows: EventRow[]): Promise<AuditEventRow[]> {
  const wanted = emptyWanted();
  for (const r of rows) collectRefs(wanted, r.entity, asSnapshot(r.before), asSnapshot(r.after));
  const resolve = await resolveRefs(actor, wanted);
  return rows.map((r) => ({
    id: r.id.toString(),
    at: r.at.toISOString(),
    actor: r.actor,
    actorRole: r.actorRole as RoleName | null,
    event: r.event,
    entity: r.entity,
    entityId: r.entityId,
    href: recordHref(r.entity, r.entityId),
    shape: r.before != null && r.after != null ? "update" : r.before != null ? "delete" : "create",
    changes: fieldChanges(r.entity, asSnapshot(r.before), asSnapshot(r.after), resolve),
    ip: r.ip,
    userAgent: r.userAgent,
    hash: r.hash,
  }));
}

/** One page of the audit trail, filtered and sorted as /audit's URL says. Auditors and administrators. */
export async function findAuditEvents({ actor, params }: { actor: Actor; params: unknown }): Promise<Page<AuditEventRow>> {
  assertCan(actor, "audit.read");
  const p = ZAuditListParams.parse(params ?? {});
  const where = buildAuditWhere(p);
  const [total, rows] = await Promise.all([
    db.auditEvent.count({ where }),
    db.auditEvent.findMany({ where, orderBy: orderBy(p), skip: (p.page - 1) * p.size, take: p.size, select: eventSelect }),
  ]);
  return toPage(await toRows(actor, rows), total, p.page, p.size);
}

/**
 * Every event of the filtered trail (all pages) in batches, in the list's order, for exports.
 * Offset-free: each batch starts after the last row of the previous one (sort value, then id).
 */
export async function* iterateAuditEvents({
  actor,
  params,
  batchSize,
}: {
  actor: Actor;
  params: unknown;
  batchSize?: number;
}): AsyncGenerator<AuditEventRow[], void, undefined> {
  assertCan(actor, "audit.read");
  const p = ZAuditListParams.parse(params ?? {});
  const where = buildAuditWhere(p);
  const take = clampBatchSize(batchSize);
  const cmp = p.dir === "asc" ? "gt" : "lt";
  let last: EventRow | null = null;
  for (;;) {
    let after: Prisma.AuditEventWhereInput | null = null;
    if (last) {
      const idAfter = { id: { [cmp]: last.id } };
      if (p.sort === "event") after = { OR: [{ event: { [cmp]: last.event } }, { event: last.event, ...idAfter }] };
      else if (p.sort === "entity") after = { OR: [{ entity: { [cmp]: last.entity } }, { entity: last.entity, ...idAfter }] };
      else after = { OR: [{ at: { [cmp]: last.at } }, { at: last.at, ...idAfter }] };
    }
    const rows: EventRow[] = await db.auditEvent.findMany({
      where: after ? { AND: [where, after] } : where,
      orderBy: orderBy(p),
      take,
      select: eventSelect,
    });
    if (rows.length) yield await toRows(actor, rows);
    if (rows.length < take) return;
    last = rows[rows.length - 1];
  }
}

/** Actors, events and entities to filter /audit by. Distinct values come from the indexes. */
export async function listAuditFilterOptions({ actor }: { actor: Actor }): Promise<AuditFilterOptions> {
  assertCan(actor, "audit.read");
  // A "loose index scan": one index probe per distinct value instead of reading the whole table.
  const distinct = (column: "event" | "entity") =>
    db.$queryRawUnsafe<{ v: string }[]>(
      `WITH RECURSIVE t(v) AS (
         SELECT min("${column}") FROM "AuditEvent"
         UNION ALL
         SELECT (SELECT min("${column}") FROM "AuditEvent" WHERE "${column}" > t.v) FROM t WHERE t.v IS NOT NULL
       ) SELECT v FROM t WHERE v IS NOT NULL`,
    );
  const [events, entities, users] = await Promise.all([
    distinct("event"),
    distinct("entity"),
    db.user.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, email: true } }),
  ]);
  return {
    actors: users.map((u) => ({ value: u.id, label: `${u.name} (${u.email})` })),
    events: events.map((r) => r.v),
    entities: entities.map((r) => r.v),
  };
}

// ---------------------------------------------------------------------------------------------------
// History of one record

const HISTORY_LIMIT = 300;

const LINK = "ActionOutcomeLink";
const COMMENT = "Comment";
const COMMENT_KINDS: Record<string, HistoryEntryKind> = {
  "comment.created": "commented",
  "comment.updated": "comment-edited",
  "comment.deleted": "comment-deleted",
};
const ATTACHMENT = "Attachment";

const kindOf = (event: string, isLink: boolean): HistoryEntryKind => {
  const verb = event.slice(event.lastIndexOf(".") + 1);
  if (isLink)
    return verb === "created" ? "linked" : verb === "deleted" ? "unlinked" : verb === "updated" ? "link-updated" : "other";
  return verb === "created" || verb === "updated" || verb === "deleted" ? verb : "other";
};

/** The record itself must be visible to the reader: the same rule (and NOT_FOUND) as its page. */
async function assertVisible(actor: Actor, entity: HistoryEntity, id: string) {
  if (entity === "Action") await getAction({ actor, id });
  else if (entity === "Outcome") await getOutcome({ actor, id });
  else if (entity === "Campaign") await getCampaign({ actor, id });
  else await getOrganization({ actor, id });
}

/**
 * A record's History, newest first: its own events and, for an action or outcome, the events of
 * its links (made, changed, removed), each with the fields that changed and who changed them.
 * Whoever may open the record may read its history; a link to a record the reader may not see
 * shows neither that record's title nor anything else about the link.
 */
/**
 * The link or comment events whose snapshot (after, or before for a deletion) holds `fields`, e.g.
 * {"actionId": "…"}: a containment test answered by the GIN indexes of migration
 * 20261204000100_history_lookups (the entity is written out so that their partial predicate applies).
 */
async function eventsNaming(
  kind: typeof LINK | typeof COMMENT,
  fields: Record<string, string>,
): Promise<{ entityId: string | null; before: unknown; after: unknown }[]> {
  const probe = JSON.stringify(fields);
  return kind === LINK
    ? db.$queryRaw`SELECT "entityId", "before", "after" FROM "AuditEvent"
        WHERE "entity" = 'ActionOutcomeLink' AND ("after" @> ${probe}::jsonb OR "before" @> ${probe}::jsonb)`
    : db.$queryRaw`SELECT "entityId", "before", "after" FROM "AuditEvent"
        WHERE "entity" = 'Comment' AND ("after" @> ${probe}::jsonb OR "before" @> ${probe}::jsonb)`;
}

export async function getRecordHistory({
  actor,
  entity: rawEntity,
  entityId,
}: {
  actor: Actor;
  entity: string;
  entityId: string;
}): Promise<RecordHistory> {
  const entity = ZHistoryEntity.parse(rawEntity);
  await assertVisible(actor, entity, entityId);

  // Links are found through their snapshots: link.created holds both ends in `after`, link.deleted in
  // `before`; link.updated holds only what changed, so it is found by the link's id.
  const side = entity === "Action" ? "actionId" : entity === "Outcome" ? "outcomeId" : null;
  const otherSide = side === "actionId" ? "outcomeId" : "actionId";
  const linkEnds = new Map<string, Snapshot>();
  if (side) {
    for (const e of await eventsNaming(LINK, { [side]: entityId })) {
      const snap = asSnapshot(e.after) ?? asSnapshot(e.before);
      if (e.entityId && snap) linkEnds.set(e.entityId, snap);
    }
  }

  // Comments on the record (issue 8): every comment snapshot names its record, before and after.
  const commentIds =
    entity === "Organization"
      ? []
      : [...new Set((await eventsNaming(COMMENT, { recordType: entity, recordId: entityId })).flatMap((e) => (e.entityId ? [e.entityId] : [])))];
  // Evidence files (issue 8): uploads, versions, downloads and deletions of the record's files that
  // the reader may see (a restricted file's name stays hidden from those outside its audience).
  const attachmentIds = side
    ? await visibleAttachmentIds({ actor, recordType: entity === "Action" ? "action" : "outcome", recordId: entityId })
    : [];
  const or: Prisma.AuditEventWhereInput[] = [{ entity, entityId }];
  if (linkEnds.size) or.push({ entity: LINK, entityId: { in: [...linkEnds.keys()] } });
  if (commentIds.length) or.push({ entity: COMMENT, entityId: { in: commentIds } });
  if (attachmentIds.length) or.push({ entity: ATTACHMENT, entityId: { in: attachmentIds } });
  const where: Prisma.AuditEventWhereInput = or.length > 1 ? { OR: or } : { entity, entityId };
  const rows = await db.auditEvent.findMany({
    where,
    orderBy: { id: "desc" },
    take: HISTORY_LIMIT + 1,
    select: eventSelect,
  });
  const truncated = rows.length > HISTORY_LIMIT;
  const shown = rows.slice(0, HISTORY_LIMIT);

  const wanted = emptyWanted();
  for (const r of shown) {
    collectRefs(wanted, r.entity, asSnapshot(r.before), asSnapshot(r.after));
    if (r.entity === LINK && r.entityId) collectRefs(wanted, LINK, linkEnds.get(r.entityId) ?? null);
  }
  const resolve: Resolver = await resolveRefs(actor, wanted);
  const names = await mentionNames(shown.filter((r) => r.entity === COMMENT));

  const entries: HistoryEntry[] = shown.map((r) => {
    if (r.entity === COMMENT) {
      const text = (snap: Snapshot | null) =>
        snap && typeof snap.body === "string" ? { body: decodeMentions(snap.body, names) } : null;
      return {
        id: r.id.toString(),
        at: r.at.toISOString(),
        actor: r.actor,
        actorRole: r.actorRole as RoleName | null,
        event: r.event,
        kind: COMMENT_KINDS[r.event] ?? "other",
        changes: fieldChanges(COMMENT, text(asSnapshot(r.before)), text(asSnapshot(r.after)), resolve),
      };
    }
    const isLink = r.entity === LINK;
    const base = {
      id: r.id.toString(),
      at: r.at.toISOString(),
      actor: r.actor,
      actorRole: r.actorRole as RoleName | null,
      event: r.event,
      kind: kindOf(r.event, isLink),
    };
    if (r.entity === ATTACHMENT) {
      const snap = asSnapshot(r.after) ?? asSnapshot(r.before);
      return { ...base, kind: "other" as const, file: { name: String(snap?.fileName ?? ""), version: Number(snap?.version ?? 1) }, changes: [] };
    }
    if (!isLink) return { ...base, changes: fieldChanges(r.entity, asSnapshot(r.before), asSnapshot(r.after), resolve) };
    const ends = (r.entityId && linkEnds.get(r.entityId)) || null;
    const otherId = ends?.[otherSide];
    const other =
      typeof otherId === "string"
        ? resolve.record(otherSide === "actionId" ? "Action" : "Outcome", otherId)
        : ({ type: "hidden" } as const);
    // Nothing about a link to a record the reader may not see: its note could describe that record.
    const changes =
      other.type === "hidden"
        ? []
        : fieldChanges(LINK, asSnapshot(r.before), asSnapshot(r.after), resolve, ["actionId", "outcomeId"]);
    return { ...base, other, changes };
  });

  return { entity, entityId, entries, truncated };
}

/** The names of everyone mentioned in these comment events (the text shows "@Name", not an id). */
async function mentionNames(rows: { before: unknown; after: unknown }[]): Promise<Map<string, string>> {
  const ids = new Set<string>();
  for (const r of rows)
    for (const snap of [asSnapshot(r.before), asSnapshot(r.after)])
      if (snap && typeof snap.body === "string") for (const id of mentionedIds(snap.body)) ids.add(id);
  if (!ids.size) return new Map();
  const users = await db.user.findMany({ where: { id: { in: [...ids] } }, select: { id: true, name: true } });
  return new Map(users.map((u) => [u.id, u.name]));
}
