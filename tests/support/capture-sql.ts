// The SQL that lib/ functions really send, for plan checks (the guard test) and for the benchmark's
// direct-SQL baseline: a Prisma client that reports every statement, installed where lib/db.ts
// looks for its client (globalThis.advocacyDb) BEFORE lib/db.ts is first imported in the process
// (or after vi.resetModules()).
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";

export type CapturedQuery = { sql: string; params: unknown[] };

export function installCapturingClient(connectionString: string) {
  const client = new PrismaClient({
    adapter: new PrismaPg({ connectionString }),
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
  (globalThis as unknown as { advocacyDb?: unknown }).advocacyDb = client;
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
