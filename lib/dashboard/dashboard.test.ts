// Integration tests: the dashboard's numbers equal the totals of the lists they link to, for each
// role's visibility, against the real test database.
import pg from "pg";
import { describe, expect, it } from "vitest";
import { buildActionWhere, findActions } from "@/lib/actions/queries";
import { ZActionListParams } from "@/lib/actions/schemas";
import { addDays } from "@/lib/dashboard/period";
import { todayIso } from "@/lib/dates";
import { foldDayCountShards } from "@/lib/day-counts";
import { db } from "@/lib/db";
import { findOutcomes } from "@/lib/outcomes/queries";
import type { Actor } from "@/lib/permissions";
import { makeAction, makeCampaign, makeOrganization, makeOutcome } from "@/prisma/factories";
import { makeActor, uniq } from "@/tests/support/fixtures";
import { paramsOfHref } from "./links";
import { getDashboard, getDashboardCounterparts, getMyWork } from "./queries";
import type { Counted } from "./types";

/** Every { count, href } in the dashboard's data, with where it sits. */
function countedIn(value: unknown, path = "data"): (Counted & { path: string })[] {
  if (!value || typeof value !== "object") return [];
  const here = "count" in value && "href" in value && typeof value.count === "number" && typeof value.href === "string" ? [{ ...(value as Counted), path }] : [];
  return [...here, ...Object.entries(value).flatMap(([k, v]) => countedIn(v, `${path}.${k}`))];
}

/** What the list at `href` says its total is. */
async function listTotal(actor: Actor, href: string) {
  const params = paramsOfHref(href);
  return href.startsWith("/outcomes") ? (await findOutcomes({ actor, params })).total : (await findActions({ actor, params })).total;
}

async function expectEveryNumberMatchesItsList(actor: Actor, data: unknown, atLeast = 1) {
  const counted = countedIn(data);
  expect(counted.length).toBeGreaterThanOrEqual(atLeast);
  const mismatches: string[] = [];
  for (const c of counted) {
    const total = await listTotal(actor, c.href);
    if (total !== c.count) mismatches.push(`${c.path}: dashboard ${c.count}, list ${total} (${c.href})`);
  }
  expect(mismatches).toEqual([]);
}

/** A year of its own for each test (the test database is shared by all test files, which date their rows after 1990). */
let nextYear = 1900 + Math.floor(Math.random() * 40);
const freshYear = () => nextYear++;

async function seedYear() {
  const year = freshYear();
  const y = (md: string, offset = 0) => `${year + offset}-${md}`;
  const [author, participant, outsider, manager, auditor] = await Promise.all([
    makeActor("STAFF"),
    makeActor("STAFF"),
    makeActor("STAFF"),
    makeActor("MANAGER"),
    makeActor("AUDITOR"),
  ]);
  const body = await makeOrganization(db, { name: `Counted body ${uniq()}`, acronym: uniq("B") });
  const campaign = await makeCampaign(db, { title: `Counted campaign ${uniq()}` });
  const by = { createdById: author.id };
  const meeting = { ...by, type: "DIPLOMATIC_MEETING", status: "CLOSED" };
  await makeAction(db, { ...meeting, date: y("01-15"), organizationIds: [body.id], campaignIds: [campaign.id] });
  await makeAction(db, { ...meeting, date: y("03-02") });
  await makeAction(db, { ...meeting, date: y("12-31"), organizationIds: [body.id] });
  await makeAction(db, { ...by, type: "FOREIGN_VISIT", date: y("06-10"), confidentiality: "PUBLIC", organizationIds: [body.id] });
  await makeAction(db, { ...by, type: "FOREIGN_VISIT", date: y("11-30"), confidentiality: "PUBLIC" });
  // Restricted: the author's own, and one a colleague takes part in.
  await makeAction(db, { ...by, type: "SCA_THIRD_PARTY_SUBMISSION", date: y("09-01"), confidentiality: "RESTRICTED", organizationIds: [body.id], campaignIds: [campaign.id] });
  await makeAction(db, { createdById: manager.id, type: "LETTER_APPEAL", date: y("05-05"), confidentiality: "RESTRICTED", participantIds: [participant.id] });
  // Deleted: counted by nobody.
  const deleted = await makeAction(db, { ...meeting, date: y("07-07") });
  await db.action.update({ where: { id: deleted.id }, data: { deletedAt: new Date() } });
  // The year before.
  await makeAction(db, { ...meeting, date: y("02-02", -1) });
  await makeAction(db, { ...by, type: "FOREIGN_VISIT", date: y("02-03", -1), confidentiality: "RESTRICTED" });
  // Outcomes.
  await makeOutcome(db, { ...by, type: "MEMBERSHIP_EXCLUDED", date: y("04-11"), campaignIds: [campaign.id] });
  await makeOutcome(db, { ...by, type: "ACCREDITATION_REMOVED", date: y("10-01"), datePrecision: "MONTH", confidentiality: "RESTRICTED" });
  await makeOutcome(db, { ...by, type: "MEMBERSHIP_REVOKED", date: y("08-01", -1) });
  const params = { period: "custom", from: y("01-01"), to: y("12-31") };
  return { year, params, author, participant, outsider, manager, auditor, body, campaign };
}

