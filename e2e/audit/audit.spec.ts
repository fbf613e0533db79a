import { readFileSync } from "node:fs";
import type { Browser } from "@playwright/test";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { createAction, expect, signIn, tableRows, test, USERS, waitForHydration, waitForList } from "../fixtures";

/**
 * A colleague logs an action in a context of their own. (Not pageAs: a context made while this test
 * signs in as the auditor inherits the auditor's session, so a first sign-in as staff there fails.)
 */
async function actionLoggedByStaff(browser: Browser, baseURL: string | undefined) {
  const context = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  try {
    const staff = await context.newPage();
    await signIn(staff, USERS.staff.email);
    return await createAction(staff);
  } finally {
    await context.close();
  }
}

test.describe("an auditor reads and verifies the audit trail", () => {
  test.use({ role: "auditor" });

  test("[AUDIT] auditor filters the trail by event, verifies it intact and prints the anchors", async ({
    page,
    browser,
    baseURL,
  }) => {
    test.slow(); // two people sign in, one logs an action, the other downloads and verifies the whole chain
    // The demo data is loaded without audit rows: a colleague logs an action first.
    const action = await actionLoggedByStaff(browser, baseURL);

    await page.goto("/audit");
    await expect(page.getByRole("heading", { level: 1, name: "Audit trail" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit trail" })).toHaveAttribute(
      "aria-current",
      "page",
    );

    // (a change before React has hydrated the filters is lost on a busy machine)
    await waitForHydration(page.getByLabel("Event", { exact: true }));
    await page.getByLabel("Event", { exact: true }).selectOption("action.created");
    await expect(page).toHaveURL(/[?&]event=action\.created/);
    await waitForList(page);
    const rows = tableRows(page);
    await expect(rows.first()).toBeVisible();
    for (const text of await rows.locator("td:nth-child(3)").allTextContents()) expect(text).toBe("action.created");
    const row = rows.filter({ has: page.getByRole("link", { name: new RegExp(action.id) }) });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText(USERS.staff.name);
    await expect(row).toContainText("Staff");
    await expect(row.locator("[data-field=title]")).toContainText(action.title);
    await expect(row.locator("td").first().locator("time")).toHaveText(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}$/);

    // The filtered events, as CSV and as Excel: exactly the rows on screen.
    const onScreen = (await rows.locator("td:first-child").allTextContents()).map((t) => t.match(/#(\d+)/)![1]);
    const exported = async (item: string) => {
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        (async () => {
          await page.getByRole("button", { name: "Export", exact: true }).click();
          await page.getByRole("menuitem", { name: item }).click();
        })(),
      ]);
      return { name: download.suggestedFilename(), bytes: readFileSync(await download.path()) };
    };
    const csv = await exported("CSV (.csv)");
    expect(csv.name).toMatch(/^audit-trail-.*\.csv$/);
    expect(csv.bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const records = parse(csv.bytes, { bom: true }) as string[][];
    expect(records[0].slice(0, 5)).toEqual(["Event", "Time (UTC)", "Who", "Role", "Event type"]);
    const csvRows = records.slice(1);
    // (the list shows 25 per page; the export holds every page)
    expect(csvRows.slice(0, onScreen.length).map((r) => r[0])).toEqual(onScreen);
    expect(new Set(csvRows.map((r) => r[4]))).toEqual(new Set(["action.created"]));
    expect(csvRows.some((r) => r[6] === action.id)).toBe(true);

    const xlsx = await exported("Excel (.xlsx)");
    expect(xlsx.name).toMatch(/^audit-trail-.*\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    const ids: string[] = [];
    sheet.eachRow((row, n) => {
      if (n > 1) ids.push(String(row.getCell(1).value));
    });
    expect(ids).toEqual(csvRows.map((r) => r[0]));
    expect(sheet.getCell("B2").value).toBeInstanceOf(Date);

    await page.getByRole("button", { name: "Verify the audit trail" }).click();
    const result = page.locator("#verify-result");
    await expect(result).toHaveAttribute("role", "status");
    await expect(result).toContainText(/Intact — \d+ events, head hash [0-9a-f]{64}/, { timeout: 20_000 });

    // The verification anchored the head: the printable list shows it.
    await page.getByRole("link", { name: "Printable list of anchors" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Audit trail anchors" })).toBeVisible();
    await expect(page.getByTestId("anchors").locator("tbody tr").first()).toContainText(/[0-9a-f]{64}/);
    await expect(page.getByRole("button", { name: "Print" })).toBeVisible();
  });
});

test.describe("staff and a record's History", () => {
  test.use({ role: "staff" });

  test("[HISTORY] staff edits an action's status and its History shows the change by them", async ({ page }) => {
    const action = await createAction(page, { status: "Sent" });
    await page.getByRole("link", { name: "Edit action" }).click();
    await page.getByRole("combobox", { name: "Status", exact: true }).selectOption({ label: "Awaiting response" });
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page).toHaveURL(new RegExp(`${action.url}\\?saved=updated$`));

    const history = page.getByRole("region", { name: "History" });
    const entries = history.getByRole("listitem");
    await expect(entries).toHaveCount(2);
    const changed = entries.first();
    await expect(changed).toContainText("Changed");
    await expect(changed).toContainText(`by ${USERS.staff.name} (Staff)`);
    const status = changed.locator("[data-field=status]");
    await expect(status.getByRole("term")).toHaveText("Status:");
    await expect(status.locator("[data-side=before]")).toHaveText("Sent");
    await expect(status.locator("[data-side=after]")).toHaveText("Awaiting response");
    await expect(entries.nth(1)).toContainText(`Created by ${USERS.staff.name}`);
  });

  test("[AUDIT] staff cannot open the audit trail and has no menu item for it", async ({ page }) => {
    await page.goto("/actions");
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Actions" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit trail" })).toHaveCount(0);

    await page.goto("/audit");
    await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
    await expect(page.getByRole("table")).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Verify the audit trail" })).toHaveCount(0);

    const res = await page.request.get("/api/exports/audit.csv");
    expect(res.status()).toBe(403);
  });

  test("[AUDIT] an auditor finds a staff member's refused export in the trail", async ({ page, browser, baseURL }) => {
    const refused = await page.request.get("/api/exports/actions.xlsx?q=refused");
    expect(refused.status()).toBe(403);

    const context = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
    try {
      const auditor = await context.newPage();
      await signIn(auditor, USERS.auditor.email);
      await auditor.goto("/audit?event=access.denied");
      await waitForList(auditor);
      const row = tableRows(auditor).filter({ hasText: "GET /api/exports/actions.xlsx" }).first();
      await expect(row).toContainText(USERS.staff.name);
      await expect(row).toContainText("export.run");
    } finally {
      await context.close();
    }
  });
});
