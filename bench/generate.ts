// A deterministic volume generator for benchmarks: loads N actions, M outcomes and the rows around
// them (organizations, campaigns, users, counterparts, participants, links) into a migrated database,
// fast (INSERT … SELECT FROM generate_series, one statement per table), with a realistic skew: a few
// bodies, campaigns and people carry most of the work, more work in recent years, Ukrainian and Latin
// titles, every confidentiality level, some dates known only to the month or year.
//
// Deterministic: every value is a hash of (row number, seed) — hashint8extended, no random() — so the
// same --seed, sizes and --until give the same data on any PostgreSQL ≥ 11. Appends to what is there
// (ids are prefixed with the seed), so run it on an empty database when you want exact sizes.
//
//   npx tsx bench/generate.ts --url postgresql://postgres@127.0.0.1:5432/advocacy_bench --actions 1000000
//   import { generateVolume } from "./generate";  await generateVolume({ url, actions: 1_000_000 });
import { hash } from "@node-rs/argon2";
import pg from "pg";
import { VOCABULARY_TERMS } from "../prisma/vocabulary";

export type VolumeOptions = {
  url: string;
  actions?: number;
  outcomes?: number;
  /** Changes every generated value; also part of every id. */
  seed?: number;
  /** The last day of the generated period ("YYYY-MM-DD"); the first is `years` before it. */
  until?: string;
  years?: number;
  users?: number;
  organizations?: number;
  campaigns?: number;
  /** Links per outcome on average (0–3 each). */
  linksPerOutcome?: number;
  /**
   * Audit events to append (default 3,000,000). They are linked (each prevHash is the hash before
   * it) but their hashes are NOT the real sha256 of their rows: volume for the indexes and for the
   * chain head, not a chain that `npm run audit:verify` accepts. Events the app writes afterwards
   * chain onto them correctly, so a check from the first new event on is meaningful.
   */
  auditEvents?: number;
  log?: (line: string) => void;
};

export type VolumeSummary = {
  prefix: string;
  actions: number;
  outcomes: number;
  organizations: number;
  campaigns: number;
  users: number;
  actionOrganizations: number;
  actionCampaigns: number;
  participants: number;
  links: number;
  auditEvents: number;
  seconds: number;
};

export const DEFAULTS = {
  actions: 1_000_000,
  outcomes: 100_000,
  seed: 42,
  until: "2026-12-31",
  years: 12,
  users: 60,
  organizations: 400,
  campaigns: 40,
  linksPerOutcome: 1.5,
  auditEvents: 3_000_000,
} as const;

/** Demo password of every generated user (bench databases only), so one can sign in and look. */
const BENCH_PASSWORD = "ombudsman-demo-2024";

// Action types with their share of the work (the office meets and writes far more than it submits).
const ACTION_MIX: [code: string, weight: number][] = [
  ["DIPLOMATIC_MEETING", 30],
  ["FOREIGN_VISIT", 7],
  ["LETTER_APPEAL", 17],
  ["SPEECH_STATEMENT", 7],
  ["PUBLIC_STATEMENT_MEDIA", 8],
  ["ICRC_REQUEST", 5],
  ["SPECIAL_PROCEDURES_REQUEST", 4],
  ["JOINT_STATEMENT", 4],
  ["FOLLOW_UP_REMINDER", 4.5],
  ["TREATY_BODY_REPORT", 3],
  ["CPT_SPT_REQUEST", 2],
  ["NETWORK_MOTION_VOTE", 2],
  ["EVIDENCE_PACKAGE", 2],
  ["UPR_STAKEHOLDER_REPORT", 1],
  ["SCA_THIRD_PARTY_SUBMISSION", 1],
  ["ACCREDITATION_SUBMISSION", 0.5],
];

// Outcome types, with the status change each records (null: none).
const OUTCOME_MIX: [code: string, weight: number, before: string | null, after: string | null][] = [
  ["RESOLUTION_ADOPTED", 20, null, null],
  ["NO_RESPONSE", 12, null, null],
  ["UN_CITED_IN_REPORT", 10, null, null],
  ["UN_COMMUNICATION_SENT", 8, null, null],
  ["UN_STATE_REPLIED", 6, null, null],
  ["ICRC_INFORMATION_PROVIDED", 8, null, null],
  ["ICRC_VISIT_DENIED", 5, null, null],
  ["ICRC_EXCHANGE_REPATRIATION", 6, null, null],
  ["CPT_PUBLIC_STATEMENT", 2, null, null],
  ["ELECTED_TO_BOARD", 2, "not a board member", "board member"],
  ["MEMBERSHIP_SUSPENDED", 3, "member", "suspended"],
  ["MEMBERSHIP_EXCLUDED", 2, "member", "excluded"],
  ["ACCREDITATION_DOWNGRADED", 3, "A", "B"],
  ["ACCREDITATION_REMOVED", 2, "A", "none"],
  ["SCA_SPECIAL_REVIEW_OPENED", 4, null, null],
  ["TREATY_WITHDRAWAL_SIGNED", 1, "party", "withdrawal pending"],
  ["UN_FOLLOW_UP_GRADED", 6, "B", "C"],
];

