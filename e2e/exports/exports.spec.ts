import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import type { Download, Page } from "@playwright/test";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { createAction, expect, rowTitles, SEED, test, waitForList } from "../fixtures";

// Every page comes from pageAs(role): with test.use({ role }), the fixture's later sign-ins of another
// role would start from the first role's session (browser.newContext inherits storageState).

/** The Ukrainian title of SEED.campaign (prisma/seed.ts). */
const CAMPAIGN_TITLE_UK = "Виключення інституції російського омбудсмена з міжнародних мереж";

async function download(page: Page, open: () => Promise<void>): Promise<{ download: Download; bytes: Buffer }> {
  const [dl] = await Promise.all([page.waitForEvent("download"), open()]);
  const file = await dl.path();
  return { download: dl, bytes: readFileSync(file) };
}

async function exportAs(page: Page, item: "CSV (.csv)" | "Excel (.xlsx)") {
  return download(page, async () => {
    await page.getByRole("button", { name: "Export" }).click();
    await page.getByRole("menuitem", { name: item }).click();
  });
}

test.describe("exports", () => {
  // Two roles sign in, and the first test creates its rows through the UI.
  test.describe.configure({ timeout: 120_000 });

  test("[EXPORTS] an auditor filters the actions list and downloads exactly its rows as CSV and Excel", async ({ pageAs }) => {
    // Rows the test owns: two letters (one titled in Ukrainian) and a visit, all with one token.
    const token = `exp${Date.now().toString(36)}`;
    const staff = await pageAs("staff");
    const english = await createAction(staff, {
      title: `${token} Letter to the ICRC on prisoners of war, "urgent", 2025`,
      type: "Letter or appeal",
      date: "2025-03-01",
    });
    const ukrainian = await createAction(staff, {
      title: `${token} Звернення до МКЧХ щодо військовополонених`,
      type: "Letter or appeal",
      date: "2025-03-02",
    });
    await createAction(staff, { title: `${token} Visit to Geneva`, type: "Foreign visit", date: "2025-03-03" });

    const page = await pageAs("auditor");
    await page.goto("/actions");
    await page.getByRole("searchbox", { name: "Search actions" }).fill(token);
    await expect(page).toHaveURL(new RegExp(`[?&]q=${token}`));
    await waitForList(page);
    await page.getByLabel("Type", { exact: true }).selectOption({ label: "Letter or appeal" });
    await expect(page).toHaveURL(/[?&]type=LETTER_APPEAL/);
    await waitForList(page);
    const onScreen = await rowTitles(page);
    expect(onScreen).toEqual([ukrainian.title, english.title]); // newest date first

    const csv = await exportAs(page, "CSV (.csv)");
    expect(csv.download.suggestedFilename()).toMatch(/^actions-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(csv.bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const rows = parse(csv.bytes, { bom: true }) as string[][];
    expect(rows[0][0]).toBe("Title");
    expect(rows.slice(1).map((r) => r[0])).toEqual(onScreen);
    expect(rows[1].at(-1)).toBe(`${new URL(page.url()).origin}/actions/${ukrainian.id}`);
    await expect(page.getByRole("status").filter({ hasText: "Export started" })).toBeVisible();

    const xlsx = await exportAs(page, "Excel (.xlsx)");
    expect(xlsx.download.suggestedFilename()).toMatch(/^actions-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    const titles: string[] = [];
    sheet.eachRow((row, n) => {
      if (n > 1) titles.push(String(row.getCell(1).value));
    });
    expect(sheet.getCell("A1").value).toBe("Title");
    expect(titles).toEqual(onScreen);
  });

  test("[EXPORTS] an auditor downloads a campaign dossier as PDF with its Ukrainian title", async ({ pageAs }) => {
    const page = await pageAs("auditor");
    await page.goto("/campaigns");
    // (Sub-goal rows link to their parent too: every such link leads to the same page.)
    await page.getByRole("link", { name: SEED.campaign, exact: true }).first().click();
    await expect(page.getByRole("heading", { level: 1, name: SEED.campaign })).toBeVisible();
    const pdf = await download(page, () => page.getByRole("link", { name: "Download PDF" }).click());
    expect(pdf.download.suggestedFilename()).toBe(`${SEED.campaign}.pdf`);
    expect(pdf.bytes.subarray(0, 5).toString()).toBe("%PDF-");
    const text = execFileSync("pdftotext", ["-enc", "UTF-8", "-", "-"], { input: pdf.bytes })
      .toString("utf8")
      .replace(/\s+/g, " ");
    expect(text).toContain(CAMPAIGN_TITLE_UK);
    expect(text).toContain(SEED.campaign);
  });

  test("[EXPORTS] staff sees no export controls and the export URLs refuse them", async ({ pageAs }) => {
    const staff = await pageAs("staff");
    await staff.goto("/actions");
    await waitForList(staff);
    await expect(staff.getByRole("button", { name: "Export" })).toHaveCount(0);
    const refused = await staff.request.get("/api/exports/actions.csv");
    expect(refused.status()).toBe(403);
    expect((await refused.json()).error.code).toBe("FORBIDDEN");
    const anonymous = await staff
      .context()
      .browser()!
      .newContext({ baseURL: new URL(staff.url()).origin });
    expect((await anonymous.request.get("/api/exports/actions.xlsx")).status()).toBe(401);
    await anonymous.close();
  });
});
