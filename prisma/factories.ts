// Row factories for the seed, Vitest integration tests and Playwright e2e setup. Each call creates one
// row with unique defaults (random suffix), so tests never collide and never depend on order.
// Vocabulary fields take stable codes ("LETTER_APPEAL", "SENT"), relations take ids, dates take
// "YYYY-MM-DD". No imports from lib/: that code is "server-only" and throws outside Next.
import { randomUUID } from "node:crypto";
import { hash } from "@node-rs/argon2";
import type { PrismaClient } from "../generated/prisma/client";
import type { Confidentiality, DatePrecision, Priority, Role, Vocabulary } from "../generated/prisma/enums";
import { ensureVocabulary } from "./vocabulary";

/**
 * The delegates the factories use. `PrismaClient<never, any>` accepts any `omit` setting, so the app's
 * client (which omits User.passwordHash), a plain client and a `$transaction` client all fit.
 */
export type FactoryDb = Pick<
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- accept any `omit` configuration of the client
  PrismaClient<never, any>,
  "term" | "user" | "organization" | "campaign" | "action" | "outcome" | "actionOutcomeLink"
>;

export const DEMO_PASSWORD = "ombudsman-demo-2024";

// Same parameters as lib/passwords.ts (argon2id is the library's default algorithm).
const ARGON2_OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** A short random suffix for unique names and emails. */
const suffix = () => randomUUID().slice(0, 8);

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** "YYYY-MM-DD" to the Date Prisma stores in a `date` column (UTC midnight, as lib/dates.ts does). */
export function dbDate(iso: string): Date {
  if (!ISO_DATE.test(iso)) throw new Error(`Expected a YYYY-MM-DD date, got "${iso}"`);
  const d = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) throw new Error(`Invalid date "${iso}"`);
  return d;
}

const dbDateOrNull = (iso: string | null | undefined) => (iso ? dbDate(iso) : null);

const todayIso = () => new Date().toISOString().slice(0, 10);

// ---------------------------------------------------------------------------------------------------
// Vocabulary

// Concurrent callers on the same client share one ensureVocabulary run. Only the in-flight promise is
// kept: a test may wipe the database later, and the next miss must then seed the terms again.
const ensuring = new WeakMap<object, Promise<void>>();

function ensureVocabularyOnce(db: FactoryDb): Promise<void> {
  let running = ensuring.get(db);
  if (!running) {
    running = ensureVocabulary(db).finally(() => ensuring.delete(db));
    ensuring.set(db, running);
  }
  return running;
}

/**
 * The id of a term by its stable code. The lookup itself is the cheap check: on a miss (empty or
 * wiped database) the vocabulary is seeded once and the lookup retried. Retired terms are returned
 * too, so tests can build records that use them.
 */
export async function termId(db: FactoryDb, vocabulary: Vocabulary, code: string): Promise<string> {
  const find = () =>
    db.term.findUnique({ where: { vocabulary_code: { vocabulary, code } }, select: { id: true } });
  let term = await find();
  if (!term) {
    await ensureVocabularyOnce(db);
    term = await find();
  }
  if (!term) throw new Error(`Unknown ${vocabulary} term "${code}"`);
  return term.id;
}

// ---------------------------------------------------------------------------------------------------
// Users

export type UserOverrides = {
  email?: string;
  name?: string;
  role?: Role;
  /** Plain-text password; hashed with argon2id. */
  password?: string;
  active?: boolean;
  /** Interface language ("en" by default). */
  locale?: "en" | "uk";
  /** Demo accounts only: may sign in without a second factor even as ADMIN or AUDITOR. */
  mfaExempt?: boolean;
};

export type MadeUser = { id: string; email: string; name: string; role: Role; active: boolean; password: string };

// Hashing costs ~50 ms, so the default password is hashed once per process and the hash reused (its
// salt is then shared between factory users, which is fine for demo and test accounts).
let defaultPasswordHash: Promise<string> | undefined;

const passwordHashFor = (password: string) =>
  password === DEMO_PASSWORD
    ? (defaultPasswordHash ??= hash(DEMO_PASSWORD, ARGON2_OPTIONS))
    : hash(password, ARGON2_OPTIONS);