const ACTION_TITLES = [
  "Звернення щодо військовополонених, утримуваних у місцях несвободи РФ",
  "Зустріч з омбудсманом щодо обміну військовополоненими",
  "Лист до МКЧХ щодо доступу до військовополонених",
  "Letter to the Ombudsman on access to prisoners of war",
  "Meeting with the ombudsman institution on detained civilians",
  "Third-party information on the independence of a national human rights institution",
  "Statement to the General Assembly of the network",
  "Візит делегації Уповноваженого до Женеви",
  "Follow-up to the appeal on deported children",
  "Подання до Підкомітету з акредитації ГАНРІ",
  "Urgent appeal to the Special Rapporteur on torture",
  "Briefing for the diplomatic corps on prisoners of war",
];
const SUMMARIES = [
  "Повідомлення про порушення прав військовополонених; додано свідчення родин.",
  "The ombudsman raised the detention conditions of Ukrainian civilians and asked for a monitoring visit.",
  "Обговорено механізм обміну та репатріації тіл загиблих.",
  "Evidence of the institution's public support for the aggression, with sources.",
];
const OUTCOME_TITLES = [
  "Рішення мережі щодо членства інституції омбудсмана",
  "Network decides on the membership of an ombudsman institution",
  "UN body cites the office's information on prisoners of war",
  "МКЧХ надав інформацію про військовополонених",
  "Accreditation decision of the Sub-Committee",
];
const HEAVY_BODIES: [name: string, acronym: string | null, kind: string][] = [
  ["International Committee of the Red Cross", "ICRC", "HUMANITARIAN"],
  ["Office of the UN High Commissioner for Human Rights", "OHCHR", "UN_BODY"],
  ["UN Human Rights Monitoring Mission in Ukraine", "HRMMU", "UN_BODY"],
  ["Global Alliance of National Human Rights Institutions", "GANHRI", "NETWORK"],
  ["GANHRI Sub-Committee on Accreditation", "SCA", "NETWORK_BODY"],
  ["European Network of National Human Rights Institutions", "ENNHRI", "NETWORK"],
  ["International Ombudsman Institute", "IOI", "NETWORK"],
  ["Council of Europe", "CoE", "INTERGOVERNMENTAL"],
  ["European Committee for the Prevention of Torture", "CPT", "TREATY_BODY"],
  ["Human Rights Council", "HRC", "UN_BODY"],
  ["Committee against Torture", "CAT", "TREATY_BODY"],
  ["Committee on the Elimination of Discrimination against Women", "CEDAW", "TREATY_BODY"],
  ["Ministry of Foreign Affairs of Ukraine", "MFA", "STATE_BODY"],
  ["Parliamentary Assembly of the Council of Europe", "PACE", "INTERGOVERNMENTAL"],
  ["OSCE Office for Democratic Institutions and Human Rights", "ODIHR", "INTERGOVERNMENTAL"],
  ["Уповноважений з прав людини в Російській Федерації", null, "NHRI"],
];

/** Work grows a little year by year: dates are start + span × u^GROWTH (1 = flat); the latest of 12 years holds ~10 %. */
const GROWTH = 0.85;

const q = (s: string) => `'${s.replace(/'/g, "''")}'`;
const sqlArray = (items: string[]) => `ARRAY[${items.map(q).join(",")}]::text[]`;

/** A CASE over a uniform variable `v` choosing among weighted values (SQL literals). */
function weighted(v: string, items: [literal: string, weight: number][]): string {
  const total = items.reduce((n, [, w]) => n + w, 0);
  let acc = 0;
  const whens = items.slice(0, -1).map(([lit, w]) => {
    acc += w / total;
    return `WHEN ${v} < ${acc.toFixed(6)} THEN ${lit}`;
  });
  return `(CASE ${whens.join(" ")} ELSE ${items.at(-1)![0]} END)`;
}

/** Uniform [0, 1) from (row number, seed, stream k): deterministic. */
const u = (i: string, seed: number, k: number) =>
  `((hashint8extended(${i}::int8, ${seed * 1000 + k}) & 2147483647)::float8 / 2147483648.0)`;

