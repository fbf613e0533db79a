// The SQL that lib/ functions really send, for plan checks (the guard test) and for the benchmark's
// direct-SQL baseline: a Prisma client that reports every statement and a pg pool that does the same
// for lib/db.ts readRows, installed where lib/db.ts looks for them (globalThis.advocacyDb and
// advocacyPool) BEFORE lib/db.ts is first imported in the process (or after vi.resetModules()).
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/generated/prisma/client";

export type CapturedQuery = { sql: string; params: unknown[] };

export function installCapturingClient(connectionString: string) {
  const pool = new pg.Pool({ connectionString, allowExitOnIdle: true });
  const client = new PrismaClient({
    adapter: new PrismaPg(pool),
    omit: { user: { passwordHash: true } },
    log: [{ emit: "event", level: "query" }],
  });
  let sink: CapturedQuery[] | null = null;
  client.$on("query", (e) => {
    if (!sink) return;
    let params: unknown[] = [];
    try {
      params = JSON.parse(e.params) as unknown[];
    } catch {
      params = [];
    }
    sink.push({ sql: e.query, params });
  });
  // readRows calls pool.query(text, values); Prisma's adapter calls it with a config object (its
  // statements are reported by the query event above)
  const query = pool.query.bind(pool) as (text: unknown, values?: unknown[]) => Promise<pg.QueryResult>;
  pool.query = ((text: unknown, values?: unknown[]) => {
    if (typeof text === "string") sink?.push({ sql: text, params: values ?? [] });
    return query(text, values);
  }) as typeof pool.query;
  Object.assign(globalThis as object, { advocacyDb: client, advocacyPool: pool });
  return {
    client,
    /** The statements `fn` sends, in the order they were sent. */
    async capture<T>(fn: () => Promise<T>): Promise<{ result: T; queries: CapturedQuery[] }> {
      const queries: CapturedQuery[] = [];
      sink = queries;
      try {
        return { result: await fn(), queries };
      } finally {
        sink = null;
      }
    },
  };
}
