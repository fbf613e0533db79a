// Guard: the query plans of the lists and searches the app really sends (captured from Prisma while
// the lib functions run) use indexes, never a sequential scan of the big tables. On this small test
// database PostgreSQL would rightly read whole tables, so sequential scans are priced out
// (enable_seqscan = off): a plan that still has one has no index to use, which at 1,000,000 actions
// means seconds per page. bench/lists.ts measures the same queries at that size.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/permissions";
import { makeAction, makeOrganization, makeOutcome, makeUser } from "@/prisma/factories";
import { installCapturingClient, type CapturedQuery } from "@/tests/support/capture-sql";

/** Tables that grow with the work: a sequential scan of any of them in a list query fails the guard. */
const BIG = ["Action", "Outcome", "ActionOutcomeLink", "ActionParticipant", "ActionOrganization", "ActionCampaign"];

type PlanNode = { "Node Type": string; "Relation Name"?: string; "Index Name"?: string; Plans?: PlanNode[] };
const nodes = (n: PlanNode): PlanNode[] => [n, ...(n.Plans ?? []).flatMap(nodes)];

let capture: ReturnType<typeof installCapturingClient>;
let sql: pg.Client;
let lib: {
  findActions: typeof import("@/lib/actions/queries").findActions;
  findOutcomes: typeof import("@/lib/outcomes/queries").findOutcomes;
  searchActionsForLink: typeof import("@/lib/actions/queries").searchActionsForLink;
};
let staff: Actor;
let manager: Actor;

beforeAll(async () => {
  // Installed before lib/db.ts is first imported in this file's module graph: lib/ then uses it.
  capture = installCapturingClient(process.env.APP_DATABASE_URL ?? process.env.DATABASE_URL!);
  const { ensureVocabulary } = await import("@/prisma/vocabulary");
  await ensureVocabulary(capture.client);
  const actions = await import("@/lib/actions/queries");
  const outcomes = await import("@/lib/outcomes/queries");
  lib = {
    findActions: actions.findActions,
    searchActionsForLink: actions.searchActionsForLink,
    findOutcomes: outcomes.findOutcomes,
  };
  const s = await makeUser(capture.client, { role: "STAFF" });
  const m = await makeUser(capture.client, { role: "MANAGER" });
  staff = { id: s.id, email: s.email, name: s.name, role: "STAFF" };
  manager = { id: m.id, email: m.email, name: m.name, role: "MANAGER" };
  const org = await makeOrganization(capture.client);
  for (let i = 0; i < 12; i++) {
    await makeAction(capture.client, {
      createdById: s.id,
      organizationIds: [org.id],
      title: `Звернення щодо військовополонених ${i}`,
    });
    await makeOutcome(capture.client, { createdById: s.id });
  }
  sql = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await sql.connect();
  await sql.query("ANALYZE");
  await sql.query("SET enable_seqscan = off");
});

afterAll(async () => {
  await sql?.end();
  await capture?.client.$disconnect();
});

async function plans(queries: CapturedQuery[]) {
  const out: { sql: string; scans: PlanNode[] }[] = [];
  for (const q of queries) {
    if (!/^\s*SELECT/i.test(q.sql)) continue;
    const { rows } = await sql.query(`EXPLAIN (FORMAT JSON) ${q.sql}`, q.params);
    out.push({ sql: q.sql, scans: nodes((rows[0]["QUERY PLAN"] as { Plan: PlanNode }[])[0].Plan) });
  }
  return out;
}

/** No sequential scan of a big table in any statement `run` sends; returns the index names used. */
async function expectIndexed(label: string, run: () => Promise<unknown>): Promise<string[]> {
  const { queries } = await capture.capture(run);
  expect(queries.length, `${label}: no SQL captured`).toBeGreaterThan(0);
  const used: string[] = [];
  for (const p of await plans(queries)) {
    const seq = p.scans.filter((n) => n["Node Type"] === "Seq Scan" && BIG.includes(n["Relation Name"] ?? ""));
    expect(
      seq.map((n) => n["Relation Name"]),
      `${label}: sequential scan in\n${p.sql}`,
    ).toEqual([]);
    used.push(...p.scans.flatMap((n) => (n["Index Name"] ? [n["Index Name"]] : [])));
  }
  return used;
}

const SORTS = ["date", "title", "followUpDue", "updatedAt"] as const;

