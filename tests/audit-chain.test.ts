// The tamper-evident audit trail against a real PostgreSQL database of its own: the hash chain after
// real mutations, tampering as the superuser (an edited row, a removed row, removed newest rows),
// 50 concurrent writers, and the grants of the app's database role.
//
// Tampering breaks the chain for everything written after it, so this file does not share the test
// database: it creates `<prefix>_chain_<random>`, migrates it, and points lib/db at it (as the app
// role, like production). Every lib function imported here therefore runs against that database.
import { spawnSync } from "node:child_process";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const CHAIN = vi.hoisted(() => {
  const owner = new URL(process.env.DATABASE_URL ?? "postgresql://localhost/unset");
  const prefix = owner.pathname.slice(1).replace(/_test$/, "") || "advocacy";
  const name = `${prefix}_chain_${Math.random().toString(36).slice(2, 10)}`;
  const at = (url: string) => {
    const u = new URL(url);
    u.pathname = `/${name}`;
    return u.toString();
  };
  return {
    name,
    ownerUrl: at(owner.toString()),
    // The runner sets APP_DATABASE_URL to the app role (cluster-wide, so it can use this database too).
    appUrl: at(process.env.APP_DATABASE_URL ?? owner.toString()),
  };
});

vi.mock("@/lib/db", async () => {
  const { ensureDatabase, migrate } = await import("@/scripts/db-utils.mjs");
  await ensureDatabase(CHAIN.ownerUrl, { recreate: true });
  migrate(CHAIN.ownerUrl, { quiet: true });
  const { PrismaPg } = await import("@prisma/adapter-pg");
  const { PrismaClient } = await import("@/generated/prisma/client");
  // As lib/db.ts builds it, except for how long a transaction may wait to start: 50 writers queue for
  // the chain's lock while holding pool connections, and on a busy machine the last ones wait longer
  // than Prisma's default 2 s (P2028). These tests are about the chain, not about that wait.
  const db = new PrismaClient({
    adapter: new PrismaPg({ connectionString: CHAIN.appUrl }),
    omit: { user: { passwordHash: true } },
    transactionOptions: { maxWait: 30_000, timeout: 30_000 },
  });
  return { db };
});

import { createAction, deleteAction, updateAction } from "@/lib/actions/mutations";
import { recordAudit } from "@/lib/audit";
import { checkAuditChain, verifyAuditChain, type ChainReport } from "@/lib/audit-log/chain";
import { createCampaign, updateCampaign } from "@/lib/campaigns/mutations";
import { db } from "@/lib/db";
import { createLink, deleteLink, updateLink } from "@/lib/links/mutations";
import { createOrganization, updateOrganization } from "@/lib/organizations/mutations";
import { createOutcome } from "@/lib/outcomes/mutations";
import { ensureVocabulary } from "@/prisma/vocabulary";
import { makeActors } from "@/tests/support/fixtures";
import { actionInput, outcomeInput } from "@/tests/support/inputs";

type Actors = Awaited<ReturnType<typeof makeActors>>;
let actors: Actors;

/** A connection as the superuser that owns the database (the one who may bypass the triggers). */
async function asOwner<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: CHAIN.ownerUrl });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** Runs statements as the superuser with the append-only triggers bypassed, as an attacker with full access would. */
const tamper = (sql: string, params: unknown[] = []) =>
  asOwner(async (c) => {
    await c.query("BEGIN");
    await c.query("SET LOCAL session_replication_role = replica");
    const res = await c.query(sql, params);
    await c.query("COMMIT");
    return res;
  });

const headRow = () => db.auditEvent.findFirst({ orderBy: { id: "desc" }, select: { id: true, hash: true, event: true } });

const expectIntact = (r: ChainReport) => {
  expect(r.status, JSON.stringify(r)).toBe("intact");
  return r as Extract<ChainReport, { status: "intact" }>;
};

/** The SQLSTATE of a failed statement (undefined when it succeeded). */
async function sqlState(c: pg.Client, sql: string): Promise<{ code?: string; message?: string }> {
  try {
    await c.query(sql);
    return {};
  } catch (e) {
    const err = e as { code?: string; message?: string };
    return { code: err.code, message: err.message };
  }
}

