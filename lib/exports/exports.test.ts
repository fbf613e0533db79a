// Integration tests: list exports (CSV, XLSX) and PDF dossiers against the real test database.
import { spawnSync } from "node:child_process";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { findActions, iterateActions } from "@/lib/actions/queries";
import { findCampaigns, iterateCampaigns } from "@/lib/campaigns/queries";
import { db } from "@/lib/db";
import { findOrganizations, iterateOrganizations } from "@/lib/organizations/queries";
import { findOutcomes, iterateOutcomes } from "@/lib/outcomes/queries";
import type { Actor } from "@/lib/permissions";
import { makeAction, makeCampaign, makeLink, makeOrganization, makeOutcome } from "@/prisma/factories";
import { expectAppError, makeActor, makeActors, uniq } from "@/tests/support/fixtures";
import { exportDossier } from "./dossiers";
import { exportList, type ExportFormat, type ExportList } from "./lists";

const BASE = "https://tracker.example.org";
const HYPERLINK = '=HYPERLINK("http://x","y")';

const bytesOf = async (stream: ReadableStream<Uint8Array>) => Buffer.from(await new Response(stream).arrayBuffer());

/** Runs an export to the end; resolves once its audit row has been written. */
async function runExport(actor: Actor, list: ExportList, format: ExportFormat, params: Record<string, string>, batchSize = 3) {
  let settled!: (r: { ok: boolean; rowCount: number }) => void;
  const done = new Promise<{ ok: boolean; rowCount: number }>((resolve) => (settled = resolve));
  const file = exportList({ actor, list, format, params, baseUrl: BASE, locale: "en", batchSize, onSettled: settled });
  const bytes = await bytesOf(file.stream);
  return { file, bytes, result: await done };
}

const csvRows = (bytes: Buffer): string[][] => parse(bytes, { bom: true, relax_column_count: false }) as string[][];

async function readXlsx(bytes: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb.worksheets[0];
}

const collect = async <T>(gen: AsyncGenerator<T[]>) => {
  const all: T[] = [];
  for await (const batch of gen) all.push(...batch);
  return all;
};

/** Every page of a findX, concatenated: the list as a user would page through it. */
async function allPages<T>(
  find: (params: Record<string, unknown>) => Promise<{ rows: T[]; pageCount: number }>,
  params: Record<string, unknown>,
) {
  const rows: T[] = [];
  for (let page = 1; ; page++) {
    const p = await find({ ...params, page, size: 10 });
    rows.push(...p.rows);
    if (page >= p.pageCount) return rows;
  }
}

