// The one place that says who may do what. Domain functions in lib/<area>/ call assertCan and the
// scope builders; pages call can() only to hide controls they would refuse anyway.
import { Prisma } from "@/generated/prisma/client";
import type { Role } from "@/generated/prisma/enums";
import { forbidden } from "./errors";

export type { Role };

/** The signed-in person, as every domain function receives it. */
export type Actor = {
  id: string;
  email: string;
  name: string;
  role: Role;
  ip?: string | null;
  userAgent?: string | null;
};

import { ROLES } from "./permissions-roles";
export { ROLES };

const ALL = ROLES;

export const ROLE_PERMISSIONS = {
  // Work records: actions, outcomes and the links between them.
  "record.read": ALL,
  "record.create": ["STAFF", "MANAGER"],
  "record.edit.own": ["STAFF", "MANAGER"], // records one created or takes part in
  "record.edit.any": ["MANAGER"],
  // Restricted records of others (participants always see their own).
  "restricted.read": ["MANAGER", "AUDITOR"],
  // Reference data: organizations, campaigns, vocabularies.
  "reference.read": ALL,
  "reference.write": ["MANAGER"],
  // Exports of lists and dossiers (data leaving the system: not for every role).
  "export.run": ["MANAGER", "AUDITOR"],
  // The audit trail as a whole (a record's own history follows the record's visibility). Not ADMIN:
  // the trail quotes restricted records, which administrators may not read.
  "audit.read": ["AUDITOR"],
  // People.
  "user.list": ["STAFF", "MANAGER", "AUDITOR", "ADMIN"], // to pick participants and owners
  "user.manage": ["ADMIN"],
  // Comments (issue 8): on any record one may see; authors edit and delete their own, managers
  // delete anyone's. Reading follows the record's visibility (recordVisibilityWhere below).
  "comment.write": ["STAFF", "MANAGER"],
  "comment.delete.any": ["MANAGER"],
  // Import of past logs (issue 8): bulk creation of records and reference data, like reference.write.
  "import.run": ["MANAGER"],
  // Background jobs (issue 8): their last runs and errors, and running one now. Operations, no records.
  "jobs.manage": ["ADMIN"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof ROLE_PERMISSIONS;
export const PERMISSIONS = Object.keys(ROLE_PERMISSIONS) as Permission[];

export const can = (actor: Pick<Actor, "role"> | null | undefined, permission: Permission): boolean =>
  !!actor && (ROLE_PERMISSIONS[permission] as readonly Role[]).includes(actor.role);

export function assertCan(actor: Actor, permission: Permission): void {
  if (!can(actor, permission)) throw forbidden(actor, permission);
}

/** What a record needs to say about itself for the edit rule. */
export type Ownable = { createdById: string; participantIds?: readonly string[] };

export const canEditRecord = (actor: Pick<Actor, "id" | "role">, record: Ownable): boolean =>
  can(actor, "record.edit.any") ||
  (can(actor, "record.edit.own") && (record.createdById === actor.id || (record.participantIds ?? []).includes(actor.id)));

export function assertCanEditRecord(actor: Actor, record: Ownable, target?: { entity: string; id: string }): void {
  if (!canEditRecord(actor, record)) throw forbidden(actor, "record.edit", target);
}

// Scopes: the rows an actor may know exist. A restricted record outside one's scope is not
// "forbidden" but absent, in every list, count, search and detail page (it answers 404).

export const actionScope = (actor: Actor): Prisma.ActionWhereInput =>
  can(actor, "restricted.read")
    ? { deletedAt: null }
    : {
        deletedAt: null,
        OR: [
          { confidentiality: { not: "RESTRICTED" } },
          { createdById: actor.id },
          { participants: { some: { userId: actor.id } } },
        ],
      };

/**
 * The restricted actions a reader without "restricted.read" may see: their own (author or
 * participant). The same rows as actionScope narrowed to restricted ones, asked through the index
 * of each action's people (migration 20261204040000_action_people) instead of an OR no index answers.
 */
export const ownRestrictedActions = (actor: Pick<Actor, "id">): Prisma.ActionWhereInput => ({
  deletedAt: null,
  confidentiality: "RESTRICTED",
  people: { has: actor.id },
});

/** An outcome's participants are its author and the authors and participants of the actions linked to it. */
export const outcomeScope = (actor: Actor): Prisma.OutcomeWhereInput =>
  can(actor, "restricted.read")
    ? { deletedAt: null }
    : {
        deletedAt: null,
        OR: [
          { confidentiality: { not: "RESTRICTED" } },
          { createdById: actor.id },
          {
            links: {
              some: {
                action: { deletedAt: null, OR: [{ createdById: actor.id }, { participants: { some: { userId: actor.id } } }] },
              },
            },
          },
        ],
      };

// The same two rules as SQL conditions on a row named `alias`, for the plain queries that bypass
// Prisma where a long id list would cost it more than the database (lib/links/counts.ts). They
// must say exactly what actionScope and outcomeScope say: lib/permissions-sql.test.ts compares the
// rows each lets through, for every role, on records of every confidentiality, deleted ones too.
const sqlAlias = (alias: string) => {
  if (!/^[a-z][a-z0-9_]*$/.test(alias)) throw new Error(`Not an SQL alias: ${alias}`);
  return Prisma.raw(`"${alias}"`);
};

/** actionScope as a condition on the Action row `alias`. */
export function actionScopeSql(actor: Actor, alias: string): Prisma.Sql {
  const a = sqlAlias(alias);
  if (can(actor, "restricted.read")) return Prisma.sql`${a}."deletedAt" IS NULL`;
  return Prisma.sql`${a}."deletedAt" IS NULL AND (${a}."confidentiality" <> 'RESTRICTED' OR ${a}."createdById" = ${actor.id}
    OR EXISTS (SELECT 1 FROM "ActionParticipant" ap WHERE ap."actionId" = ${a}."id" AND ap."userId" = ${actor.id}))`;
}

/** outcomeScope as a condition on the Outcome row `alias`. */
export function outcomeScopeSql(actor: Actor, alias: string): Prisma.Sql {
  const o = sqlAlias(alias);
  if (can(actor, "restricted.read")) return Prisma.sql`${o}."deletedAt" IS NULL`;
  return Prisma.sql`${o}."deletedAt" IS NULL AND (${o}."confidentiality" <> 'RESTRICTED' OR ${o}."createdById" = ${actor.id}
    OR EXISTS (SELECT 1 FROM "ActionOutcomeLink" sl JOIN "Action" sa ON sa."id" = sl."actionId"
                WHERE sl."outcomeId" = ${o}."id" AND sa."deletedAt" IS NULL
                  AND (sa."createdById" = ${actor.id}
                       OR EXISTS (SELECT 1 FROM "ActionParticipant" sp WHERE sp."actionId" = sa."id" AND sp."userId" = ${actor.id}))))`;
}

export const linkScope = (actor: Actor): Prisma.ActionOutcomeLinkWhereInput => ({
  action: actionScope(actor),
  outcome: outcomeScope(actor),
});

// Comments and notifications (issue 8): the records a comment or a notification may be about.
export const COMMENTABLE = ["Action", "Outcome", "Campaign"] as const;
export type Commentable = (typeof COMMENTABLE)[number];

/** Whether a record exists (not deleted) and lies in the actor's scope: the rule for its comments too. */
export async function isRecordVisible(
  tx: import("./db").Tx | import("./db").Db,
  actor: Actor,
  type: Commentable,
  id: string,
): Promise<boolean> {
  if (!can(actor, "record.read")) return false;
  if (type === "Action") return (await tx.action.count({ where: { AND: [{ id }, actionScope(actor)] } })) > 0;
  if (type === "Outcome") return (await tx.outcome.count({ where: { AND: [{ id }, outcomeScope(actor)] } })) > 0;
  return can(actor, "reference.read") && (await tx.campaign.count({ where: { id, deletedAt: null } })) > 0;
}

// ─── Evidence files (issue 8) ────────────────────────────────────────────────────────────────────
// An attachment is visible only to those who can see its record (the record's scope above, checked
// first) AND whom its own level allows: a restricted file only to its uploader, the record's
// participants (author; an action's office participants), managers and auditors. It can narrow
// the record's audience, never widen it. Uploading, new versions and deletion follow the record's
// edit rule (canEditRecord).
export const attachmentScope = (
  actor: Actor,
  record: { createdById: string; participantIds?: readonly string[] },
): Prisma.AttachmentWhereInput =>
  can(actor, "restricted.read") || record.createdById === actor.id || (record.participantIds ?? []).includes(actor.id)
    ? { deletedAt: null }
    : { deletedAt: null, OR: [{ confidentiality: { not: "RESTRICTED" } }, { uploadedById: actor.id }] };
