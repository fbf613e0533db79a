// Measurement of the import of past logs (lib/import) with a 50,000-row CSV: the dry run, the
// import (one transaction), and a colleague's normal save (createAction) started while the import
// runs, and the longest the event loop was blocked during each (what other requests of the same
// process wait at worst). Outside the test suite.
//
//   npx tsx --conditions=react-server bench/import.ts [--url …] [--rows 50000]
//
// The database (imp_bench on 127.0.0.1:5432 unless --url says otherwise) is recreated, migrated and
// seeded with the demo data on every run.
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import { ensureDatabase, migrate, seed } from "../scripts/db-utils.mjs";

const args = process.argv.slice(2);
const arg = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const url = arg("url") ?? "postgresql://postgres@127.0.0.1:5432/imp_bench";
const rows = Number(arg("rows") ?? 50_000);
const host = new URL(url).hostname;
if (!["127.0.0.1", "localhost", "::1"].includes(host)) throw new Error(`Refusing a non-local database (${host})`);

async function main() {
  await ensureDatabase(url, { recreate: true });
  migrate(url, { quiet: true });
  seed(url, { quiet: true });
  process.env.DATABASE_URL = url;
  process.env.APP_DATABASE_URL = url;

  const { db } = await import("../lib/db");
  const { dryRunImport, runImport } = await import("../lib/import/mutations");
  const { createAction } = await import("../lib/actions/mutations");
  const actorOf = async (email: string) => {
    const u = await db.user.findUniqueOrThrow({ where: { email } });
    return { id: u.id, email: u.email, name: u.name, role: u.role };
  };
  const manager = await actorOf("manager@example.org");
  const staff = await actorOf("staff@example.org");

  const lines = ["Title;Date;Type;Status;Organizations;Reference;Summary;Confidentiality"];
  for (let i = 0; i < rows; i++)
    lines.push(
      `Letter ${i} on the accreditation;${i % 3 ? "14.05.2023" : "2023-05"};Letter or appeal;Sent;GANHRI;B-${i};Past log line ${i};${i % 10 ? "Internal" : "Restricted"}`,
    );
  const bytes = new TextEncoder().encode(lines.join("\n"));
  const file = { name: "bench.csv", bytes };
  const input = {
    kind: "action",
    mapping: {
      title: "Title",
      date: "Date",
      type: "Type",
      status: "Status",
      organizations: "Organizations",
      referenceNumber: "Reference",
      summary: "Summary",
      confidentiality: "Confidentiality",
    },
  };
  console.log(`CSV: ${rows.toLocaleString("en")} rows, ${(bytes.byteLength / 1024 / 1024).toFixed(1)} MB`);

  const loop = monitorEventLoopDelay({ resolution: 10 });
  const maxBlockMs = () => (loop.max / 1e6).toFixed(0);
  let t = performance.now();
  loop.enable();
  const report = await dryRunImport({ actor: manager, file, input });
  loop.disable();
  console.log(
    `dry run: ${((performance.now() - t) / 1000).toFixed(2)} s (${report.toCreate} to create, ${report.errors} errors), event loop blocked at most ${maxBlockMs()} ms`,
  );
  loop.reset();

  t = performance.now();
  loop.enable();
  let progress = 0;
  const importing = runImport({ actor: manager, file, input, onProgress: (done) => (progress = done) });
  // a colleague saves an action in the meantime, once the inserts have started
  while (progress === 0) await new Promise((r) => setTimeout(r, 20));
  const s = performance.now();
  const saved = await createAction({
    actor: staff,
    input: {
      title: "A colleague's save during the import",
      type: "LETTER_APPEAL",
      date: "2026-12-04",
      status: "SENT",
      confidentiality: "INTERNAL",
    },
  });
  const saveMs = performance.now() - s;
  const savedAt = progress;
  const result = await importing;
  loop.disable();
  console.log(
    `import: ${((performance.now() - t) / 1000).toFixed(2)} s (${result.created} created), event loop blocked at most ${maxBlockMs()} ms`,
  );
  console.log(
    `colleague's save during the import: ${saveMs.toFixed(0)} ms, ok (${saved.id}), when ${savedAt.toLocaleString("en")} of ${rows.toLocaleString("en")} rows were inserted`,
  );
  console.log(`rows in the database: ${await db.action.count({ where: { importBatchId: result.batchId } })}`);
  await db.$disconnect();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
