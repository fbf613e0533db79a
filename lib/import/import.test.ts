// Integration tests: import and undo against the real test database.
import { describe, expect, it } from "vitest";
import { updateAction } from "@/lib/actions/mutations";
import { getActionForEdit } from "@/lib/actions/queries";
import { db } from "@/lib/db";
import { makeOrganization } from "@/prisma/factories";
import { auditRowsFor, expectAppError, makeActor, uniq } from "@/tests/support/fixtures";
import { dryRunImport, runImport, undoImport } from "./mutations";

const HEADERS = "Title;Date;Type;Status;Organizations;Reference;Confidentiality";
const MAPPING = {
  title: "Title",
  date: "Date",
  type: "Type",
  status: "Status",
  organizations: "Organizations",
  referenceNumber: "Reference",
  confidentiality: "Confidentiality",
};
const csv = (lines: string[]) => ({
  name: "log.csv",
  bytes: new TextEncoder().encode(["\uFEFF" + HEADERS, ...lines].join("\n")),
});
const input = (extra: Record<string, unknown> = {}) => ({ kind: "action", mapping: MAPPING, ...extra });

describe("[IMPORT] dry run", () => {
  it("reports each bad row with its row number and column, and proposes unknown organizations", async () => {
    const manager = await makeActor("MANAGER");
    const t = uniq();
    const org = await makeOrganization(db, { name: `Known ${t}`, nameUk: `Відома ${t}` });
    const report = await dryRunImport({
      actor: manager,
      file: csv([
        `Letter ${t};2023-05;Letter or appeal;sent;Відома ${t};;`,
        `Bad date ${t};31.02.2023;LETTER_APPEAL;SENT;;;`,
        `Bad type ${t};2023;Telegram;SENT;;;`,
        `New org ${t};14.05.2023;LETTER_APPEAL;SENT;Unknown ${t};;Обмежений`,
      ]),
      input: input(),
    });
    expect(org.id).toBeTruthy();
    expect(report).toMatchObject({ total: 4, toCreate: 1, errors: 3 });
    expect(report.rows[0]).toEqual({ row: 2, result: "create", messages: [] });
    expect(report.rows[1]).toMatchObject({
      row: 3,
      result: "error",
      messages: [{ key: "msg.badDate", column: "Date", value: "31.02.2023" }],
    });
    expect(report.rows[2].messages).toEqual([{ key: "msg.badChoice", column: "Type", value: "Telegram" }]);
    expect(report.rows[3].messages).toEqual([{ key: "msg.unconfirmed", column: "Organizations", value: `Unknown ${t}` }]);
    expect(report.proposals).toEqual([{ kind: "org", name: `Unknown ${t}`, rows: 1 }]);
    // proposals are never created by a dry run
    expect(await db.organization.count({ where: { name: `Unknown ${t}` } })).toBe(0);
  });

  it("remembers the last mapping per person and kind", async () => {
    const manager = await makeActor("MANAGER");
    await dryRunImport({ actor: manager, file: csv([]), input: input() });
    const saved = await db.importMapping.findUnique({ where: { userId_kind: { userId: manager.id, kind: "action" } } });
    expect(saved?.mapping).toEqual(MAPPING);
  });

  it("refuses staff (import.run)", async () => {
    const staff = await makeActor("STAFF");
    await expectAppError(dryRunImport({ actor: staff, file: csv([]), input: input() }), "FORBIDDEN");
    await expectAppError(runImport({ actor: staff, file: csv([]), input: input() }), "FORBIDDEN");
  });
});

