import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";

// One client per process (globalThis survives Next's dev-mode module reloads). It omits the password
// hash everywhere: the one place that needs it (sign-in) asks for it explicitly.
// At run time the app connects as APP_DATABASE_URL's role (no UPDATE/DELETE on the audit trail);
// DATABASE_URL is the owner's connection, used for migrations and as a fallback.
const createClient = () =>
  new PrismaClient({
    adapter: new PrismaPg({
      connectionString: process.env.APP_DATABASE_URL ?? process.env.DATABASE_URL ?? "postgresql://localhost/unset",
      // No JIT compilation: the app's queries are short, and on counts over large tables PostgreSQL
      // would spend 100–250 ms compiling a plan that then runs in 20 ms (bench/dashboard.ts).
      options: "-c jit=off",
    }),
    omit: { user: { passwordHash: true } },
    // Audited writes queue on the chain's advisory lock: give a burst of writers time to get a
    // connection and finish instead of failing after Prisma's 2 s default wait.
    transactionOptions: { maxWait: 10_000, timeout: 15_000 },
  });

type Client = ReturnType<typeof createClient>;
const globalForDb = globalThis as unknown as { advocacyDb?: Client };

export const db: Client = globalForDb.advocacyDb ?? createClient();
globalForDb.advocacyDb = db;

export type Db = Client;
/** The transaction client that $transaction passes to its callback. */
export type Tx = Parameters<Parameters<Client["$transaction"]>[0]>[0];