export async function makeUser(db: FactoryDb, overrides: UserOverrides = {}): Promise<MadeUser> {
  const s = suffix();
  const password = overrides.password ?? DEMO_PASSWORD;
  const user = await db.user.create({
    data: {
      email: (overrides.email ?? `user-${s}@example.org`).toLowerCase(),
      name: overrides.name ?? `Test User ${s}`,
      role: overrides.role ?? "STAFF",
      active: overrides.active ?? true,
      locale: overrides.locale ?? "en",
      mfaExempt: overrides.mfaExempt ?? false,
      passwordHash: await passwordHashFor(password),
    },
    // Explicit select: never hand the hash back, whatever `omit` the client was built with.
    select: { id: true, email: true, name: true, role: true, active: true },
  });
  return { ...user, password };
}

/** createdById when the caller gave none: a fresh staff user. */
const authorId = async (db: FactoryDb, createdById: string | undefined) =>
  createdById ?? (await makeUser(db)).id;

// ---------------------------------------------------------------------------------------------------
// Organizations and campaigns

export type OrganizationOverrides = {
  name?: string;
  nameUk?: string | null;
  acronym?: string | null;
  /** ORGANIZATION_KIND code. */
  kind?: string;
  parentId?: string | null;
  country?: string | null;
  website?: string | null;
  notes?: string | null;
};

export async function makeOrganization(db: FactoryDb, overrides: OrganizationOverrides = {}) {
  const s = suffix();
  return db.organization.create({
    data: {
      name: overrides.name ?? `Test Organization ${s}`,
      nameUk: overrides.nameUk ?? null,
      acronym: overrides.acronym ?? null,
      kindId: await termId(db, "ORGANIZATION_KIND", overrides.kind ?? "OTHER"),
      parentId: overrides.parentId ?? null,
      country: overrides.country ?? null,
      website: overrides.website ?? null,
      notes: overrides.notes ?? null,
    },
  });
}

export type CampaignOverrides = {
  title?: string;
  titleUk?: string | null;
  goal?: string | null;
  /** CAMPAIGN_STATUS code. */
  status?: string;
  priority?: Priority;
  ownerId?: string | null;
  targetOrgId?: string | null;
  parentId?: string | null;
  startDate?: string | null;
  endDate?: string | null;
};

export async function makeCampaign(db: FactoryDb, overrides: CampaignOverrides = {}) {
  const s = suffix();
  return db.campaign.create({
    data: {
      title: overrides.title ?? `Test Campaign ${s}`,
      titleUk: overrides.titleUk ?? null,
      goal: overrides.goal ?? null,
      statusId: await termId(db, "CAMPAIGN_STATUS", overrides.status ?? "ACTIVE"),
      priority: overrides.priority ?? "MEDIUM",
      ownerId: overrides.ownerId ?? null,
      targetOrgId: overrides.targetOrgId ?? null,
      parentId: overrides.parentId ?? null,
      startDate: dbDateOrNull(overrides.startDate),
      endDate: dbDateOrNull(overrides.endDate),
    },
  });
}

// ---------------------------------------------------------------------------------------------------
// Actions, outcomes and the links between them

export type ActionOverrides = {
  title?: string;
  /** ACTION_TYPE code. */
  type?: string;
  /** YYYY-MM-DD; today (UTC) by default. */
  date?: string;
  datePrecision?: DatePrecision;
  /** ACTION_STATUS code. */
  status?: string;
  referenceNumber?: string | null;
  summary?: string | null;
  responseSummary?: string | null;
  responseDate?: string | null;
  followUpDue?: string | null;
  confidentiality?: Confidentiality;
  /** "uk" or "en" (default): the language of the title and summary. */
  originalLanguage?: "uk" | "en";
  titleTranslation?: string | null;
  summaryTranslation?: string | null;
  needsTranslation?: boolean;
  /** A fresh staff user when omitted. */
  createdById?: string;
  organizationIds?: string[];
  campaignIds?: string[];
  participantIds?: string[];
};