describe("[PERF] list and search queries use indexes", () => {
  it("the actions list, as staff and as a manager, in every indexed order, first page and past a cursor", async () => {
    for (const actor of [staff, manager])
      for (const sort of SORTS)
        for (const dir of ["asc", "desc"] as const) {
          const first = await lib.findActions({ actor, params: { sort, dir, size: "10" } });
          const used = await expectIndexed(`${actor.role} ${sort} ${dir}`, () =>
            lib.findActions({ actor, params: { sort, dir, size: "10" } }),
          );
          // The page walks the sort key's own (key, id) index (migration 20261203060000_list_indexes),
          // not another index followed by a sort of every visible row.
          if (actor === manager)
            expect(
              used.filter((n) => n.startsWith(`Action_${sort}_`)),
              `${sort} ${dir}: ${used.join(", ")}`,
            ).not.toEqual([]);
          expect(first.next, `${sort} ${dir}: a next page`).not.toBeNull();
          await expectIndexed(`${actor.role} ${sort} ${dir} after`, () =>
            lib.findActions({ actor, params: { sort, dir, size: "10", after: first.next! } }),
          );
          await expectIndexed(`${actor.role} ${sort} ${dir} before`, () =>
            lib.findActions({ actor, params: { sort, dir, size: "10", before: first.next! } }),
          );
        }
  });

  it("the actions list filtered by type, by date range and by the translation queue", async () => {
    await expectIndexed("type", () => lib.findActions({ actor: staff, params: { type: "LETTER_APPEAL" } }));
    await expectIndexed("range", () => lib.findActions({ actor: staff, params: { from: "2016-01-01", to: "2026-12-31" } }));
    await expectIndexed("translation", () => lib.findActions({ actor: staff, params: { needsTranslation: "1" } }));
  });

  it("\"mine\" (author or participant: My work and the list's filter) asks the people index", async () => {
    // The SQL says "people" @> ARRAY[me], not the OR over the participants that no index answers …
    const runs: [string, () => Promise<unknown>][] = [
      ["mine", () => lib.findActions({ actor: staff, params: { mine: "1", size: "10" } })],
      ["my work", async () => (await import("@/lib/dashboard/queries")).getMyWork({ actor: staff })],
    ];
    for (const [label, run] of runs) {
      await expectIndexed(label, run);
      const { queries } = await capture.capture(run);
      const actionQueries = queries.filter((q) => /FROM "public"\."Action"/.test(q.sql) && /"people" @>/.test(q.sql));
      expect(actionQueries.length, `${label}: no query filters on people`).toBeGreaterThan(0);
    }
    // … and that condition has its index (on this small database the planner may still prefer another).
    const { rows } = await sql.query(`EXPLAIN (FORMAT JSON) SELECT count(*) FROM "Action" WHERE "people" @> ARRAY[$1::text]`, [staff.id]);
    const used = nodes((rows[0]["QUERY PLAN"] as { Plan: PlanNode }[])[0].Plan).flatMap((n) => (n["Index Name"] ? [n["Index Name"]] : []));
    expect(used).toContain("Action_people_idx");
  });

  it("text search in Ukrainian and English, in the list and the link picker", async () => {
    for (const q of ["військовополонених", "ombudsman", "Red Cross 2024"]) {
      await expectIndexed(`search ${q}`, () => lib.findActions({ actor: staff, params: { q } }));
      await expectIndexed(`picker ${q}`, () => lib.searchActionsForLink({ actor: staff, q }));
      await expectIndexed(`outcomes ${q}`, () => lib.findOutcomes({ actor: staff, params: { q } }));
    }
  });

  it("the outcomes list by date", async () => {
    await expectIndexed("outcomes", () => lib.findOutcomes({ actor: staff, params: { sort: "date", dir: "desc" } }));
  });

  it("would catch a missing index: a filter on an unindexed column is reported", async () => {
    // The guard's own check: a query the indexes cannot answer must show up as a sequential scan.
    const { rows } = await sql.query(`EXPLAIN (FORMAT JSON) SELECT id FROM "Action" WHERE "responseSummary" = 'x'`);
    const scans = nodes((rows[0]["QUERY PLAN"] as { Plan: PlanNode }[])[0].Plan);
    expect(scans.some((n) => n["Node Type"] === "Seq Scan" && n["Relation Name"] === "Action")).toBe(true);
  });
});
