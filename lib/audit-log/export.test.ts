// /api/exports/audit.csv's domain function: exactly the filtered events, readable changes, the
// export itself recorded, and only for those who may read the trail and export.
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { createAction, updateAction } from "@/lib/actions/mutations";
import { exportAuditEvents } from "@/lib/audit-log/export";
import { findAuditEvents } from "@/lib/audit-log/queries";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/permissions";
import { expectAppError, makeActors } from "@/tests/support/fixtures";
import { actionInput } from "@/tests/support/inputs";

const BASE = "https://tracker.example.org";

async function runExport(actor: Actor, params: Record<string, string>, format: "csv" | "xlsx" = "csv", locale = "en") {
  let settled!: (r: { ok: boolean; rowCount: number }) => void;
  const done = new Promise<{ ok: boolean; rowCount: number }>((resolve) => (settled = resolve));
  const file = exportAuditEvents({ actor, params, format, baseUrl: BASE, locale, batchSize: 1, onSettled: settled });
  const bytes = Buffer.from(await new Response(file.stream).arrayBuffer());
  return { file, bytes, result: await done };
}

describe("[AUDIT] export of the audit trail", () => {
  it("exports exactly the filtered events, in the list's order, with the changes as text, and records the export", async () => {
    const { staff, auditor } = await makeActors();
    const title = '=HYPERLINK("http://x","y"), with "quotes"\nand a new line';
    const a = await createAction({ actor: staff, input: actionInput({ title }) });
    await updateAction({ actor: staff, id: a.id, input: actionInput({ title, status: "AWAITING_RESPONSE" }) });

    const { file, bytes, result } = await runExport(auditor, { q: a.id, sort: "at", dir: "desc", page: "2" });
    expect(file.contentType).toBe("text/csv; charset=utf-8");
    expect(file.filename).toMatch(/^audit-trail-\d{4}-\d\d-\d\d\.csv$/);
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(result).toEqual({ ok: true, rowCount: 2 });

    const [header, ...rows] = parse(bytes, { bom: true }) as string[][];
    expect(header).toEqual([
      "Event",
      "Time (UTC)",
      "Who",
      "Role",
      "Event type",
      "Record type",
      "Record id",
      "Changes",
      "URL",
      "IP address",
      "Browser",
      "Hash (SHA-256)",
    ]);
    const page = await findAuditEvents({ actor: auditor, params: { q: a.id } });
    expect(rows.map((r) => r[0])).toEqual(page.rows.map((r) => r.id));
    expect(rows[0].slice(2, 9)).toEqual([
      staff.name,
      "Staff",
      "action.updated",
      "Action",
      a.id,
      "Status: Sent → Awaiting response",
      `${BASE}/actions/${a.id}`,
    ]);
    // the creation lists its values; the title round-trips (commas, quotes, line break) and is not a formula
    expect(rows[1][7]).toContain(`Title: ${title}`);
    expect(rows[1][7]).toContain("Type: Letter or appeal");
    expect(rows[1][7].startsWith("Title:")).toBe(true);

    const recorded = await db.auditEvent.findMany({ where: { actorId: auditor.id, event: "export.created" } });
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({
      entity: "AuditEvent",
      after: { format: "csv", rowCount: 2, filters: { q: a.id, sort: "at", dir: "desc" } },
    });
  });

  it("exports the same events as XLSX: typed cells, frozen header, formulas as text, in Ukrainian too", async () => {
    const { staff, auditor } = await makeActors();
    const title = '=HYPERLINK("http://x","y")';
    const a = await createAction({ actor: staff, input: actionInput({ title }) });
    await updateAction({ actor: staff, id: a.id, input: actionInput({ title, status: "AWAITING_RESPONSE" }) });

    const { file, bytes, result } = await runExport(auditor, { q: a.id }, "xlsx", "uk");
    expect(file.contentType).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(file.filename).toMatch(/^audit-trail-\d{4}-\d\d-\d\d\.xlsx$/);
    expect(result).toEqual({ ok: true, rowCount: 2 });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    expect(sheet.name).toBe("Журнал аудиту");
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.getCell("A1").value).toBe("Подія");
    const page = await findAuditEvents({ actor: auditor, params: { q: a.id } });
    expect([sheet.getCell("A2").value, sheet.getCell("A3").value]).toEqual(page.rows.map((r) => Number(r.id)));
    expect(sheet.getCell("B2").value).toBeInstanceOf(Date);
    expect((sheet.getCell("B2").value as Date).toISOString()).toBe(page.rows[0].at);
    expect(sheet.getCell("E2").value).toBe("action.updated");
    expect(sheet.getCell("H2").value).toBe("Статус: Надіслано → Очікує відповіді");
    // the creation's changes start with the title: text, never a formula cell
    const created = String(sheet.getCell("H3").value);
    expect(created).toContain(`Назва: ${title}`);
    expect(sheet.getCell("H3").formula).toBeUndefined();

    const recorded = await db.auditEvent.findMany({ where: { actorId: auditor.id, event: "export.created" } });
    expect(recorded).toMatchObject([{ entity: "AuditEvent", after: { format: "xlsx", rowCount: 2, filters: { q: a.id } } }]);
  });

  it("is refused to staff, managers and administrators (who may not both read the trail and export)", async () => {
    const { staff, manager, admin } = await makeActors();
    for (const actor of [staff, manager, admin]) expect(() => exportAuditEvents({ actor, params: {}, baseUrl: BASE })).toThrow();
    await expectAppError(
      Promise.resolve().then(() => exportAuditEvents({ actor: admin, params: {}, baseUrl: BASE })),
      "FORBIDDEN",
    );
  });
});