export async function makeAction(db: FactoryDb, overrides: ActionOverrides = {}) {
  const s = suffix();
  const [typeId, statusId, createdById] = await Promise.all([
    termId(db, "ACTION_TYPE", overrides.type ?? "LETTER_APPEAL"),
    termId(db, "ACTION_STATUS", overrides.status ?? "DRAFT"),
    authorId(db, overrides.createdById),
  ]);
  return db.action.create({
    data: {
      title: overrides.title ?? `Test Action ${s}`,
      typeId,
      statusId,
      date: dbDate(overrides.date ?? todayIso()),
      datePrecision: overrides.datePrecision ?? "DAY",
      referenceNumber: overrides.referenceNumber ?? null,
      summary: overrides.summary ?? null,
      responseSummary: overrides.responseSummary ?? null,
      responseDate: dbDateOrNull(overrides.responseDate),
      followUpDue: dbDateOrNull(overrides.followUpDue),
      confidentiality: overrides.confidentiality ?? "INTERNAL",
      originalLanguage: overrides.originalLanguage ?? "en",
      titleTranslation: overrides.titleTranslation ?? null,
      summaryTranslation: overrides.summaryTranslation ?? null,
      needsTranslation: overrides.needsTranslation ?? false,
      createdById,
      organizations: { create: (overrides.organizationIds ?? []).map((organizationId) => ({ organizationId })) },
      campaigns: { create: (overrides.campaignIds ?? []).map((campaignId) => ({ campaignId })) },
      participants: { create: (overrides.participantIds ?? []).map((userId) => ({ userId })) },
    },
  });
}

export type OutcomeOverrides = {
  title?: string;
  /** OUTCOME_TYPE code. */
  type?: string;
  /** YYYY-MM-DD; today (UTC) by default. */
  date?: string;
  datePrecision?: DatePrecision;
  decidingBodyId?: string | null;
  subjectId?: string | null;
  statusBefore?: string | null;
  statusAfter?: string | null;
  sourceCitation?: string | null;
  sourceUrl?: string | null;
  /** VERIFICATION code. */
  verification?: string;
  summary?: string | null;
  confidentiality?: Confidentiality;
  /** "uk" or "en" (default): the language of the title and summary. */
  originalLanguage?: "uk" | "en";
  titleTranslation?: string | null;
  summaryTranslation?: string | null;
  needsTranslation?: boolean;
  /** A fresh staff user when omitted. */
  createdById?: string;
  campaignIds?: string[];
};

export async function makeOutcome(db: FactoryDb, overrides: OutcomeOverrides = {}) {
  const s = suffix();
  const [typeId, verificationId, createdById] = await Promise.all([
    termId(db, "OUTCOME_TYPE", overrides.type ?? "RESOLUTION_ADOPTED"),
    termId(db, "VERIFICATION", overrides.verification ?? "REPORTED"),
    authorId(db, overrides.createdById),
  ]);
  return db.outcome.create({
    data: {
      title: overrides.title ?? `Test Outcome ${s}`,
      typeId,
      verificationId,
      date: dbDate(overrides.date ?? todayIso()),
      datePrecision: overrides.datePrecision ?? "DAY",
      decidingBodyId: overrides.decidingBodyId ?? null,
      subjectId: overrides.subjectId ?? null,
      statusBefore: overrides.statusBefore ?? null,
      statusAfter: overrides.statusAfter ?? null,
      sourceCitation: overrides.sourceCitation ?? null,
      sourceUrl: overrides.sourceUrl ?? null,
      summary: overrides.summary ?? null,
      confidentiality: overrides.confidentiality ?? "INTERNAL",
      originalLanguage: overrides.originalLanguage ?? "en",
      titleTranslation: overrides.titleTranslation ?? null,
      summaryTranslation: overrides.summaryTranslation ?? null,
      needsTranslation: overrides.needsTranslation ?? false,
      createdById,
      campaigns: { create: (overrides.campaignIds ?? []).map((campaignId) => ({ campaignId })) },
    },
  });
}

export type LinkInput = {
  actionId: string;
  outcomeId: string;
  /** CONTRIBUTION code; CONTRIBUTORY by default. */
  contribution?: string;
  evidenceNote?: string | null;
  createdById: string;
};

export async function makeLink(db: FactoryDb, input: LinkInput) {
  return db.actionOutcomeLink.create({
    data: {
      actionId: input.actionId,
      outcomeId: input.outcomeId,
      contributionId: await termId(db, "CONTRIBUTION", input.contribution ?? "CONTRIBUTORY"),
      evidenceNote: input.evidenceNote ?? null,
      createdById: input.createdById,
    },
  });
}
