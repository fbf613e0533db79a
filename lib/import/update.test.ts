// Integration tests: action rows that name an existing action's reference number update it
// (issue 8), and undo restores what they changed.
import { describe, expect, it } from "vitest";
import { updateAction } from "@/lib/actions/mutations";
import { getActionForEdit } from "@/lib/actions/queries";
import { getRecordHistory } from "@/lib/audit-log/queries";
import { db } from "@/lib/db";
import { makeAction, makeOrganization } from "@/prisma/factories";
import { auditRowsFor, expectAppError, makeActor, uniq } from "@/tests/support/fixtures";
import { evaluate, loadContext } from "./dry-run";
import { dryRunImport, runImport, undoImport } from "./mutations";
import { readCsv } from "./parse";

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
  bytes: new TextEncoder().encode([HEADERS, ...lines].join("\n")),
});
const input = (extra: Record<string, unknown> = {}) => ({ kind: "action", mapping: MAPPING, ...extra });

const statusOf = async (id: string) =>
  (await db.action.findUniqueOrThrow({ where: { id }, include: { status: true } })).status.code;

describe("[IMPORT] updates by reference number", () => {
  it("dry run says 'will update' with the changed fields; the import updates, bumps the version and audits; undo restores", async () => {
    const manager = await makeActor("MANAGER");
    const t = uniq();
    const existing = await makeAction(db, {
      title: `Appeal ${t}`,
      status: "SENT",
      referenceNumber: `R-${t}`,
      confidentiality: "RESTRICTED",
      summary: "kept",
    });
    // other case, empty cells: only the status is given; empty cells keep the saved values
    const file = csv([`;;;Response received;;r-${t.toUpperCase()};`, `New ${t};2023-05-14;LETTER_APPEAL;SENT;;N-${t};`]);

    const report = await dryRunImport({ actor: manager, file, input: input() });
    expect(report).toMatchObject({ total: 2, toCreate: 1, toUpdate: 1, unchanged: 0, errors: 0 });
    expect(report.rows[0]).toEqual({
      row: 2,
      result: "update",
      messages: [],
      changes: [
        {
          field: "status",
          from: { en: "Sent", uk: "Надіслано" },
          to: { en: "Response received", uk: "Відповідь отримано" },
        },
      ],
    });
    expect(report.rows[1]).toMatchObject({ row: 3, result: "create" });

    const done = await runImport({ actor: manager, file, input: input() });
    expect(done).toMatchObject({ created: 1, updated: 1, skipped: 0 });
    expect(await db.importBatch.findUniqueOrThrow({ where: { id: done.batchId } })).toMatchObject({ created: 1, updated: 1 });
    const after = await db.action.findUniqueOrThrow({ where: { id: existing.id }, include: { status: true } });
    expect(after).toMatchObject({
      version: 2,
      title: `Appeal ${t}`,
      summary: "kept",
      confidentiality: "RESTRICTED",
      referenceNumber: `R-${t}`,
      importBatchId: null,
      deletedAt: null,
    });
    expect(after.status.code).toBe("RESPONSE_RECEIVED");

    // one import.run event with the hash, the updated id and the before/after of what changed
    const [run] = await auditRowsFor(done.batchId, "import.run");
    expect(run.after).toMatchObject({
      created: 1,
      updated: 1,
      updates: [{ id: existing.id, row: 2, version: 2, before: { status: "SENT" }, after: { status: "RESPONSE_RECEIVED" } }],
    });
    // and the record's own field-level row, which its History shows
    const [edit] = await auditRowsFor(existing.id, "action.updated");
    expect(edit).toMatchObject({ before: { status: "SENT" }, after: { status: "RESPONSE_RECEIVED" } });
    const history = await getRecordHistory({ actor: manager, entity: "Action", entityId: existing.id });
    expect(history.entries[0]).toMatchObject({ kind: "updated" });

    await undoImport({ actor: manager, batchId: done.batchId });
    expect(await statusOf(existing.id)).toBe("SENT");
    const restored = await db.action.findUniqueOrThrow({ where: { id: existing.id } });
    expect(restored).toMatchObject({ version: 3, deletedAt: null, summary: "kept" });
    expect(await db.action.count({ where: { importBatchId: done.batchId, deletedAt: null } })).toBe(0);
    const [undo] = await auditRowsFor(done.batchId, "import.undo");
    expect(undo.after).toMatchObject({ actions: 1, restored: [existing.id] });
    const edits = await auditRowsFor(existing.id, "action.updated");
    expect(edits).toHaveLength(2);
  });

  it("undo puts back the links an update replaced and removes the organization it proposed", async () => {
    const manager = await makeActor("MANAGER");
    const t = uniq();
    const org = await makeOrganization(db, { name: `Old body ${t}` });
    const existing = await makeAction(db, { referenceNumber: `L-${t}`, organizationIds: [org.id], status: "SENT" });
    const file = csv([`;;;;New body ${t};L-${t};`]);
    const report = await dryRunImport({ actor: manager, file, input: input({ confirmed: [`org:New body ${t}`] }) });
    expect(report.rows[0].changes).toEqual([{ field: "organizations", from: `Old body ${t}`, to: `New body ${t}` }]);
    const done = await runImport({ actor: manager, file, input: input({ confirmed: [`org:New body ${t}`] }) });
    const proposed = await db.organization.findFirstOrThrow({ where: { name: `New body ${t}` } });
    const links = () => db.actionOrganization.findMany({ where: { actionId: existing.id } });
    expect((await links()).map((l) => l.organizationId)).toEqual([proposed.id]);

    await undoImport({ actor: manager, batchId: done.batchId });
    expect((await links()).map((l) => l.organizationId)).toEqual([org.id]);
    expect((await db.organization.findUniqueOrThrow({ where: { id: proposed.id } })).deletedAt).not.toBeNull();
  });

  it("a row that changes nothing is 'unchanged' and skipped, not an error", async () => {
    const manager = await makeActor("MANAGER");
    const t = uniq();
    const existing = await makeAction(db, { title: `Same ${t}`, status: "SENT", referenceNumber: `U-${t}` });
    const file = csv([`Same ${t};;;Sent;;U-${t};`, `Other ${t};2023;LETTER_APPEAL;SENT;;;`]);
    const report = await dryRunImport({ actor: manager, file, input: input() });
    expect(report).toMatchObject({ toCreate: 1, toUpdate: 0, unchanged: 1, errors: 0 });
    expect(report.rows[0]).toEqual({ row: 2, result: "unchanged", messages: [] });

    const done = await runImport({ actor: manager, file, input: input() });
    expect(done).toMatchObject({ created: 1, updated: 0, skipped: 1 });
    expect((await db.action.findUniqueOrThrow({ where: { id: existing.id } })).version).toBe(1);
    // a file of unchanged rows only has nothing to import
    await expectAppError(
      runImport({ actor: manager, file: csv([`Same ${t};;;Sent;;U-${t};`]), input: input() }),
      "VALIDATION",
      "import.errors.nothing",
    );
  });

  it("two rows naming one reference number: the second is an error naming the first", async () => {
    const manager = await makeActor("MANAGER");
    const t = uniq();
    const file = csv([
      `First ${t};2023;LETTER_APPEAL;SENT;;D-${t};`,
      `Between ${t};2023;LETTER_APPEAL;SENT;;;`,
      `Second ${t};2023;LETTER_APPEAL;SENT;; d-${t} ;`,
    ]);
    const report = await dryRunImport({ actor: manager, file, input: input() });
    expect(report.rows[0].result).toBe("create");
    expect(report.rows[2]).toEqual({
      row: 4,
      result: "error",
      messages: [{ key: "msg.referenceTwice", column: "Reference", value: `d-${t}`, otherRow: 2 }],
    });
  });

  it("a reference number held by several actions is an error", async () => {
    const manager = await makeActor("MANAGER");
    const t = uniq();
    await makeAction(db, { referenceNumber: `A-${t}` });
    await makeAction(db, { referenceNumber: `a-${t}` });
    const report = await dryRunImport({ actor: manager, file: csv([`;;;Closed;;A-${t};`]), input: input() });
    expect(report.rows[0]).toEqual({
      row: 2,
      result: "error",
      messages: [{ key: "msg.referenceAmbiguous", column: "Reference", value: `A-${t}` }],
    });
  });

  it("a restricted action the importer cannot see is neither updated, duplicated nor revealed", async () => {
    // Only managers import today, and they see restricted records; the rule still follows
    // actionScope, so a reader without restricted.read gets the error below.
    const owner = await makeActor("STAFF");
    const outsider = await makeActor("STAFF");
    const t = uniq();
    await makeAction(db, {
      title: `Secret ${t}`,
      referenceNumber: `S-${t}`,
      confidentiality: "RESTRICTED",
      createdById: owner.id,
      status: "SENT",
    });
    const table = await readCsv(csv([`Mine ${t};2023;LETTER_APPEAL;CLOSED;;S-${t};`]).bytes);
    const result = await evaluate("action", table, MAPPING, await loadContext(db, outsider), new Set());
    expect(result.rows).toEqual([
      { row: 2, result: "error", messages: [{ key: "msg.referenceHidden", column: "Reference", value: `S-${t}` }] },
    ]);
    expect(result.prepared).toEqual([]);
    expect(result.updates).toEqual([]);
    expect(JSON.stringify(result)).not.toContain(`Secret ${t}`);

    // its owner sees the same row as an update
    const own = await evaluate("action", table, MAPPING, await loadContext(db, owner), new Set());
    expect(own.rows[0]).toMatchObject({ result: "update" });
  });

  it("an action the importer sees but may not edit is an error, not an update", async () => {
    const author = await makeActor("STAFF");
    const colleague = await makeActor("STAFF");
    const t = uniq();
    await makeAction(db, { referenceNumber: `V-${t}`, confidentiality: "INTERNAL", createdById: author.id, status: "SENT" });
    const table = await readCsv(csv([`;;;Closed;;V-${t};`]).bytes);
    const result = await evaluate("action", table, MAPPING, await loadContext(db, colleague), new Set());
    expect(result.rows[0]).toEqual({
      row: 2,
      result: "error",
      messages: [{ key: "msg.referenceNotEditable", column: "Reference", value: `V-${t}` }],
    });
  });

  it("undo is refused, with the rows named, when an updated action was edited after the import", async () => {
    const manager = await makeActor("MANAGER");
    const t = uniq();
    const existing = await makeAction(db, { referenceNumber: `E-${t}`, status: "SENT" });
    const done = await runImport({ actor: manager, file: csv([`;;;Closed;;E-${t};`]), input: input() });
    expect(await statusOf(existing.id)).toBe("CLOSED");
    const form = await getActionForEdit({ actor: manager, id: existing.id });
    await updateAction({ actor: manager, id: existing.id, input: { ...form.values, title: `Edited ${t}` } });

    const error = await expectAppError(undoImport({ actor: manager, batchId: done.batchId }), "CONFLICT", "import.errors.updatedSince");
    expect(error.values).toEqual({ count: "1", rows: "2" });
    const now = await db.action.findUniqueOrThrow({ where: { id: existing.id }, include: { status: true } });
    expect([now.title, now.status.code]).toEqual([`Edited ${t}`, "CLOSED"]);
    expect((await db.importBatch.findUniqueOrThrow({ where: { id: done.batchId } })).undoneAt).toBeNull();
  });
});