describe("[IMPORT] import and undo", () => {
  it("refuses a file with errors unless asked to skip them; creates a confirmed proposal; one import.run event with the hash", async () => {
    const manager = await makeActor("MANAGER");
    const t = uniq();
    const file = csv([
      `A ${t};2023-05-14;LETTER_APPEAL;SENT;New body ${t};R-${t};restricted`,
      `B ${t};05.2023;LETTER_APPEAL;SENT;;;`,
      `C ${t};not a date;LETTER_APPEAL;SENT;;;`,
    ]);
    await expectAppError(
      runImport({ actor: manager, file, input: input({ confirmed: [`org:New body ${t}`] }) }),
      "VALIDATION",
      "import.errors.hasErrors",
    );
    const done = await runImport({ actor: manager, file, input: input({ confirmed: [`org:New body ${t}`], skipBad: true }) });
    expect(done).toMatchObject({ created: 2, skipped: 1 });

    const actions = await db.action.findMany({
      where: { importBatchId: done.batchId },
      include: { organizations: true },
      orderBy: { title: "asc" },
    });
    expect(actions.map((a) => [a.title, a.datePrecision, a.confidentiality])).toEqual([
      [`A ${t}`, "DAY", "RESTRICTED"],
      [`B ${t}`, "MONTH", "INTERNAL"],
    ]);
    const org = await db.organization.findFirstOrThrow({ where: { name: `New body ${t}` } });
    expect(org.importBatchId).toBe(done.batchId);
    expect(actions[0].organizations.map((o) => o.organizationId)).toEqual([org.id]);

    const events = await auditRowsFor(done.batchId, "import.run");
    expect(events).toHaveLength(1);
    const { createHash } = await import("node:crypto");
    expect(events[0].after).toMatchObject({
      fileHash: createHash("sha256").update(file.bytes).digest("hex"),
      fileName: "log.csv",
      kind: "action",
      created: 2,
      updated: 0,
      skipped: 1,
      mapping: MAPPING,
    });

    await undoImport({ actor: manager, batchId: done.batchId });
    expect(await db.action.count({ where: { importBatchId: done.batchId, deletedAt: null } })).toBe(0);
    expect(await db.organization.count({ where: { importBatchId: done.batchId, deletedAt: null } })).toBe(0);
    expect(await auditRowsFor(done.batchId, "import.undo")).toHaveLength(1);
    await expectAppError(undoImport({ actor: manager, batchId: done.batchId }), "CONFLICT", "import.errors.alreadyUndone");
  });

  it("a failure midway leaves nothing behind", async () => {
    const manager = await makeActor("MANAGER");
    const t = uniq();
    const lines = Array.from({ length: 1500 }, (_, i) => `Row ${i} ${t};2023;LETTER_APPEAL;SENT;Proposed ${t};;`);
    const boom = runImport({
      actor: manager,
      file: csv(lines),
      input: input({ confirmed: [`org:Proposed ${t}`] }),
      onProgress: (done) => {
        if (done >= 1000) throw new Error("disk full");
      },
    });
    await expect(boom).rejects.toThrow("disk full");
    expect(await db.action.count({ where: { title: { endsWith: t } } })).toBe(0);
    expect(await db.organization.count({ where: { name: `Proposed ${t}` } })).toBe(0);
    expect(await db.importBatch.count({ where: { createdById: manager.id } })).toBe(0);
  });

  it("undo is refused after an imported action was edited", async () => {
    const manager = await makeActor("MANAGER");
    const t = uniq();
    const done = await runImport({ actor: manager, file: csv([`E ${t};2023-01-02;LETTER_APPEAL;SENT;;;`]), input: input() });
    const [id] = done.firstIds;
    const form = await getActionForEdit({ actor: manager, id });
    await updateAction({ actor: manager, id, input: { ...form.values, title: `Edited ${t}` } });
    await expectAppError(undoImport({ actor: manager, batchId: done.batchId }), "CONFLICT", "import.errors.editedSince");
    expect(await db.action.count({ where: { id, deletedAt: null } })).toBe(1);
  });
});

describe("[IMPORT] outcomes", () => {
  it("imports an outcome with a confirmed new deciding body, a verification label and month precision; restricted stays restricted", async () => {
    const manager = await makeActor("MANAGER");
    const t = uniq();
    const [type] = await db.term.findMany({ where: { vocabulary: "OUTCOME_TYPE", active: true }, take: 1 });
    const csvText = [
      "Назва,Дата,Тип,Орган,Перевірка,Конфіденційність",
      `Excluded ${t},05.2023,${type.code},Body ${t},Підтверджено,Обмежений`,
    ];
    const withType = { name: "outcomes.csv", bytes: new TextEncoder().encode(csvText.join("\n")) };
    const first = await dryRunImport({ actor: manager, file: withType, input: { kind: "outcome", mapping: {} } });
    expect(first.mapping).toMatchObject({
      title: "Назва",
      date: "Дата",
      type: "Тип",
      decidingBody: "Орган",
      verification: "Перевірка",
      confidentiality: "Конфіденційність",
    });
    expect(first.proposals).toEqual([{ kind: "org", name: `Body ${t}`, rows: 1 }]);
    const done = await runImport({
      actor: manager,
      file: withType,
      input: { kind: "outcome", mapping: first.mapping, confirmed: [`org:Body ${t}`] },
    });
    const outcome = await db.outcome.findFirstOrThrow({
      where: { importBatchId: done.batchId },
      include: { decidingBody: true, verification: true },
    });
    expect(outcome).toMatchObject({
      title: `Excluded ${t}`,
      datePrecision: "MONTH",
      confidentiality: "RESTRICTED",
      decidingBody: { name: `Body ${t}` },
      verification: { code: "VERIFIED" },
    });
  });
});
