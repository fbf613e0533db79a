// Runs before every test file: refuses any database but a local one (tests write to it).
const url = process.env.DATABASE_URL;
if (!url) throw new Error("DATABASE_URL is not set: run the tests with `npm test` (or `npm run test:unit`).");
const host = new URL(url).hostname;
if (!["127.0.0.1", "localhost", "::1", "[::1]"].includes(host)) throw new Error(`Refusing to run tests against ${host}`);

// The controlled vocabularies are reference data every real database gets from the seed; domain
// functions look terms up by code, so a freshly migrated test database needs them before the first
// test (the factories only add them lazily). Idempotent, so each file may run it. Only files that
// loaded the app's client (lib/db.ts keeps it on globalThis) touch the database: pure unit test
// files stay free of a connection.
import { beforeAll } from "vitest";
beforeAll(async () => {
  const db = (globalThis as { advocacyDb?: import("@/lib/db").Db }).advocacyDb;
  if (!db) return;
  const { ensureVocabulary } = await import("@/prisma/vocabulary");
  await ensureVocabulary(db);
});