/** `npm run audit:verify` against this database: its output and exit code. */
function runAuditVerify() {
  const res = spawnSync("node", ["--conditions=react-server", "--import", "tsx", "scripts/audit-verify.ts"], {
    env: { ...process.env, DATABASE_URL: CHAIN.ownerUrl, APP_DATABASE_URL: CHAIN.appUrl },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { status: res.status, out: `${res.stdout}${res.stderr}` };
}

beforeAll(async () => {
  // tests/support/setup.ts seeds the shared test database; this one needs the vocabularies too
  await ensureVocabulary(db);
  actors = await makeActors();
}, 120_000);

afterAll(async () => {
  await db.$disconnect();
  const admin = new URL(CHAIN.ownerUrl);
  admin.pathname = "/postgres";
  const c = new pg.Client({ connectionString: admin.toString() });
  await c.connect();
  try {
    await c.query(`DROP DATABASE IF EXISTS "${CHAIN.name}" WITH (FORCE)`);
  } finally {
    await c.end();
  }
});

describe("the audit hash chain", () => {
  it("[AUDIT] verifies after a series of real changes, and anchors the head", async () => {
    const { staff, manager, auditor } = actors;
    const start = await checkAuditChain();
    expectIntact(start);
    const startHead = await headRow();

    const org = await createOrganization({ actor: manager, input: { name: "Asia Pacific Forum of NHRIs", kind: "NETWORK" } });
    await updateOrganization({
      actor: manager,
      id: org.id,
      input: { name: "Asia Pacific Forum of NHRIs", acronym: "APF", kind: "NETWORK" },
    });
    const campaign = await createCampaign({ actor: manager, input: { title: "Keep the APF informed", status: "ACTIVE" } });
    await updateCampaign({ actor: manager, id: campaign.id, input: { title: "Keep the APF informed", status: "PAUSED" } });
    const action = await createAction({ actor: staff, input: actionInput({ organizationIds: [org.id] }) });
    await updateAction({
      actor: staff,
      id: action.id,
      input: actionInput({ organizationIds: [org.id], status: "AWAITING_RESPONSE" }),
    });
    const outcome = await createOutcome({ actor: staff, input: outcomeInput() });
    const link = await createLink({
      actor: staff,
      input: { actionId: action.id, outcomeId: outcome.id, contribution: "CONTRIBUTORY" },
    });
    await updateLink({ actor: staff, id: link.id, input: { contribution: "DECISIVE", evidenceNote: "Cited in the SCA report" } });
    await deleteLink({ actor: staff, id: link.id });
    await deleteAction({ actor: staff, id: action.id });

    const written = await db.auditEvent.findMany({ where: { id: { gt: startHead?.id ?? -1n } }, orderBy: { id: "asc" } });
    expect(written.map((e) => e.event)).toEqual([
      "organization.created",
      "organization.updated",
      "campaign.created",
      "campaign.updated",
      "action.created",
      "action.updated",
      "outcome.created",
      "link.created",
      "link.updated",
      "link.deleted",
      "action.deleted",
    ]);
    // each row names the one before it
    for (let i = 1; i < written.length; i++) expect(written[i].prevHash).toBe(written[i - 1].hash);
    expect(written[0].prevHash).toBe(startHead?.hash ?? null);

    const report = expectIntact(await verifyAuditChain({ actor: auditor }));
    expect(report.count).toBe(start.count + written.length);
    expect(report.headHash).toBe(written[written.length - 1].hash);
    expect(report.headId).toBe(written[written.length - 1].id.toString());

    // The verification is itself in the trail, and its event is the new anchor.
    const verified = await headRow();
    expect(verified?.event).toBe("audit.verified");
    const anchor = await db.auditAnchor.findFirst({ orderBy: { id: "desc" } });
    expect(anchor).toMatchObject({ headId: verified!.id, headHash: verified!.hash, eventCount: report.count + 1 });
    const again = expectIntact(await checkAuditChain());
    expect(again.anchor?.headId).toBe(verified!.id.toString());
  });

  it("[AUDIT] 50 concurrent writers leave one chain: no fork, every link in place", async () => {
    const { staff } = actors;
    const before = expectIntact(await checkAuditChain());
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) => createAction({ actor: staff, input: actionInput({ title: `Parallel appeal ${i}` }) })),
    );
    const failed = results.filter((r) => r.status === "rejected");
    expect(failed, String((failed[0] as PromiseRejectedResult | undefined)?.reason)).toEqual([]);
    const ids = results.map((r) => (r as PromiseFulfilledResult<{ id: string }>).value.id);

    const rows = await db.auditEvent.findMany({ where: { entityId: { in: ids } }, orderBy: { id: "asc" } });
    expect(rows).toHaveLength(50);
    expect(rows.every((r) => r.event === "action.created")).toBe(true);

    // No two rows continue the same predecessor, and every row continues the row just before it.
    const [{ rows: total, prevs, distinct, gaps }] = await db.$queryRaw<
      { rows: bigint; prevs: bigint; distinct: bigint; gaps: bigint }[]
    >`
      SELECT count(*) AS rows, count("prevHash") AS prevs, count(DISTINCT "prevHash") AS distinct,
             count(*) FILTER (WHERE "prevHash" IS DISTINCT FROM prev) AS gaps
      FROM (SELECT "prevHash", lag(hash) OVER (ORDER BY id) AS prev FROM "AuditEvent") t`;
    expect(prevs).toBe(distinct);
    expect(prevs).toBe(total - 1n);
    expect(gaps).toBe(0n);

    const after = expectIntact(await checkAuditChain());
    expect(after.count).toBe(before.count + 50);
  });

  it("[AUDIT] 50 concurrent bare recordAudit transactions also serialize", async () => {
    const before = expectIntact(await checkAuditChain());
    await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        db.$transaction((tx) =>
          recordAudit(tx, { actor: actors.auditor, event: "test.concurrent", entity: "Test", entityId: `c${i}` }),
        ),
      ),
    );
    const after = expectIntact(await checkAuditChain());
    expect(after.count).toBe(before.count + 50);
  });
});

