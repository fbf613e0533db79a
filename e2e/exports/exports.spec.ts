import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import type { Browser, Download, Page } from "@playwright/test";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { createAction, expect, rowTitles, SAVE, SEED, signIn, test, waitForHydration, waitForList } from "../fixtures";

// Every page comes from pageAs(role): with test.use({ role }), the fixture's later sign-ins of another
// role would start from the first role's session (browser.newContext inherits storageState).

/** The Ukrainian title of SEED.campaign (prisma/seed.ts). */
const CAMPAIGN_TITLE_UK = "Виключення інституції російського омбудсмена з міжнародних мереж";

async function download(page: Page, open: () => Promise<void>): Promise<{ download: Download; bytes: Buffer }> {
  const [dl] = await Promise.all([page.waitForEvent("download"), open()]);
  const file = await dl.path();
  return { download: dl, bytes: readFileSync(file) };
}

async function exportAs(page: Page, L: (typeof LANG)[keyof typeof LANG], item: "CSV (.csv)" | "Excel (.xlsx)") {
  return download(page, async () => {
    await page.getByRole("button", { name: L.export, exact: true }).click();
    await page.getByRole("menuitem", { name: item }).click();
  });
}

/** What the interface says in each language (messages/<lang>/*.json, prisma/vocabulary.ts). */
const LANG = {
  en: {
    search: "Search actions",
    type: "Type",
    letter: "Letter or appeal",
    export: "Export",
    started: "Export started",
    titleHeader: "Title",
    referenceHeader: "Outgoing reference number",
    typeHeader: "Type",
    urlHeader: "URL",
    sheet: "Actions",
    twoRows: "2 rows",
  },
  uk: {
    search: "Пошук дій",
    type: "Тип",
    letter: "Лист або звернення",
    export: "Експорт",
    started: "Експорт розпочато",
    titleHeader: "Назва",
    referenceHeader: "Вихідний номер",
    typeHeader: "Тип",
    urlHeader: "Посилання",
    sheet: "Дії",
    twoRows: "2 рядки",
  },
} as const;

/**
 * An administrator creates a manager (who may export, like an auditor; a new auditor would first have
 * to set up two-step verification); the manager signs in (in a context of their own) and switches
 * the interface to Ukrainian in the user menu.
 */
async function ukrainianManager(admin: Page, browser: Browser, baseURL: string | undefined): Promise<Page> {
  const id = Date.now().toString(36);
  const user = { name: `Менеджерка ${id}`, email: `manager-${id}@example.org`, password: `manager-password-${id}-long` };
  await admin.goto("/admin/users/new");
  await waitForHydration(admin.getByRole("button", { name: "Create user" }));
  await admin.getByRole("textbox", { name: "Name", exact: true }).fill(user.name);
  await admin.getByRole("textbox", { name: "Email", exact: true }).fill(user.email);
  await admin.getByRole("combobox", { name: "Role", exact: true }).selectOption({ label: "Manager" });
  await admin.getByLabel("Initial password").fill(user.password);
  await admin.getByRole("button", { name: "Create user" }).click();
  await expect(admin).toHaveURL(/\/admin\/users\?saved=created$/, SAVE);

  const context = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await signIn(page, user.email, user.password);
  const menu = page.getByRole("button", { name: new RegExp(user.name) }).first();
  await waitForHydration(menu);
  await menu.click();
  await page.getByRole("menuitemradio", { name: "Українська" }).click();
  await expect(page.getByRole("navigation").getByRole("link", { name: "Дії" }).first()).toBeVisible(SAVE);
  return page;
}

test.describe("exports", () => {
  // Two roles sign in, and the first test creates its rows through the UI.
  test.describe.configure({ timeout: 120_000 });

  for (const lang of ["en", "uk"] as const) {
    test(`[EXPORTS] ${lang === "en" ? "an auditor" : "a manager reading Ukrainian"} filters the actions list and downloads exactly its rows as CSV and Excel (${lang})`, async ({
      pageAs,
      browser,
      baseURL,
    }) => {
      const L = LANG[lang];
      // Rows the test owns: two letters (one titled in Ukrainian) and a visit, all with one token.
      const token = `exp${lang}${Date.now().toString(36)}`;
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

      // In Ukrainian, a person of their own reads the interface in Ukrainian (the language is saved on
      // the account, so the shared demo accounts stay in English for the other tests).
      const page = lang === "en" ? await pageAs("auditor") : await ukrainianManager(await pageAs("admin"), browser, baseURL);
      await page.goto("/actions");
      await page.getByRole("searchbox", { name: L.search }).fill(token);
      await expect(page).toHaveURL(new RegExp(`[?&]q=${token}`));
      await waitForList(page);
      await page.getByLabel(L.type, { exact: true }).selectOption({ label: L.letter });
      await expect(page).toHaveURL(/[?&]type=LETTER_APPEAL/);
      await waitForList(page);
      const onScreen = await rowTitles(page);
      expect(onScreen).toEqual([ukrainian.title, english.title]); // newest date first; record text as written

      // The menu says how many rows the file will hold.
      await page.getByRole("button", { name: L.export, exact: true }).click();
      await expect(page.getByTestId("export-row-count")).toHaveText(L.twoRows);
      await page.keyboard.press("Escape");

      const csv = await exportAs(page, L, "CSV (.csv)");
      expect(csv.download.suggestedFilename()).toMatch(/^actions-\d{4}-\d{2}-\d{2}\.csv$/);
      expect(csv.bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
      const rows = parse(csv.bytes, { bom: true }) as string[][];
      expect(rows[0].slice(0, 3)).toEqual([L.titleHeader, L.referenceHeader, L.typeHeader]);
      expect(rows[0].at(-1)).toBe(L.urlHeader);
      expect(rows.slice(1).map((r) => r[0])).toEqual(onScreen);
      expect(rows.slice(1).map((r) => r[2])).toEqual([L.letter, L.letter]);
      expect(rows[1].at(-1)).toBe(`${new URL(page.url()).origin}/actions/${ukrainian.id}`);
      await expect(page.getByRole("status").filter({ hasText: L.started })).toBeVisible();

      const xlsx = await exportAs(page, L, "Excel (.xlsx)");
      expect(xlsx.download.suggestedFilename()).toMatch(/^actions-\d{4}-\d{2}-\d{2}\.xlsx$/);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
      const sheet = workbook.worksheets[0];
      expect(sheet.name).toBe(L.sheet);
      const titles: string[] = [];
      const types: string[] = [];
      sheet.eachRow((row, n) => {
        if (n === 1) return;
        titles.push(String(row.getCell(1).value));
        types.push(String(row.getCell(3).value));
      });
      expect(sheet.getCell("A1").value).toBe(L.titleHeader);
      expect(titles).toEqual(onScreen);
      expect(types).toEqual([L.letter, L.letter]);
      expect(sheet.getCell("D2").value).toEqual(new Date("2025-03-02T00:00:00Z")); // a real date
      if (lang === "uk") await page.context().close();
    });
  }

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