export async function generateVolume(options: VolumeOptions): Promise<VolumeSummary> {
  const given = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as VolumeOptions;
  const o = { ...DEFAULTS, ...given };
  const log = o.log ?? ((line: string) => console.log(line));
  const seed = Math.trunc(o.seed);
  const prefix = `bv${seed}`;
  const t0 = Date.now();
  const client = new pg.Client({ connectionString: o.url });
  await client.connect();
  const run = async (label: string, sql: string, params: unknown[] = []) => {
    const t = Date.now();
    const res = await client.query(sql, params);
    log(`  ${label}: ${res.rowCount ?? 0} rows in ${((Date.now() - t) / 1000).toFixed(1)} s`);
    return res.rowCount ?? 0;
  };
  let restoreIndexes: (() => Promise<void>) | null = null;
  try {
    await client.query("SET synchronous_commit = off");
    await client.query("SET maintenance_work_mem = '256MB'");
    await client.query("SET work_mem = '64MB'");
    // Row-by-row work a bulk load does without: foreign-key checks (each one also locks the row it
    // references) and the triggers that keep the search names of actions and outcomes. The statement
    // trigger on ActionOrganization refreshes "counterpartNames" WHERE id = ANY(every inserted action):
    // for a million actions that array is searched once per row, which never finishes. Every id made
    // here is in range by construction, so a superuser loads with triggers off (replica mode) and the
    // search names are filled set-based at the end (fillSearchNames).
    const superuser = (await client.query<{ s: boolean }>(`SELECT rolsuper AS s FROM pg_roles WHERE rolname = current_user`))
      .rows[0]?.s;
    if (!superuser)
      throw new Error("bench/generate.ts loads with triggers off (session_replication_role): connect as a superuser");
    await client.query("SET session_replication_role = replica");

    // Vocabulary (the seed's terms; existing ones are kept as they are).
    for (const t of VOCABULARY_TERMS) {
      await client.query(
        `INSERT INTO "Term" (id, vocabulary, code, "labelEn", "labelUk", category, "sortOrder", active)
         VALUES ($1, $2::"Vocabulary", $3, $4, $5, $6, $7, true) ON CONFLICT (vocabulary, code) DO NOTHING`,
        [
          `${prefix}t_${t.vocabulary}_${t.code}`.slice(0, 60),
          t.vocabulary,
          t.code,
          t.labelEn,
          t.labelUk,
          t.category ?? null,
          t.sortOrder,
        ],
      );
    }
    const terms = (
      await client.query<{ id: string; vocabulary: string; code: string }>(`SELECT id, vocabulary::text, code FROM "Term"`)
    ).rows;
    const term = (vocabulary: string, code: string) => {
      const found = terms.find((t) => t.vocabulary === vocabulary && t.code === code);
      if (!found) throw new Error(`missing term ${vocabulary}:${code}`);
      return q(found.id);
    };

    const until = o.until;
    const span = `('${until}'::date - ('${until}'::date - make_interval(years => ${o.years}))::date)`;
    const start = `('${until}'::date - make_interval(years => ${o.years}))::date`;
    const U = o.users;
    const O = o.organizations;
    const C = o.campaigns;
    const N = o.actions;
    const M = o.outcomes;

    // Users: a few managers and auditors, the rest staff. One hash for all (bench data only).
    const passwordHash = await hash(BENCH_PASSWORD, { memoryCost: 19_456, timeCost: 2, parallelism: 1 });
    await run(
      "users",
      `INSERT INTO "User" (id, email, name, "passwordHash", role, active, "createdAt", "updatedAt")
       SELECT '${prefix}u' || i, '${prefix}-user-' || i || '@example.org',
              (${sqlArray(["Олена", "Andrii", "Iryna", "Maksym", "Taras", "Oksana", "Dmytro", "Natalia"])})[1 + i % 8] || ' ' ||
              (${sqlArray(["Коваленко", "Melnyk", "Shevchenko", "Tkachenko", "Bondar", "Бойко", "Kravchenko", "Lysenko"])})[1 + (i / 8) % 8] || ' ' || i,
              $1, (CASE WHEN i <= 4 THEN 'MANAGER' WHEN i <= 6 THEN 'AUDITOR' ELSE 'STAFF' END)::"Role", true, now(), now()
       FROM generate_series(1, ${U}) i ON CONFLICT DO NOTHING`,
      [passwordHash],
    );

    // Organizations: the well-known bodies first (they get most of the work), then many others.
    const kinds = ["STATE", "STATE_BODY", "NHRI", "NGO", "MEDIA", "INTERGOVERNMENTAL", "UN_BODY", "OTHER"];
    await run(
      "organizations",
      `INSERT INTO "Organization" (id, name, "nameUk", acronym, "kindId", "parentId", country, "createdAt", "updatedAt")
       SELECT '${prefix}o' || i,
              CASE WHEN i <= ${HEAVY_BODIES.length} THEN (${sqlArray(HEAVY_BODIES.map((b) => b[0]))})[i]
                   ELSE (${sqlArray(["Embassy", "Ministry of Justice", "Ombudsman", "Human Rights Centre", "Foundation", "Broadcaster", "Commission", "Permanent Mission"])})[1 + i % 8] || ' ' || i END,
              CASE WHEN i % 3 = 0 THEN 'Організація ' || i END,
              CASE WHEN i <= ${HEAVY_BODIES.length} THEN (${sqlArray(HEAVY_BODIES.map((b) => b[1] ?? ""))})[i] END,
              CASE WHEN i <= ${HEAVY_BODIES.length} THEN (SELECT id FROM "Term" WHERE vocabulary = 'ORGANIZATION_KIND' AND code = (${sqlArray(HEAVY_BODIES.map((b) => b[2]))})[i])
                   ELSE (SELECT id FROM "Term" WHERE vocabulary = 'ORGANIZATION_KIND' AND code = (${sqlArray(kinds)})[1 + i % ${kinds.length}]) END,
              NULL,
              (${sqlArray(["UA", "PL", "DE", "FR", "CH", "GB", "US", "LT", "RU", "NO"])})[1 + i % 10],
              now(), now()
       FROM generate_series(1, ${O}) i ON CONFLICT DO NOTHING`,
    );
    await client.query(`UPDATE "Organization" SET acronym = NULLIF(acronym, '') WHERE id LIKE '${prefix}o%'`);
    // A shallow hierarchy: every tenth body belongs to one of the first five.
    await client.query(`UPDATE "Organization" SET "parentId" = '${prefix}o' || (1 + (substr(id, ${prefix.length + 2})::int % 5))
                        WHERE id LIKE '${prefix}o%' AND substr(id, ${prefix.length + 2})::int > ${HEAVY_BODIES.length} AND substr(id, ${prefix.length + 2})::int % 10 = 0`);

    // Campaigns: the first eighth are top-level goals, the rest their sub-goals.
    const top = Math.max(1, Math.floor(C / 8));
    await run(
      "campaigns",
      `INSERT INTO "Campaign" (id, title, "titleUk", "statusId", priority, "ownerId", "targetOrgId", "parentId", "startDate", "createdAt", "updatedAt")
       SELECT '${prefix}c' || i,
              (${sqlArray(["Isolate the institution from international networks", "Access to prisoners of war", "Return of deported children", "Keep monitoring of places of detention", "Accountability for executions of prisoners of war"])})[1 + i % 5] || ' ' || i,
              'Кампанія ' || i,
              ${weighted(u("i", seed, 90), [
                [term("CAMPAIGN_STATUS", "ACTIVE"), 55],
                [term("CAMPAIGN_STATUS", "PAUSED"), 10],
                [term("CAMPAIGN_STATUS", "ACHIEVED"), 20],
                [term("CAMPAIGN_STATUS", "PARTLY_ACHIEVED"), 10],
                [term("CAMPAIGN_STATUS", "CLOSED"), 5],
              ])},
              (ARRAY['LOW','MEDIUM','HIGH']::"Priority"[])[1 + i % 3],
              '${prefix}u' || (1 + i % 4),
              '${prefix}o' || (1 + i % ${O}),
              CASE WHEN i > ${top} THEN '${prefix}c' || (1 + i % ${top}) END,
              ${start} + (i * 37 % 3000),
              now(), now()
       FROM generate_series(1, ${C}) i ON CONFLICT DO NOTHING`,
    );

    // Text-search (GIN trigram) indexes are far quicker to build once than to grow row by row: take
    // them off for the load and put the same definitions back afterwards (also if the load fails).
    const ginIndexes = (
      await client.query<{ indexname: string; indexdef: string }>(
        `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename IN ('Action', 'Outcome') AND indexdef ILIKE '% USING gin %'`,
      )
    ).rows;
    for (const ix of ginIndexes) await client.query(`DROP INDEX IF EXISTS "${ix.indexname}"`);
    restoreIndexes = async () => {
      for (const ix of ginIndexes) {
        const t = Date.now();
        await client.query(ix.indexdef.replace(/^CREATE INDEX /, "CREATE INDEX IF NOT EXISTS "));
        log(`  index ${ix.indexname} rebuilt in ${((Date.now() - t) / 1000).toFixed(1)} s`);
      }
      restoreIndexes = null;
    };

    // Actions.
    const actionType = weighted(
      "r2",
      ACTION_MIX.map(([code, w]) => [term("ACTION_TYPE", code), w]),
    );
    const closed = term("ACTION_STATUS", "CLOSED");
    const oldStatus = weighted("r3", [
      [closed, 78],
      [term("ACTION_STATUS", "RESPONSE_RECEIVED"), 16],
      [term("ACTION_STATUS", "AWAITING_RESPONSE"), 4],
      [term("ACTION_STATUS", "SENT"), 2],
    ]);
    const recentStatus = weighted("r3", [
      [term("ACTION_STATUS", "DRAFT"), 5],
      [term("ACTION_STATUS", "IN_PROGRESS"), 12],
      [term("ACTION_STATUS", "SENT"), 20],
      [term("ACTION_STATUS", "AWAITING_RESPONSE"), 20],
      [term("ACTION_STATUS", "RESPONSE_RECEIVED"), 18],
      [closed, 25],
    ]);
    log(`Generating ${N.toLocaleString("en")} actions and ${M.toLocaleString("en")} outcomes (seed ${seed}, until ${until})…`);
    await run(
      "actions",
      `INSERT INTO "Action" (id, title, "typeId", date, "datePrecision", "statusId", "referenceNumber", summary, "responseSummary",
                             "responseDate", "followUpDue", confidentiality, "createdById", "createdAt", "updatedAt", "deletedAt")
       SELECT '${prefix}a' || i, title, type_id, d, precision, status_id,
              CASE WHEN r5 < 0.6 THEN '№ 2.1/' || (i % 30000) || '-' || to_char(d, 'YY') END,
              CASE WHEN r6 < 0.3 THEN (${sqlArray(SUMMARIES)})[1 + (i % ${SUMMARIES.length})] END,
              CASE WHEN status_id = ${term("ACTION_STATUS", "RESPONSE_RECEIVED")} THEN 'Відповідь отримано / response received' END,
              CASE WHEN status_id = ${term("ACTION_STATUS", "RESPONSE_RECEIVED")} THEN d + 21 END,
              CASE WHEN r7 < 0.12 THEN d + (7 + floor(r8 * 80))::int END,
              (CASE WHEN r4 < 0.30 THEN 'PUBLIC' WHEN r4 < 0.92 THEN 'INTERNAL' ELSE 'RESTRICTED' END)::"Confidentiality",
              '${prefix}u' || (1 + floor(${U} * r1 * r1))::int,
              d::timestamp + make_interval(hours => 9 + i % 8), d::timestamp + make_interval(hours => 9 + i % 8, days => i % 5),
              CASE WHEN r9 < 0.005 THEN d::timestamp + interval '30 days' END
       FROM (
         SELECT i, r1, r2, r3, r4, r5, r6, r7, r8, r9, d,
                ${actionType} AS type_id,
                CASE WHEN d > '${until}'::date - 40 THEN ${term("ACTION_STATUS", "PLANNED")}
                     WHEN d < '${until}'::date - 365 THEN ${oldStatus} ELSE ${recentStatus} END AS status_id,
                (CASE WHEN r10 < 0.85 THEN 'DAY' WHEN r10 < 0.93 THEN 'MONTH' WHEN r10 < 0.97 THEN 'ESTIMATED' ELSE 'YEAR' END)::"DatePrecision" AS precision,
                (${sqlArray(ACTION_TITLES)})[1 + (i % ${ACTION_TITLES.length})] || ' №' || i AS title
         FROM (
           SELECT i, ${[1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((k) => `${u("i", seed, k)} AS r${k}`).join(", ")},
                  ${start} + floor(${span} * power(${u("i", seed, 11)}, ${GROWTH}))::int AS d
           FROM generate_series(1, ${N}) i
         ) raw
       ) x`,
    );
    // Counterparts: one to three per action, most of them the few well-known bodies.
    const actionOrganizations = await run(
      "action counterparts",
      `INSERT INTO "ActionOrganization" ("actionId", "organizationId")
       SELECT '${prefix}a' || i, '${prefix}o' || (1 + floor(${O} * power(${u("i * 4 + k", seed, 20)}, 3)))::int
       FROM generate_series(1, ${N}) i, generate_series(1, 3) k
       WHERE k = 1 OR ${u("i * 4 + k", seed, 21)} < 0.35
       ON CONFLICT DO NOTHING`,
    );
    const actionCampaigns = await run(
      "action campaigns",
      `INSERT INTO "ActionCampaign" ("actionId", "campaignId")
       SELECT '${prefix}a' || i, '${prefix}c' || (1 + floor(${C} * power(${u("i", seed, 22)}, 2.5)))::int
       FROM generate_series(1, ${N}) i WHERE ${u("i", seed, 23)} < 0.35
       ON CONFLICT DO NOTHING`,
    );
    const participants = await run(
      "participants",
      `INSERT INTO "ActionParticipant" ("actionId", "userId")
       SELECT '${prefix}a' || i, '${prefix}u' || (1 + floor(${U} * power(${u("i * 3 + k", seed, 24)}, 1.5)))::int
       FROM generate_series(1, ${N}) i, generate_series(1, 2) k
       WHERE k = 1 OR ${u("i * 3 + k", seed, 25)} < 0.4
       ON CONFLICT DO NOTHING`,
    );

    // Outcomes.
    const outcomeType = weighted(
      "r2",
      OUTCOME_MIX.map(([code, w]) => [term("OUTCOME_TYPE", code), w]),
    );
    const beforeOf = `(CASE type_id ${OUTCOME_MIX.filter((m) => m[2])
      .map(([code, , b]) => `WHEN ${term("OUTCOME_TYPE", code)} THEN ${q(b!)}`)
      .join(" ")} END)`;
    const afterOf = `(CASE type_id ${OUTCOME_MIX.filter((m) => m[3])
      .map(([code, , , a]) => `WHEN ${term("OUTCOME_TYPE", code)} THEN ${q(a!)}`)
      .join(" ")} END)`;
    await run(
      "outcomes",
      `INSERT INTO "Outcome" (id, title, "typeId", date, "datePrecision", "decidingBodyId", "subjectId", "statusBefore", "statusAfter",
                              "sourceCitation", "verificationId", summary, confidentiality, "createdById", "createdAt", "updatedAt", "deletedAt")
       SELECT '${prefix}x' || i, title, type_id, d, precision,
              '${prefix}o' || (1 + floor(${O} * power(r3, 3)))::int,
              '${prefix}o' || (1 + floor(${O} * r4))::int,
              ${beforeOf}, ${afterOf},
              CASE WHEN r5 < 0.7 THEN 'Ukrinform / UN document ' || i END,
              ${weighted("r6", [
                [term("VERIFICATION", "REPORTED"), 25],
                [term("VERIFICATION", "VERIFIED"), 55],
                [term("VERIFICATION", "FINAL"), 17],
                [term("VERIFICATION", "SUPERSEDED"), 3],
              ])},
              CASE WHEN r7 < 0.4 THEN (${sqlArray(SUMMARIES)})[1 + (i % ${SUMMARIES.length})] END,
              (CASE WHEN r8 < 0.45 THEN 'PUBLIC' WHEN r8 < 0.93 THEN 'INTERNAL' ELSE 'RESTRICTED' END)::"Confidentiality",
              '${prefix}u' || (1 + floor(${U} * r1 * r1))::int,
              d::timestamp + interval '12 hours', d::timestamp + interval '12 hours',
              CASE WHEN r9 < 0.005 THEN d::timestamp + interval '30 days' END
       FROM (
         SELECT i, r1, r3, r4, r5, r6, r7, r8, r9, d, ${outcomeType} AS type_id,
                (CASE WHEN r10 < 0.7 THEN 'DAY' WHEN r10 < 0.9 THEN 'MONTH' WHEN r10 < 0.97 THEN 'ESTIMATED' ELSE 'YEAR' END)::"DatePrecision" AS precision,
                (${sqlArray(OUTCOME_TITLES)})[1 + (i % ${OUTCOME_TITLES.length})] || ' №' || i AS title
         FROM (
           SELECT i, ${[1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((k) => `${u("i", seed, 100 + k)} AS r${k}`).join(", ")},
                  ${start} + floor(${span} * power(${u("i", seed, 111)}, ${GROWTH}))::int AS d
           FROM generate_series(1, ${M}) i
         ) raw
       ) x`,
    );
    await run(
      "outcome campaigns",
      `INSERT INTO "OutcomeCampaign" ("outcomeId", "campaignId")
       SELECT '${prefix}x' || i, '${prefix}c' || (1 + floor(${C} * power(${u("i", seed, 120)}, 2.5)))::int
       FROM generate_series(1, ${M}) i WHERE ${u("i", seed, 121)} < 0.3
       ON CONFLICT DO NOTHING`,
    );
    // Links: each outcome to up to three actions, preferring the outcome's neighbours in number
    // (and so roughly in time), with a contribution.
    const share = Math.min(1, o.linksPerOutcome / 3);
    const links = await run(
      "links",
      `INSERT INTO "ActionOutcomeLink" (id, "actionId", "outcomeId", "contributionId", "evidenceNote", "createdById", "createdAt")
       SELECT '${prefix}l' || i || '_' || k,
              '${prefix}a' || (1 + (floor(${N} * ${u("i", seed, 130)})::int + k * 7) % ${N}),
              '${prefix}x' || i,
              ${weighted(u("i * 4 + k", seed, 131), [
                [term("CONTRIBUTION", "DECISIVE"), 20],
                [term("CONTRIBUTION", "CONTRIBUTORY"), 60],
                [term("CONTRIBUTION", "UNCLEAR"), 20],
              ])},
              CASE WHEN k = 1 THEN 'Лист-відповідь у справі / reply on file' END,
              '${prefix}u' || (1 + i % ${U}),
              now()
       FROM generate_series(1, ${M}) i, generate_series(1, 3) k
       WHERE ${u("i * 4 + k", seed, 132)} < ${share.toFixed(4)}
       ON CONFLICT DO NOTHING`,
    );

    // Each action's people, author first (the expression of the action_people migration's trigger).
    await run(
      "action people",
      `UPDATE "Action" a SET "people" = ARRAY[a."createdById"] || coalesce(
           (SELECT array_agg(p."userId" ORDER BY p."userId") FROM "ActionParticipant" p WHERE p."actionId" = a."id" AND p."userId" <> a."createdById"), '{}')
        WHERE a."id" LIKE '${prefix}a%'`,
    );
    // What the triggers skipped would have written: each action's counterpart names and ids and each
    // outcome's deciding body and subject names (the same expressions as the search_names migration).
    await client.query("SET session_replication_role = DEFAULT");
    await run(
      "action counterpart names",
      `UPDATE "Action" a SET "counterpartNames" = n.names, "counterpartIds" = n.ids
         FROM (SELECT ao."actionId", string_agg(organization_search_names(o), ' | ' ORDER BY o."id") AS names,
                      array_agg(o."id" ORDER BY o."id") AS ids
                 FROM "ActionOrganization" ao JOIN "Organization" o ON o."id" = ao."organizationId"
                WHERE ao."actionId" LIKE '${prefix}a%' GROUP BY ao."actionId") n
        WHERE a."id" = n."actionId"`,
    );
    await run(
      "outcome organization names",
      `UPDATE "Outcome" oc SET "organizationNames" = coalesce((
           SELECT string_agg(organization_search_names(o), ' | ' ORDER BY o."id")
             FROM "Organization" o WHERE o."id" IN (oc."decidingBodyId", oc."subjectId")), '')
        WHERE oc."id" LIKE '${prefix}x%'`,
    );
    // The dashboard's day counts (migration 20261204000000_dashboard_rollup), rebuilt from scratch:
    // the triggers that keep them were off during the load.
    await run("dashboard day counts", `DELETE FROM "RecordDayCount"`);
    for (const entity of ["Action", "Outcome"])
      await run(
        `${entity} day counts`,
        `INSERT INTO "RecordDayCount" ("entity", "date", "typeId", "restricted", "n")
         SELECT '${entity}', "date", "typeId", "confidentiality" = 'RESTRICTED', count(*)::int
           FROM "${entity}" WHERE "deletedAt" IS NULL GROUP BY 2, 3, 4`,
      );
    // The counterpart day counts (migration 20261204030000_counterpart_day_counts), likewise.
    await run("counterpart day counts", `DELETE FROM "CounterpartDayCount"`);
    await run(
      "counterpart day counts",
      `INSERT INTO "CounterpartDayCount" ("date", "organizationId", "restricted", "n")
       SELECT a."date", l."organizationId", a."confidentiality" = 'RESTRICTED', count(*)::int
         FROM "ActionOrganization" l JOIN "Action" a ON a."id" = l."actionId"
        WHERE a."deletedAt" IS NULL GROUP BY 1, 2, 3`,
    );

    // Audit events: what years of work leave behind (created/updated/linked/viewed-export/sign-in),
    // most about actions. The secondary indexes are dropped for the load and rebuilt afterwards.
    const A = o.auditEvents;
    let auditEvents = 0;
    if (A > 0) {
      const head =
        (await client.query<{ hash: string }>(`SELECT hash FROM "AuditEvent" ORDER BY id DESC LIMIT 1`)).rows[0]?.hash ?? null;
      const auditIndexes = (
        await client.query<{ indexname: string; indexdef: string }>(
          `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename = 'AuditEvent' AND indexname <> 'AuditEvent_pkey'`,
        )
      ).rows;
      for (const ix of auditIndexes) await client.query(`DROP INDEX IF EXISTS "${ix.indexname}"`);
      try {
        const h = (e: string) => `encode(sha256(convert_to('${prefix}e' || (${e}), 'UTF8')), 'hex')`;
        const events: [string, number][] = [
          ["'action.created'", 30],
          ["'action.updated'", 30],
          ["'link.created'", 8],
          ["'outcome.created'", 5],
          ["'outcome.updated'", 5],
          ["'auth.signin'", 15],
          ["'export.created'", 4],
          ["'auth.signin.failed'", 3],
        ];
        auditEvents = await run(
          "audit events",
          `INSERT INTO "AuditEvent" ("at", "actorId", "actorRole", event, entity, "entityId", "before", "after", ip, "userAgent", "prevHash", hash)
           SELECT ${start}::timestamp + make_interval(secs => floor(extract(epoch FROM (${span} * interval '1 day')) * i / ${A})),
                  CASE WHEN ev = 'auth.signin.failed' THEN NULL ELSE '${prefix}u' || (1 + floor(${U} * r1 * r1))::int END,
                  CASE WHEN ev = 'auth.signin.failed' THEN NULL ELSE 'STAFF'::"Role" END,
                  ev,
                  CASE WHEN ev LIKE 'action.%' THEN 'Action' WHEN ev LIKE 'outcome.%' THEN 'Outcome' WHEN ev LIKE 'link.%' THEN 'ActionOutcomeLink'
                       WHEN ev LIKE 'export.%' THEN 'Export' ELSE 'User' END,
                  CASE WHEN ev LIKE 'action.%' THEN '${prefix}a' || (1 + floor(${Math.max(N, 1)} * r2))::int
                       WHEN ev LIKE 'outcome.%' THEN '${prefix}x' || (1 + floor(${Math.max(M, 1)} * r2))::int END,
                  CASE WHEN ev = 'action.updated' THEN jsonb_build_object('status', 'SENT') END,
                  CASE WHEN ev IN ('action.updated', 'action.created') THEN jsonb_build_object('status', 'AWAITING_RESPONSE', 'title', 'Звернення №' || i) END,
                  '10.0.' || (i % 200) || '.' || (i % 250), 'Mozilla/5.0 (bench)',
                  CASE WHEN i = 1 THEN ${head == null ? "NULL" : q(head)} ELSE ${h("i - 1")} END,
                  ${h("i")}
           FROM (SELECT i, ${u("i", seed, 140)} AS r1, ${u("i", seed, 141)} AS r2, ${weighted(u("i", seed, 142), events)} AS ev
                 FROM generate_series(1, ${A}) i) x
           ORDER BY i`,
        );
      } finally {
        for (const ix of auditIndexes) {
          const t = Date.now();
          await client.query(ix.indexdef.replace(/^CREATE (UNIQUE )?INDEX /, (m) => `${m}IF NOT EXISTS `));
          log(`  index ${ix.indexname} rebuilt in ${((Date.now() - t) / 1000).toFixed(1)} s`);
        }
      }
    }

    await restoreIndexes?.();
    log("  analyze…");
    await client.query(
      `ANALYZE "Action", "ActionOrganization", "ActionCampaign", "ActionParticipant", "Outcome", "OutcomeCampaign", "ActionOutcomeLink", "Organization", "Campaign", "User", "Term", "AuditEvent"`,
    );
    const seconds = (Date.now() - t0) / 1000;
    log(`Done in ${seconds.toFixed(0)} s.`);
    return {
      prefix,
      actions: N,
      outcomes: M,
      organizations: O,
      campaigns: C,
      users: U,
      actionOrganizations,
      actionCampaigns,
      participants,
      links,
      auditEvents,
      seconds,
    };
  } finally {
    try {
      await restoreIndexes?.();
    } finally {
      await client.end();
    }
  }
}