describe("the app's database role cannot rewrite the audit trail", () => {
  it("[AUDIT] as the app role: UPDATE, DELETE and TRUNCATE fail with 42501, INSERT works, triggers stay on", async () => {
    expect(new URL(CHAIN.appUrl).username, "the tests must run with APP_DATABASE_URL set to the app role").not.toBe(
      new URL(CHAIN.ownerUrl).username,
    );
    const target = (await headRow())!;
    const c = new pg.Client({ connectionString: CHAIN.appUrl });
    await c.connect();
    try {
      // it can read
      expect((await c.query('SELECT count(*) FROM "AuditEvent"')).rows[0].count).not.toBe("0");

      for (const table of ["AuditEvent", "AuditAnchor"]) {
        for (const sql of [
          `UPDATE "${table}" SET "${table === "AuditEvent" ? "event" : "headHash"}" = 'forged' WHERE id = ${target.id}`,
          `DELETE FROM "${table}" WHERE id = ${target.id}`,
          `TRUNCATE "${table}"`,
        ]) {
          const res = await sqlState(c, sql);
          expect(res.code, sql).toBe("42501");
          // refused by the grants, before any trigger runs
          expect(res.message, sql).toMatch(/permission denied/);
        }
      }

      // It may not switch the triggers off, nor skip them.
      for (const sql of [
        'ALTER TABLE "AuditEvent" DISABLE TRIGGER ALL',
        'ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_no_update_delete"',
        "SET session_replication_role = replica",
      ]) {
        expect((await sqlState(c, sql)).code, sql).toBe("42501");
      }

      // INSERT is allowed (that is how every change is recorded); rolled back so the chain stays whole.
      await c.query("BEGIN");
      const inserted = await c.query(
        `INSERT INTO "AuditEvent" (event, entity, hash, "prevHash") VALUES ('test.insert', 'Test', md5(random()::text), md5(random()::text)) RETURNING id`,
      );
      expect(inserted.rowCount).toBe(1);
      await c.query("ROLLBACK");
    } finally {
      await c.end();
    }
    expect(await db.auditEvent.findFirst({ where: { id: target.id }, select: { event: true } })).toEqual({ event: target.event });
    expectIntact(await checkAuditChain());
  });

  it("[AUDIT] even the owner cannot UPDATE, DELETE or TRUNCATE while the triggers are on", async () => {
    const target = (await headRow())!;
    await asOwner(async (c) => {
      for (const sql of [
        `UPDATE "AuditEvent" SET event = 'forged' WHERE id = ${target.id}`,
        `DELETE FROM "AuditEvent" WHERE id = ${target.id}`,
        'TRUNCATE "AuditEvent"',
        'TRUNCATE "AuditAnchor"',
      ]) {
        const res = await sqlState(c, sql);
        expect(res.code, sql).toBe("42501");
        expect(res.message, sql).toMatch(/append-only/);
      }
    });
    expectIntact(await checkAuditChain());
  });
});