describe("[DASHBOARD] numbers for a period, beside the year before", () => {
  it("counts what each role may see: restricted records only for their participants, managers and auditors", async () => {
    const s = await seedYear();
    const summary = async (actor: Actor) => {
      const d = await getDashboard({ actor, params: s.params });
      return {
        actions: [d.actions.count, d.actions.previous.count],
        meetings: [d.groups.meeting.count, d.groups.meeting.previous.count],
        visits: [d.groups.visit.count, d.groups.visit.previous.count],
        submissions: d.groups.submission.count,
        appeals: d.groups.appeal.count,
        outcomes: [d.outcomes.count, d.outcomes.previous.count],
        body: (await getDashboardCounterparts({ actor, params: s.params })).find((c) => c.org.id === s.body.id)?.count ?? 0,
      };
    };
    expect(await summary(s.manager)).toEqual({ actions: [7, 2], meetings: [3, 1], visits: [2, 1], submissions: 1, appeals: 1, outcomes: [2, 1], body: 4 });
    expect(await summary(s.auditor)).toEqual(await summary(s.manager));
    expect(await summary(s.outsider)).toEqual({ actions: [5, 1], meetings: [3, 1], visits: [2, 0], submissions: 0, appeals: 0, outcomes: [1, 1], body: 3 });
    expect(await summary(s.author)).toEqual({ actions: [6, 2], meetings: [3, 1], visits: [2, 1], submissions: 1, appeals: 0, outcomes: [2, 1], body: 4 });
    expect(await summary(s.participant)).toEqual({ actions: [6, 1], meetings: [3, 1], visits: [2, 0], submissions: 0, appeals: 1, outcomes: [1, 1], body: 3 });
  });

  it("every number equals the total of the list it links to, for staff (outsider, author, participant), manager and auditor", async () => {
    const s = await seedYear();
    for (const actor of [s.outsider, s.author, s.participant, s.manager, s.auditor]) {
      const data = { ...(await getDashboard({ actor, params: s.params })), counterparts: await getDashboardCounterparts({ actor, params: s.params }) };
      await expectEveryNumberMatchesItsList(actor, data, 40);
    }
    // A period that starts mid-month (not on a chart bar's boundary) is counted on its own.
    const spring = await getDashboard({ actor: s.manager, params: { period: "custom", from: `${s.year}-03-02`, to: `${s.year}-06-10` } });
    expect([spring.actions.count, spring.groups.meeting.count, spring.groups.visit.count]).toEqual([3, 1, 1]);
    await expectEveryNumberMatchesItsList(s.manager, spring, 40);
  }, 90_000); // some 300 list queries: room for a busy 2-core machine

  it("the database's day counts follow edits, moves, confidentiality changes, deletions and bulk inserts", async () => {
    const s = await seedYear();
    const y = (md: string, offset = 0) => new Date(`${s.year + offset}-${md}T00:00:00Z`);
    const before = await getDashboard({ actor: s.manager, params: s.params });
    const visit = await db.term.findFirstOrThrow({ where: { vocabulary: "ACTION_TYPE", code: "FOREIGN_VISIT" }, select: { id: true } });
    const mine = await db.action.findMany({ where: { createdById: s.author.id }, orderBy: { date: "asc" }, select: { id: true, typeId: true, statusId: true } });
    const [first, second, third, fourth] = mine;
    await db.action.update({ where: { id: first!.id }, data: { typeId: visit.id } }); // another type
    await db.action.update({ where: { id: second!.id }, data: { date: y("03-03", -1) } }); // into the year before
    await db.action.update({ where: { id: third!.id }, data: { confidentiality: "RESTRICTED" } }); // hidden from the outsider
    await db.action.update({ where: { id: fourth!.id }, data: { deletedAt: new Date() } }); // deleted …
    await db.action.update({ where: { id: fourth!.id }, data: { deletedAt: null } }); // … and restored
    await db.action.updateMany({ where: { createdById: s.author.id }, data: { summary: "edited" } }); // moves nothing
    await db.action.createMany({
      data: Array.from({ length: 25 }, (_, i) => ({
        title: `Bulk ${i}`,
        date: y(`04-${String(1 + (i % 28)).padStart(2, "0")}`),
        typeId: visit.id,
        statusId: first!.statusId,
        createdById: s.author.id,
        confidentiality: i % 5 === 0 ? ("RESTRICTED" as const) : ("INTERNAL" as const),
      })),
    });
    const made = await makeAction(db, { createdById: s.manager.id, type: "LETTER_APPEAL", date: `${s.year}-08-08` });
    await db.action.delete({ where: { id: made.id } }); // removed for good
    for (const actor of [s.outsider, s.author, s.manager]) await expectEveryNumberMatchesItsList(actor, await getDashboard({ actor, params: s.params }), 40);
    const d = await getDashboard({ actor: s.manager, params: s.params });
    // 25 more this year; the year before keeps its count (a move within it) and gains a visit.
    expect([d.actions.count, d.actions.previous.count]).toEqual([before.actions.count + 25, before.actions.previous.count]);
    expect(d.groups.visit.previous.count).toBe(before.groups.visit.previous.count + 1);
  }, 90_000);

  it("writers on separate connections count in separate shards, and folding the shards changes no number", async () => {
    const s = await seedYear();
    const day = new Date(`${s.year}-06-10T00:00:00Z`);
    // Actions of one day, type and body written from several connections at once, as concurrent
    // saves do: each connection adds to its own shard instead of queueing on one row.
    // Connections until two of them write to different shards (backend pid modulo 16).
    const clients: pg.Client[] = [];
    const seen = new Set<number>();
    while (seen.size < 2 && clients.length < 40) {
      const c = new pg.Client({ connectionString: process.env.APP_DATABASE_URL ?? process.env.DATABASE_URL });
      await c.connect();
      clients.push(c);
      seen.add((await c.query<{ shard: number }>(`SELECT day_count_shard() AS shard`)).rows[0].shard);
    }
    try {
      for (const c of clients)
        await c.query(
          `WITH a AS (
             INSERT INTO "Action" (id, title, "typeId", date, "statusId", confidentiality, "createdById", "createdAt", "updatedAt")
             SELECT $1, 'Sharded count', "typeId", $2, "statusId", 'PUBLIC', "createdById", now(), now() FROM "Action" WHERE "createdById" = $3 LIMIT 1
             RETURNING id
           ) INSERT INTO "ActionOrganization" ("actionId", "organizationId") SELECT id, $4 FROM a`,
          [`shard${uniq()}`, day, s.author.id, s.body.id],
        );
    } finally {
      await Promise.all(clients.map((c) => c.end()));
    }
    const shards = async () =>
      (await db.recordDayCount.findMany({ where: { entity: "Action", date: day }, select: { shard: true } })).map((r) => r.shard);
    expect(new Set(await shards()).size).toBeGreaterThan(1);
    // what this test's year shows (follow-ups and the like depend on other tests' rows)
    const counts = async () => {
      const d = await getDashboard({ actor: s.manager, params: s.params });
      const bodies = await getDashboardCounterparts({ actor: s.manager, params: s.params });
      return { actions: d.actions, groups: d.groups, outcomes: d.outcomes, body: bodies.find((c) => c.org.id === s.body.id) };
    };
    const before = await counts();
    expect(before.body?.count).toBe(4 + clients.length);

    const { folded } = await foldDayCountShards(db);

    expect(folded).toBeGreaterThan(0);
    expect(new Set(await shards())).toEqual(new Set([0]));
    expect(await db.counterpartDayCount.count({ where: { date: day, organizationId: s.body.id, shard: { not: 0 } } })).toBe(0);
    expect(await counts()).toEqual(before);
    for (const actor of [s.outsider, s.manager]) await expectEveryNumberMatchesItsList(actor, await getDashboard({ actor, params: s.params }), 40);
  }, 90_000);

  it("the counterpart counts follow links added and removed, moves, confidentiality, soft and hard deletion and a body deleted", async () => {
    const s = await seedYear();
    const other = await makeOrganization(db, { name: `Other body ${uniq()}`, acronym: uniq("O") });
    const year = { from: `${s.year}-01-01`, to: `${s.year}-12-31` };
    const charted = async (actor: Actor, org: string) =>
      (await getDashboardCounterparts({ actor, params: s.params })).find((c) => c.org.id === org)?.count ?? 0;
    const listed = async (actor: Actor, org: string) => (await findActions({ actor, params: { org, ...year } })).total;
    const expectSame = async (step: string) => {
      for (const actor of [s.outsider, s.author, s.participant, s.manager])
        for (const org of [s.body.id, other.id]) expect(await charted(actor, org), `${step}: ${org === s.body.id ? "body" : "other"}`).toBe(await listed(actor, org));
    };
    await expectSame("seeded");
    expect(await charted(s.manager, s.body.id)).toBe(4);

    const both = await makeAction(db, { createdById: s.author.id, date: `${s.year}-05-01`, organizationIds: [s.body.id, other.id] });
    await expectSame("an action with two bodies");
    expect(await charted(s.manager, s.body.id)).toBe(5);
    await db.actionOrganization.deleteMany({ where: { actionId: both.id, organizationId: s.body.id } });
    await expectSame("one body unlinked");
    await db.actionOrganization.create({ data: { actionId: both.id, organizationId: s.body.id } });
    await expectSame("linked again");
    await db.action.update({ where: { id: both.id }, data: { date: new Date(`${s.year - 1}-12-31T00:00:00Z`) } });
    await expectSame("moved into the year before");
    await db.action.update({ where: { id: both.id }, data: { date: new Date(`${s.year}-02-02T00:00:00Z`), confidentiality: "RESTRICTED" } });
    await expectSame("back, and restricted");
    expect(await charted(s.outsider, s.body.id)).toBe((await charted(s.manager, s.body.id)) - 2);
    await db.action.update({ where: { id: both.id }, data: { deletedAt: new Date() } });
    await expectSame("deleted");
    await db.action.update({ where: { id: both.id }, data: { deletedAt: null } });
    await expectSame("restored");
    await db.action.delete({ where: { id: both.id } });
    await expectSame("removed for good");
    expect(await charted(s.manager, s.body.id)).toBe(4);
    await makeAction(db, { createdById: s.manager.id, date: `${s.year}-06-06`, organizationIds: [other.id] });
    await db.organization.delete({ where: { id: other.id } });
    expect(await db.counterpartDayCount.aggregate({ where: { organizationId: other.id }, _sum: { n: true } })).toEqual({ _sum: { n: 0 } });
  }, 90_000);

  it("a list filtered by type or category and dates, counted from the day counts, equals counting its rows", async () => {
    const s = await seedYear();
    for (const actor of [s.outsider, s.author, s.participant, s.manager]) {
      for (const filter of [{ type: "FOREIGN_VISIT" }, { type: "LETTER_APPEAL" }, { category: "meeting" }, { category: "submission" }]) {
        const params = { ...filter, from: `${s.year - 1}-01-01`, to: `${s.year}-12-31` };
        const counted = await db.action.count({ where: buildActionWhere(actor, ZActionListParams.parse(params)) });
        expect((await findActions({ actor, params })).total, JSON.stringify(params)).toBe(counted);
      }
    }
  });

  it("per-month bars and per-kind segments add up, and the visits' segment links to the visits of that month", async () => {
    const s = await seedYear();
    const d = await getDashboard({ actor: s.manager, params: s.params });
    const june = d.actionsPerMonth.buckets.find((b) => b.key === `${s.year}-06`)!;
    expect(june.segments.visit).toEqual({ count: 1, href: `/actions?category=visit&from=${s.year}-06-01&to=${s.year}-06-30` });
    for (const b of d.actionsPerMonth.buckets) {
      expect(Object.values(b.segments).reduce((n, c) => n + c.count, 0)).toBe(b.total.count);
    }
    expect(d.actionsPerMonth.buckets.reduce((n, b) => n + b.total.count, 0)).toBe(d.actions.count);
    expect(d.groups.visit.href).toBe(`/actions?category=visit&from=${s.year}-01-01&to=${s.year}-12-31`);
  });
});