describe("[EXPORTS] CSV and XLSX escaping", () => {
  it("a title that is a formula exports as text in CSV and XLSX", async () => {
    const manager = await makeActor("MANAGER");
    const token = uniq("formula");
    await makeAction(db, {
      title: HYPERLINK,
      summary: token,
      date: "2024-05-01",
      followUpDue: "2024-06-01",
      confidentiality: "PUBLIC",
    });
    await makeAction(db, { title: "-5 minus as text", summary: token, date: "2024-04-01" });

    const csv = await runExport(manager, "actions", "csv", { q: token });
    expect(csv.bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf])); // UTF-8 BOM
    const text = csv.bytes.toString("utf8");
    expect(text).toContain("\r\n");
    expect(text).not.toMatch(/(^|[\n,])=HYPERLINK/);
    const rows = csvRows(csv.bytes);
    expect(rows[0][0]).toBe("Title");
    expect(rows.slice(1).map((r) => r[0])).toEqual([`'${HYPERLINK}`, "'-5 minus as text"]);
    expect(rows[1][rows[0].indexOf("Outcomes")]).toBe("0"); // numbers are left alone

    const xlsx = await runExport(manager, "actions", "xlsx", { q: token });
    const sheet = await readXlsx(xlsx.bytes);
    const title = sheet.getCell("A2");
    expect(title.type).toBe(ExcelJS.ValueType.String);
    expect(title.formula).toBeUndefined();
    expect(title.value).toBe(`'${HYPERLINK}`);
    expect(sheet.getCell("A3").value).toBe("'-5 minus as text");
  });

  it("a title with commas, quotes, line breaks and Cyrillic round-trips through CSV and XLSX", async () => {
    const manager = await makeActor("MANAGER");
    const token = uniq("tricky");
    const title = `Звернення до МКЧХ, "urgent"\nsecond line\r\nthird; ґїє ${token}`;
    await makeAction(db, { title, referenceNumber: "№ 2.1/1234-24", date: "2024-03-02", confidentiality: "PUBLIC" });

    const csv = await runExport(manager, "actions", "csv", { q: token });
    const rows = csvRows(csv.bytes);
    expect(rows).toHaveLength(2);
    expect(rows[1][0]).toBe(title);
    expect(rows[1][1]).toBe("№ 2.1/1234-24");

    const xlsx = await runExport(manager, "actions", "xlsx", { q: token });
    const sheet = await readXlsx(xlsx.bytes);
    // XML reads CR LF as LF (end-of-line normalization); a spreadsheet cell breaks lines with LF anyway.
    expect(sheet.getCell("A2").value).toBe(title.replace(/\r\n/g, "\n"));
  });

  it("XLSX has a bold frozen header row, real dates and numbers, and a URL column", async () => {
    const manager = await makeActor("MANAGER");
    const token = uniq("typed");
    const a = await makeAction(db, { title: `Typed ${token}`, date: "2024-02-29", followUpDue: "2024-03-15" });
    const outcome = await makeOutcome(db);
    await makeLink(db, { actionId: a.id, outcomeId: outcome.id, createdById: a.createdById });

    const { bytes } = await runExport(manager, "actions", "xlsx", { q: token });
    const sheet = await readXlsx(bytes);
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual([
      "Title",
      "Outgoing reference number",
      "Type",
      "Date",
      "Date precision",
      "Status",
      "Counterpart bodies",
      "Follow-up due",
      "Outcomes",
      "Confidentiality",
      "URL",
    ]);
    expect(sheet.getCell("A1").font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    const row = sheet.getRow(2);
    expect(row.getCell(4).value).toEqual(new Date("2024-02-29T00:00:00Z"));
    expect(row.getCell(4).numFmt).toBe("yyyy-mm-dd");
    expect(row.getCell(8).value).toEqual(new Date("2024-03-15T00:00:00Z"));
    expect(row.getCell(9).value).toBe(1);
    expect(row.getCell(3).value).toBe("Letter or appeal");
    expect(row.getCell(11).value).toBe(`${BASE}/actions/${a.id}`);
  });
});