describe("tampering is detected", () => {
  it("[AUDIT] an edited row: verify names exactly that row; restoring it makes the chain whole again", async () => {
    const { staff, auditor } = actors;
    const action = await createAction({ actor: staff, input: actionInput({ title: "Letter to the SPT" }) });
    await updateAction({ actor: staff, id: action.id, input: actionInput({ title: "Letter to the SPT", status: "CLOSED" }) });
    await createAction({ actor: staff, input: actionInput({ title: "A later letter" }) });
    const target = (await db.auditEvent.findFirst({ where: { entityId: action.id, event: "action.updated" } }))!;
    const anchorsBefore = await db.auditAnchor.count();

    const { rows } = await asOwner((c) => c.query(`SELECT "after"::text AS after FROM "AuditEvent" WHERE id = $1`, [target.id]));
    const original = rows[0].after as string;
    await tamper(`UPDATE "AuditEvent" SET "after" = jsonb_set("after", '{status}', '"SENT"') WHERE id = $1`, [target.id]);

    const report = await checkAuditChain();
    expect(report).toMatchObject({ status: "broken", brokenEventId: target.id.toString(), reason: "hash" });

    // The button's path and the CLI say the same; neither anchors a broken chain.
    expect(await verifyAuditChain({ actor: auditor })).toMatchObject({ status: "broken", brokenEventId: target.id.toString() });
    const cli = runAuditVerify();
    expect(cli.status).toBe(1);
    expect(cli.out).toContain(`BROKEN at event ${target.id}`);
    expect(await db.auditAnchor.count()).toBe(anchorsBefore);
    const recorded = await headRow();
    expect(recorded?.event).toBe("audit.verified");

    await tamper(`UPDATE "AuditEvent" SET "after" = $2::jsonb WHERE id = $1`, [target.id, original]);
    expectIntact(await checkAuditChain());
  });

  it("[AUDIT] a removed row in the middle: verify names the row after the gap", async () => {
    const { staff } = actors;
    const a = await createAction({ actor: staff, input: actionInput({ title: "Removed from the trail" }) });
    const b = await createAction({ actor: staff, input: actionInput({ title: "Written after it" }) });
    const removed = (await db.auditEvent.findFirst({ where: { entityId: a.id } }))!;
    const next = (await db.auditEvent.findFirst({ where: { entityId: b.id } }))!;
    const { rows } = await asOwner((c) =>
      c.query(`SELECT row_to_json(e)::text AS row FROM "AuditEvent" e WHERE id = $1`, [removed.id]),
    );

    await tamper(`DELETE FROM "AuditEvent" WHERE id = $1`, [removed.id]);
    expect(await checkAuditChain()).toMatchObject({ status: "broken", brokenEventId: next.id.toString(), reason: "link" });

    await tamper(`INSERT INTO "AuditEvent" SELECT * FROM json_populate_record(NULL::"AuditEvent", $1::json)`, [rows[0].row]);
    expectIntact(await checkAuditChain());
  });

  it("[AUDIT] the newest rows removed after an anchor: verify reports the truncation, and keeps reporting it", async () => {
    const { staff, auditor } = actors;
    const cliIntact = runAuditVerify();
    expect(cliIntact.status, cliIntact.out).toBe(0);
    expect(cliIntact.out).toMatch(/^intact, \d+ events, head hash [0-9a-f]{64}$/m);

    expectIntact(await verifyAuditChain({ actor: auditor }));
    const anchor = (await db.auditAnchor.findFirst({ orderBy: { id: "desc" } }))!;
    await createAction({ actor: staff, input: actionInput({ title: "Written after the anchor" }) });
    const beforeAnchor = (await db.auditEvent.findFirst({ where: { id: { lt: anchor.headId } }, orderBy: { id: "desc" } }))!;

    // Someone removes the anchored head and everything after it: every remaining link is intact.
    await tamper(`DELETE FROM "AuditEvent" WHERE id >= $1`, [anchor.headId]);
    const report = await checkAuditChain();
    expect(report).toMatchObject({
      status: "truncated",
      headId: beforeAnchor.id.toString(),
      headHash: beforeAnchor.hash,
      anchor: { headId: anchor.headId.toString(), headHash: anchor.headHash },
    });

    // Verifying appends to the chain again but does not anchor over the gap: it stays "truncated".
    const anchors = await db.auditAnchor.count();
    expect(await verifyAuditChain({ actor: auditor })).toMatchObject({ status: "truncated" });
    expect(await db.auditAnchor.count()).toBe(anchors);
    const cli = runAuditVerify();
    expect(cli.status).toBe(1);
    expect(cli.out).toContain(`TRUNCATED`);
    expect(cli.out).toContain(anchor.headHash);
  });
});