describe("[DASHBOARD] follow-ups and My work", () => {
  it("overdue, due soon and long-awaited responses: restricted ones only for those who may see them", async () => {
    const [author, outsider, manager] = await Promise.all([makeActor("STAFF"), makeActor("STAFF"), makeActor("MANAGER")]);
    const today = todayIso();
    const overdue = await makeAction(db, { createdById: author.id, status: "SENT", date: "1995-01-10", followUpDue: "1995-02-01", confidentiality: "RESTRICTED" });
    const closed = await makeAction(db, { createdById: author.id, status: "CLOSED", date: "1995-01-10", followUpDue: "1995-02-01" });
    const soon = await makeAction(db, { createdById: author.id, status: "AWAITING_RESPONSE", date: today, followUpDue: addDays(today, 3) });
    const waiting = await makeAction(db, { createdById: author.id, status: "AWAITING_RESPONSE", date: addDays(today, -90) });

    const ids = (l: { rows: { id: string }[] }) => l.rows.map((r) => r.id);
    for (const actor of [manager, outsider]) {
      const d = await getDashboard({ actor, params: {} });
      await expectEveryNumberMatchesItsList(actor, d.followUps, 3);
      const all = async (href: string) => (await findActions({ actor, params: { ...paramsOfHref(href), size: "100" } })).rows.map((r) => r.id);
      const overdueIds = await all(d.followUps.overdue.href);
      expect(overdueIds.includes(overdue.id)).toBe(actor === manager);
      expect(overdueIds).not.toContain(closed.id);
      expect(await all(d.followUps.soon.href)).toContain(soon.id);
      expect(d.followUps.awaiting.href).toContain(`to=${addDays(today, -30)}`);
      expect(await all(d.followUps.awaiting.href)).toContain(waiting.id);
    }
    // The first rows are the most overdue: a follow-up due in 1995 comes before the seed's.
    expect(ids((await getDashboard({ actor: manager, params: {} })).followUps.overdue)).toContain(overdue.id);
  });

  it("My work: the author's and the participant's own follow-ups, not a colleague's", async () => {
    const [author, participant, colleague] = await Promise.all([makeActor("STAFF"), makeActor("STAFF"), makeActor("STAFF")]);
    const mine = await makeAction(db, {
      createdById: author.id,
      participantIds: [participant.id],
      status: "SENT",
      date: "1996-03-01",
      followUpDue: "1996-04-01",
      confidentiality: "RESTRICTED",
      title: `Reminder to the HRMMU ${uniq()}`,
    });
    const open = await makeAction(db, { createdById: author.id, status: "IN_PROGRESS", date: "1996-03-02" });
    for (const actor of [author, participant]) {
      const w = await getMyWork({ actor });
      expect(w.overdue.rows.map((r) => r.id)).toEqual([mine.id]);
      expect(w.overdue.rows[0]).toMatchObject({ owner: { id: author.id, name: author.name }, status: { code: "SENT" } });
      await expectEveryNumberMatchesItsList(actor, w, 4);
    }
    const authorWork = await getMyWork({ actor: author });
    expect(authorWork.open.rows.map((r) => r.id)).toEqual(expect.arrayContaining([mine.id, open.id]));
    expect(authorWork.recent.map((r) => r.id)).toEqual(expect.arrayContaining([mine.id, open.id]));
    const theirs = await getMyWork({ actor: colleague });
    expect([theirs.overdue.count, theirs.open.count, theirs.recent.length]).toEqual([0, 0, 0]);
    expect((await findActions({ actor: colleague, params: paramsOfHref(theirs.allMineHref) })).total).toBe(0);
    expect((await findActions({ actor: author, params: paramsOfHref(authorWork.allMineHref) })).total).toBe(2);
  });

  it("My work says \"more than 1,000\" for someone with more open actions than that, and its list holds them all", async () => {
    const busy = await makeActor("STAFF");
    const first = await makeAction(db, { createdById: busy.id, status: "IN_PROGRESS", date: "1997-01-01" });
    await db.action.createMany({
      data: Array.from({ length: 1_000 }, (_, i) => ({
        title: `Busy ${i}`,
        date: new Date(`1997-02-${String(1 + (i % 28)).padStart(2, "0")}T00:00:00Z`),
        typeId: first.typeId,
        statusId: first.statusId,
        createdById: busy.id,
      })),
    });
    const w = await getMyWork({ actor: busy });
    expect(w.open).toMatchObject({ count: 1_000, countExact: false });
    expect(w.open.rows).toHaveLength(8);
    expect((await findActions({ actor: busy, params: paramsOfHref(w.open.href) })).total).toBe(1_001);
    // one fewer, and the count is exact again
    await db.action.update({ where: { id: first.id }, data: { deletedAt: new Date() } });
    expect((await getMyWork({ actor: busy })).open).toMatchObject({ count: 1_000, countExact: true });
  });
});