// ---------------------------------------------------------------------------------------------------
// CLI

function argValue(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  if (i >= 0) return args[i + 1];
  const eq = args.find((a) => a.startsWith(`--${name}=`));
  return eq?.slice(name.length + 3);
}

export function parseVolumeArgs(args: string[]): VolumeOptions {
  const url = argValue(args, "url") ?? process.env.DATABASE_URL;
  if (!url) throw new Error("Give --url postgresql://… (or DATABASE_URL)");
  const num = (name: string) => {
    const v = argValue(args, name);
    if (v == null) return undefined;
    const n = Number(v.replace(/_/g, ""));
    if (!Number.isFinite(n) || n < 0) throw new Error(`--${name}: not a number: ${v}`);
    return n;
  };
  return {
    url,
    actions: num("actions"),
    outcomes: num("outcomes"),
    seed: num("seed"),
    years: num("years"),
    users: num("users"),
    organizations: num("organizations"),
    campaigns: num("campaigns"),
    linksPerOutcome: num("links-per-outcome"),
    auditEvents: num("audit-events"),
    until: argValue(args, "until"),
  };
}

const isMain = (() => {
  try {
    return import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith("bench/generate.ts");
  } catch {
    return false;
  }
})();

if (isMain) {
  generateVolume(parseVolumeArgs(process.argv.slice(2)))
    .then((s) => console.log(JSON.stringify(s)))
    .catch((e) => {
      console.error(e);
      process.exit(1);
    });
}
