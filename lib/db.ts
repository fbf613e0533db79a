import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient, type Prisma } from "@/generated/prisma/client";

// One client per process (globalThis survives Next's dev-mode module reloads). It omits the password
// hash everywhere: the one place that needs it (sign-in) asks for it explicitly.
// At run time the app connects as APP_DATABASE_URL's role (no UPDATE/DELETE on the audit trail);
// DATABASE_URL is the owner's connection, used for migrations and as a fallback.
const createPool = () =>
  new pg.Pool({
    connectionString: process.env.APP_DATABASE_URL ?? process.env.DATABASE_URL ?? "postgresql://localhost/unset",
    // No JIT compilation: the app's queries are short, and on counts over large tables PostgreSQL
    // would spend 100–250 ms compiling a plan that then runs in 20 ms (bench/dashboard.ts).
    options: "-c jit=off",
    // Prisma's $disconnect leaves a pool it was given open: let a script end when its work is done
    // instead of waiting for idle connections to time out (the server's listener keeps it alive).
    allowExitOnIdle: true,
  });

const createClient = (pool: pg.Pool) =>
  new PrismaClient({
    adapter: new PrismaPg(pool),
    omit: { user: { passwordHash: true } },
    // Audited writes queue on the chain's advisory lock: give a burst of writers time to get a
    // connection and finish instead of failing after Prisma's 2 s default wait.
    transactionOptions: { maxWait: 10_000, timeout: 15_000 },
  });

type Client = ReturnType<typeof createClient>;
const globalForDb = globalThis as unknown as { advocacyDb?: Client; advocacyPool?: pg.Pool };

const pool: pg.Pool = globalForDb.advocacyPool ?? createPool();
globalForDb.advocacyPool = pool;
export const db: Client = globalForDb.advocacyDb ?? createClient(pool);
globalForDb.advocacyDb = db;

/**
 * A read on Prisma's own connection pool without Prisma, for the few hot queries that pass long id
 * lists: Prisma handles every element of a parameter on its own (an array of 2,000 ids cost 5.6 ms
 * of the app's CPU, 300 ids in an `in` filter 8.9 ms), pg sends the array as one text value (1.3 and
 * 0.4 ms; bench/export-csv.ts). Outside any transaction. Rows come as pg parses them: ask for text,
 * integers and booleans.
 */
export async function readRows<Row extends pg.QueryResultRow>(query: Prisma.Sql): Promise<Row[]> {
  return (await pool.query<Row>(query.text, query.values)).rows;
}

export type Db = Client;
/** The transaction client that $transaction passes to its callback. */
export type Tx = Parameters<Parameters<Client["$transaction"]>[0]>[0];
