import { describe, expect, it } from "vitest";
import { Prisma } from "@/generated/prisma/client";
import { db, readRows } from "@/lib/db";
import { actionScope, actionScopeSql, outcomeScope, outcomeScopeSql, type Actor } from "@/lib/permissions";
import { makeAction, makeLink, makeOutcome } from "@/prisma/factories";
import { makeActor } from "@/tests/support/fixtures";

const CONFIDENTIALITY = ["PUBLIC", "INTERNAL", "RESTRICTED"] as const;

/**
 * Records of every confidentiality, by the reader or someone else, with and without the reader
 * taking part, deleted or not; restricted outcomes reached only through a link to an action the
 * reader wrote or takes part in (a deleted one too, which must not count).
 */
async function world(reader: Actor) {
  const other = await makeActor("STAFF");
  const actions: string[] = [];
  const via: Record<"authored" | "participating" | "deleted" | "foreign", string> = {} as never;
  for (const confidentiality of CONFIDENTIALITY)
    for (const author of [reader, other])
      for (const participates of [false, true])
        for (const deleted of [false, true]) {
          const a = await makeAction(db, {
            confidentiality,
            createdById: author.id,
            participantIds: participates ? [reader.id] : [],
          });
          if (deleted) await db.action.update({ where: { id: a.id }, data: { deletedAt: new Date() } });
          actions.push(a.id);
          if (confidentiality === "RESTRICTED") {
            const key = deleted ? "deleted" : author === reader ? "authored" : participates ? "participating" : "foreign";
            via[key] ??= a.id;
          }
        }
  const outcomes: string[] = [];
  for (const confidentiality of CONFIDENTIALITY)
    for (const author of [reader, other])
      for (const deleted of [false, true]) {
        const o = await makeOutcome(db, { confidentiality, createdById: author.id });
        if (deleted) await db.outcome.update({ where: { id: o.id }, data: { deletedAt: new Date() } });
        outcomes.push(o.id);
      }
  // restricted outcomes of someone else, each linked to one of the actions above
  for (const actionId of Object.values(via)) {
    const o = await makeOutcome(db, { confidentiality: "RESTRICTED", createdById: other.id });
    await makeLink(db, { actionId, outcomeId: o.id, createdById: other.id });
    outcomes.push(o.id);
  }
  return { actions, outcomes };
}

const ids = (rows: { id: string }[]) => rows.map((r) => r.id).sort();

describe("[PERMISSIONS] the SQL form of the record scopes", () => {
  it("lets through exactly the records actionScope and outcomeScope let through, for every role", async () => {
    const reader = await makeActor("STAFF");
    const { actions, outcomes } = await world(reader);
    const readers = [reader, await makeActor("MANAGER"), await makeActor("AUDITOR"), await makeActor("ADMIN")];
    for (const actor of readers) {
      const viaPrisma = {
        actions: ids(
          await db.action.findMany({ where: { AND: [{ id: { in: actions } }, actionScope(actor)] }, select: { id: true } }),
        ),
        outcomes: ids(
          await db.outcome.findMany({ where: { AND: [{ id: { in: outcomes } }, outcomeScope(actor)] }, select: { id: true } }),
        ),
      };
      const viaSql = {
        actions: ids(
          await readRows<{ id: string }>(
            Prisma.sql`SELECT a."id" FROM "Action" a WHERE a."id" = ANY(${actions}::text[]) AND ${actionScopeSql(actor, "a")}`,
          ),
        ),
        outcomes: ids(
          await readRows<{ id: string }>(
            Prisma.sql`SELECT o."id" FROM "Outcome" o WHERE o."id" = ANY(${outcomes}::text[]) AND ${outcomeScopeSql(actor, "o")}`,
          ),
        ),
      };
      expect(viaSql, actor.role).toEqual(viaPrisma);
    }
  });

  it("the world tells the roles apart: staff see fewer records than a manager, and no deleted ones", async () => {
    const reader = await makeActor("STAFF");
    const manager = await makeActor("MANAGER");
    const { actions, outcomes } = await world(reader);
    const count = async (actor: Actor) => ({
      actions: (
        await readRows<{ id: string }>(
          Prisma.sql`SELECT a."id" FROM "Action" a WHERE a."id" = ANY(${actions}::text[]) AND ${actionScopeSql(actor, "a")}`,
        )
      ).length,
      outcomes: (
        await readRows<{ id: string }>(
          Prisma.sql`SELECT o."id" FROM "Outcome" o WHERE o."id" = ANY(${outcomes}::text[]) AND ${outcomeScopeSql(actor, "o")}`,
        )
      ).length,
    });
    // 24 actions, 12 of them live; of the live restricted ones by someone else, the reader takes part in one
    expect(await count(manager)).toEqual({ actions: 12, outcomes: 6 + 4 });
    // 6 live outcomes but the other's restricted one; of the 4 linked restricted ones, those reached
    // through a live action the reader wrote or takes part in
    expect(await count(reader)).toEqual({ actions: 11, outcomes: 5 + 2 });
  });

  it("refuses an alias that is not a plain name", () => {
    expect(() => actionScopeSql({ id: "u", role: "STAFF" } as Actor, 'a"; DROP TABLE x; --')).toThrow(/alias/);
  });
});