describe("[EXPORTS] the export is the list", () => {
  it("has exactly the rows and order of the list, all pages, for every sort", async () => {
    const manager = await makeActor("MANAGER");
    const token = uniq("order");
    const types = ["LETTER_APPEAL", "FOREIGN_VISIT", "DIPLOMATIC_MEETING"];
    // Ties on every sort key, and nulls among the follow-up dates, so the id tie-breaker and the
    // null block are crossed at batch boundaries (batches of 3).
    // Counterparts and outcome links on some rows, so that each batch's related rows (read by the
    // batch's ids) land on the right rows.
    const bodies = await Promise.all([0, 1, 2].map((n) => makeOrganization(db, { acronym: `B${n}${token}` })));
    const outcome = await makeOutcome(db);
    for (let i = 0; i < 14; i++) {
      const a = await makeAction(db, {
        title: `${token} ${["alpha", "beta", "Alpha", "gamma"][i % 4]}`,
        summary: token,
        type: types[i % 3],
        status: i % 2 ? "SENT" : "DRAFT",
        date: `2024-0${1 + (i % 3)}-1${i % 2}`,
        followUpDue: i % 3 === 0 ? null : `2024-07-0${1 + (i % 2)}`,
        confidentiality: i === 5 ? "RESTRICTED" : "INTERNAL",
        organizationIds: bodies.slice(0, i % 4).map((b) => b.id),
      });
      if (i % 5 === 1) await makeLink(db, { actionId: a.id, outcomeId: outcome.id, createdById: a.createdById });
    }
    for (const sort of ["date", "title", "type", "status", "followUpDue", "updatedAt"]) {
      for (const dir of ["asc", "desc"]) {
        const params = { q: token, sort, dir };
        const expected = await allPages((p) => findActions({ actor: manager, params: p }), params);
        expect(expected).toHaveLength(14);
        const got = await collect(iterateActions({ actor: manager, params, batchSize: 3 }));
        expect(
          got.map((r) => r.id),
          `${sort} ${dir}`,
        ).toEqual(expected.map((r) => r.id));
        expect(got).toEqual(expected);

        const { bytes, result } = await runExport(manager, "actions", "csv", params, 4);
        const rows = csvRows(bytes).slice(1);
        expect(rows.map((r) => r.at(-1))).toEqual(expected.map((r) => `${BASE}/actions/${r.id}`));
        expect(result).toEqual({ ok: true, rowCount: 14 });
      }
    }
  });

  it("filters like the list: type, status, dates and search", async () => {
    const manager = await makeActor("MANAGER");
    const token = uniq("filter");
    await makeAction(db, { title: `${token} a`, type: "FOREIGN_VISIT", status: "SENT", date: "2023-01-05" });
    await makeAction(db, { title: `${token} b`, type: "FOREIGN_VISIT", status: "DRAFT", date: "2023-02-05" });
    await makeAction(db, { title: `${token} c`, type: "LETTER_APPEAL", status: "SENT", date: "2023-03-05" });
    const params = {
      q: token,
      type: "FOREIGN_VISIT",
      from: "2023-01-01",
      to: "2023-02-28",
      sort: "title",
      dir: "asc",
      page: "2",
      size: "10",
    };
    const expected = await allPages((p) => findActions({ actor: manager, params: p }), { ...params, page: undefined });
    const { bytes } = await runExport(manager, "actions", "xlsx", params);
    const sheet = await readXlsx(bytes);
    const titles: string[] = [];
    sheet.eachRow((row, n) => n > 1 && titles.push(String(row.getCell(1).value)));
    expect(titles).toEqual(expected.map((r) => r.title));
    expect(titles).toEqual([`${token} a`, `${token} b`]);
  });

  it("outcomes, campaigns and organizations export their lists too", async () => {
    const auditor = await makeActor("AUDITOR");
    const token = uniq("other");
    const parent = await makeOrganization(db, { name: `${token} Alliance`, acronym: "GANHRI" });
    for (let i = 0; i < 5; i++) {
      const org = await makeOrganization(db, {
        name: `${token} body ${i}`,
        nameUk: `${token} орган ${i}`,
        acronym: i % 2 ? null : `B${i}`,
        parentId: parent.id,
      });
      await makeCampaign(db, {
        title: `${token} campaign ${i % 3}`,
        priority: (["LOW", "MEDIUM", "HIGH"] as const)[i % 3],
        targetOrgId: org.id,
      });
      await makeOutcome(db, {
        title: `${token} outcome ${i}`,
        summary: token,
        subjectId: org.id,
        date: `2024-01-0${1 + (i % 2)}`,
      });
    }
    const cases = [
      { list: "outcomes", find: findOutcomes, iterate: iterateOutcomes, params: { q: token, sort: "type", dir: "desc" } },
      { list: "outcomes", find: findOutcomes, iterate: iterateOutcomes, params: { q: token, sort: "date", dir: "asc" } },
      { list: "campaigns", find: findCampaigns, iterate: iterateCampaigns, params: { q: token, sort: "priority", dir: "desc" } },
      { list: "campaigns", find: findCampaigns, iterate: iterateCampaigns, params: { q: token, sort: "priority", dir: "asc" } },
      {
        list: "organizations",
        find: findOrganizations,
        iterate: iterateOrganizations,
        params: { q: token, sort: "acronym", dir: "asc" },
      },
      {
        list: "organizations",
        find: findOrganizations,
        iterate: iterateOrganizations,
        params: { q: token, sort: "acronym", dir: "desc" },
      },
    ] as const;
    for (const c of cases) {
      const find = c.find as (o: { actor: Actor; params: unknown }) => Promise<{ rows: { id: string }[]; pageCount: number }>;
      // (findOutcomes' rows also carry Prisma's raw _count, which is no part of the DTO.)
      const expected = (await allPages((p) => find({ actor: auditor, params: p }), c.params)).map(
        ({ _count, ...r }: { id: string; _count?: unknown }) => r,
      );
      const iterate = c.iterate as (o: { actor: Actor; params: unknown; batchSize: number }) => AsyncGenerator<{ id: string }[]>;
      const got = await collect(iterate({ actor: auditor, params: c.params, batchSize: 2 }));
      expect(got, `${c.list} ${c.params.sort} ${c.params.dir}`).toEqual(expected);
      const { bytes } = await runExport(auditor, c.list, "csv", c.params, 2);
      const rows = csvRows(bytes);
      expect(rows.slice(1).map((r) => r.at(-1))).toEqual(expected.map((r) => `${BASE}/${c.list}/${r.id}`));
    }
    // (a search ANDs its words and skips one-character ones: pick body 2 out of the token's rows)
    const { bytes } = await runExport(auditor, "organizations", "csv", { q: `${token} body` });
    const [header, ...orgRows] = csvRows(bytes);
    expect([header, ...orgRows.filter((r) => r[0] === `${token} body 2`)]).toEqual([
      ["Name", "Name in Ukrainian", "Acronym", "Kind", "Parent body", "Country", "Sub-bodies", "URL"],
      [
        `${token} body 2`,
        `${token} орган 2`,
        "B2",
        "Other",
        "GANHRI",
        "",
        "0",
        expect.stringMatching(/^https:\/\/tracker\.example\.org\/organizations\//),
      ],
    ]);
  });
});

describe("[EXPORTS] permissions and scope", () => {
  it("restricted rows outside a staff member's scope never reach the iterator; staff may not export", async () => {
    const { staff, otherStaff, manager, auditor, admin } = await makeActors();
    const token = uniq("scope");
    const mine = await makeAction(db, { title: `${token} mine`, createdById: staff.id, confidentiality: "RESTRICTED" });
    const theirs = await makeAction(db, { title: `${token} theirs`, createdById: otherStaff.id, confidentiality: "RESTRICTED" });
    const shared = await makeAction(db, {
      title: `${token} shared`,
      createdById: otherStaff.id,
      confidentiality: "RESTRICTED",
      participantIds: [staff.id],
    });
    const open = await makeAction(db, { title: `${token} open`, createdById: otherStaff.id, confidentiality: "INTERNAL" });
    const params = { q: token, sort: "title", dir: "asc" };

    // Link counts follow the scope too: a restricted outcome of someone else is not counted for staff.
    const hidden = await makeOutcome(db, { createdById: otherStaff.id, confidentiality: "RESTRICTED" });
    const visible = await makeOutcome(db, { createdById: otherStaff.id, confidentiality: "PUBLIC" });
    for (const outcome of [hidden, visible])
      await makeLink(db, { actionId: open.id, outcomeId: outcome.id, createdById: otherStaff.id });
    const [o1, o2] = await Promise.all([makeOrganization(db, { acronym: "ICRC" }), makeOrganization(db, { acronym: null })]);
    await db.actionOrganization.createMany({ data: [o1, o2].map((o) => ({ actionId: open.id, organizationId: o.id })) });

    const seen = await collect(iterateActions({ actor: staff, params, batchSize: 1 }));
    expect(seen.map((r) => r.id).sort()).toEqual([mine.id, open.id, shared.id].sort());
    expect(seen.map((r) => r.id)).not.toContain(theirs.id);
    expect(seen).toEqual(await allPages((p) => findActions({ actor: staff, params: p }), params));
    expect(seen.find((r) => r.id === open.id)).toMatchObject({
      linkCount: 1,
      organizations: expect.arrayContaining([expect.objectContaining({ acronym: "ICRC" })]),
    });
    const managerView = await collect(iterateActions({ actor: manager, params }));
    expect(managerView.find((r) => r.id === open.id)?.linkCount).toBe(2);
    const restrictedOutcome = await makeOutcome(db, {
      title: `${token} outcome`,
      createdById: otherStaff.id,
      confidentiality: "RESTRICTED",
    });
    expect((await collect(iterateOutcomes({ actor: staff, params: { q: token } }))).map((r) => r.id)).not.toContain(
      restrictedOutcome.id,
    );

    await expectAppError(
      Promise.resolve().then(() => exportList({ actor: staff, list: "actions", format: "csv", params, baseUrl: BASE })),
      "FORBIDDEN",
    );
    await expectAppError(
      Promise.resolve().then(() => exportList({ actor: admin, list: "actions", format: "xlsx", params, baseUrl: BASE })),
      "FORBIDDEN",
    );
    await expectAppError(exportDossier({ actor: staff, kind: "action", id: mine.id, baseUrl: BASE }), "FORBIDDEN");

    for (const actor of [manager, auditor]) {
      const { bytes } = await runExport(actor, "actions", "csv", params);
      expect(
        csvRows(bytes)
          .slice(1)
          .map((r) => r[0]),
      ).toEqual([`${token} mine`, `${token} open`, `${token} shared`, `${token} theirs`]);
    }
  });
});

describe("[EXPORTS] audit", () => {
  it("a finished export writes export.created with its filters and row count", async () => {
    const auditor = await makeActor("AUDITOR");
    const token = uniq("audited");
    for (let i = 0; i < 7; i++) await makeAction(db, { title: `${token} ${i}`, type: "FOREIGN_VISIT" });
    const { result } = await runExport(auditor, "actions", "xlsx", {
      q: token,
      type: "FOREIGN_VISIT",
      sort: "title",
      dir: "asc",
      page: "3",
    });
    expect(result).toEqual({ ok: true, rowCount: 7 });
    const rows = await db.auditEvent.findMany({ where: { actorId: auditor.id }, orderBy: { id: "asc" } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ event: "export.created", entity: "Action", entityId: null, actorRole: "AUDITOR" });
    expect(rows[0].after).toEqual({
      format: "xlsx",
      filters: { q: token, type: "FOREIGN_VISIT", sort: "title", dir: "asc" },
      rowCount: 7,
    });
  });

  it("a cancelled download writes export.failed with the rows sent so far", async () => {
    const manager = await makeActor("MANAGER");
    const token = uniq("cancel");
    for (let i = 0; i < 6; i++) await makeAction(db, { title: `${token} ${i}` });
    let settled!: (r: { ok: boolean; rowCount: number }) => void;
    const done = new Promise<{ ok: boolean; rowCount: number }>((resolve) => (settled = resolve));
    const file = exportList({
      actor: manager,
      list: "actions",
      format: "csv",
      params: { q: token },
      baseUrl: BASE,
      batchSize: 2,
      onSettled: settled,
    });
    const reader = file.stream.getReader();
    await reader.read(); // the header
    await reader.cancel();
    const result = await done;
    expect(result.ok).toBe(false);
    const rows = await db.auditEvent.findMany({ where: { actorId: manager.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ event: "export.failed", entity: "Action" });
    expect(rows[0].after).toMatchObject({ format: "csv", filters: { q: token }, reason: "cancelled", rowCount: result.rowCount });
  });
});

const pdfText = (pdf: Uint8Array) => {
  const out = spawnSync("pdftotext", ["-enc", "UTF-8", "-", "-"], { input: Buffer.from(pdf) });
  if (out.status !== 0) throw new Error(`pdftotext failed: ${out.stderr}`);
  return out.stdout.toString("utf8").replace(/\s+/g, " ");
};

describe("[EXPORTS] PDF dossiers", () => {
  it("a campaign dossier holds its titles (Ukrainian too), timeline, linked records with evidence, and sources", async () => {
    const auditor = await makeActor("AUDITOR");
    const token = uniq("dossier");
    const campaign = await makeCampaign(db, {
      title: `Isolate the institution ${token}`,
      titleUk: "Виключення інституції російського омбудсмена з мереж",
      goal: "Remove it from GANHRI, ENNHRI, IOI and AOM.",
    });
    const action = await makeAction(db, {
      title: `Submission to the SCA ${token}`,
      date: "2022-09-01",
      campaignIds: [campaign.id],
    });
    const outcome = await makeOutcome(db, {
      title: `SCA recommends suspension ${token}`,
      date: "2022-10-01",
      campaignIds: [campaign.id],
      sourceCitation: "SCA report, October 2022",
      sourceUrl: "https://ganhri.org/sca-report",
    });
    await makeLink(db, {
      actionId: action.id,
      outcomeId: outcome.id,
      contribution: "DECISIVE",
      evidenceNote: "The report cites our submission.",
      createdById: action.createdById,
    });

    const pdf = await exportDossier({ actor: auditor, kind: "campaign", id: campaign.id, baseUrl: BASE, locale: "en" });
    expect(Buffer.from(pdf.body.subarray(0, 5)).toString()).toBe("%PDF-");
    expect(pdf.filename).toBe(`Isolate the institution ${token}.pdf`);
    const text = pdfText(pdf.body);
    for (const expected of [
      `Isolate the institution ${token}`,
      "Виключення інституції російського омбудсмена з мереж",
      "Remove it from GANHRI, ENNHRI, IOI and AOM.",
      `Submission to the SCA ${token}`,
      "Decisive",
      "The report cites our submission.",
      "SCA report, October 2022",
      "https://ganhri.org/sca-report",
      `Exported by ${auditor.name}`,
    ]) {
      expect(text).toContain(expected);
    }
    const audit = await db.auditEvent.findMany({ where: { actorId: auditor.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      event: "export.created",
      entity: "Campaign",
      entityId: campaign.id,
      after: { format: "pdf" },
    });
  });

  it("action and outcome dossiers, with Ukrainian text and the restricted marking; a missing record is NOT_FOUND", async () => {
    const manager = await makeActor("MANAGER");
    const token = uniq("pdf");
    const action = await makeAction(db, {
      title: `Лист до МКЧХ ${token}`,
      summary: "Звернення щодо військовополонених.",
      confidentiality: "RESTRICTED",
    });
    const outcome = await makeOutcome(db, { title: `ICRC replies ${token}`, sourceCitation: "Letter of the ICRC" });
    await makeLink(db, {
      actionId: action.id,
      outcomeId: outcome.id,
      evidenceNote: "Reply refers to our letter.",
      createdById: action.createdById,
    });

    const a = pdfText((await exportDossier({ actor: manager, kind: "action", id: action.id, baseUrl: BASE })).body);
    expect(a).toContain(`Лист до МКЧХ ${token}`);
    expect(a).toContain("Звернення щодо військовополонених.");
    expect(a).toContain("RESTRICTED");
    expect(a).toContain(`ICRC replies ${token}`);
    expect(a).toContain("Reply refers to our letter.");
    expect(a).toContain("Letter of the ICRC");

    const o = pdfText((await exportDossier({ actor: manager, kind: "outcome", id: outcome.id, baseUrl: BASE })).body);
    expect(o).toContain(`ICRC replies ${token}`);
    expect(o).toContain(`Лист до МКЧХ ${token}`);

    await expectAppError(exportDossier({ actor: manager, kind: "campaign", id: "nope", baseUrl: BASE }), "NOT_FOUND");
  });
});
