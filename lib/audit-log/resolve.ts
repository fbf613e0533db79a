import "server-only";
import { db } from "@/lib/db";
import { actionScope, outcomeScope, type Actor } from "@/lib/permissions";
import { listTerms } from "@/lib/vocabularies/queries";
import type { Vocabulary } from "@/lib/vocabularies/vocabularies";
import type { RefEntity, Resolver, Wanted } from "./fields";
import { recordHref, type AuditRef } from "./schemas";

type Found = { label: string; deleted: boolean };

const orgLabel = (o: { name: string; acronym: string | null }) => (o.acronym ? `${o.acronym} – ${o.name}` : o.name);

/**
 * Looks up, in one query per kind, every code and id that a page of audit events mentions. Actions
 * and outcomes are looked up within the reader's scope (deleted ones included, so that history
 * still names them): one the reader may not see resolves to "hidden", never to its title.
 */
export async function resolveRefs(actor: Actor, wanted: Wanted): Promise<Resolver> {
  const ids = (entity: RefEntity) => [...(wanted.ids.get(entity) ?? [])];
  const [terms, actions, outcomes, campaigns, organizations, users] = await Promise.all([
    Promise.all([...wanted.terms.keys()].map(async (vocabulary) => [vocabulary, await listTerms(vocabulary, true)] as const)),
    ids("Action").length
      ? db.action.findMany({
          // the scope without its "not deleted" condition: a deleted action is still named in history
          where: { AND: [{ id: { in: ids("Action") } }, { ...actionScope(actor), deletedAt: undefined }] },
          select: { id: true, title: true, deletedAt: true },
        })
      : [],
    ids("Outcome").length
      ? db.outcome.findMany({
          where: { AND: [{ id: { in: ids("Outcome") } }, { ...outcomeScope(actor), deletedAt: undefined }] },
          select: { id: true, title: true, deletedAt: true },
        })
      : [],
    ids("Campaign").length
      ? db.campaign.findMany({ where: { id: { in: ids("Campaign") } }, select: { id: true, title: true, deletedAt: true } })
      : [],
    ids("Organization").length
      ? db.organization.findMany({
          where: { id: { in: ids("Organization") } },
          select: { id: true, name: true, acronym: true, deletedAt: true },
        })
      : [],
    ids("User").length ? db.user.findMany({ where: { id: { in: ids("User") } }, select: { id: true, name: true } }) : [],
  ]);

  const termMap = new Map<Vocabulary, Map<string, { code: string; labelEn: string; labelUk: string }>>(
    terms.map(([vocabulary, list]) => [
      vocabulary,
      new Map(list.map((t) => [t.code, { code: t.code, labelEn: t.labelEn, labelUk: t.labelUk }])),
    ]),
  );
  const found = new Map<RefEntity, Map<string, Found>>([
    ["Action", new Map(actions.map((a) => [a.id, { label: a.title, deleted: !!a.deletedAt }]))],
    ["Outcome", new Map(outcomes.map((o) => [o.id, { label: o.title, deleted: !!o.deletedAt }]))],
    ["Campaign", new Map(campaigns.map((c) => [c.id, { label: c.title, deleted: !!c.deletedAt }]))],
    ["Organization", new Map(organizations.map((o) => [o.id, { label: orgLabel(o), deleted: !!o.deletedAt }]))],
    ["User", new Map(users.map((u) => [u.id, { label: u.name, deleted: false }]))],
  ]);

  return {
    term: (vocabulary, code) => {
      const t = termMap.get(vocabulary)?.get(code);
      return t ? { type: "term", ...t } : { type: "unknown", value: code };
    },
    record: (entity, id): AuditRef => {
      const f = found.get(entity)?.get(id);
      // Actions and outcomes are never removed from the database: one that was not found is out of scope.
      if (!f) return entity === "Action" || entity === "Outcome" ? { type: "hidden" } : { type: "unknown", value: id };
      return {
        type: "record",
        entity,
        id,
        label: f.label,
        href: f.deleted ? null : recordHref(entity, id),
        ...(f.deleted ? { deleted: true } : {}),
      };
    },
  };
}
