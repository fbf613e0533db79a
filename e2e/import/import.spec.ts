import ExcelJS from "exceljs";
import { expect, SAVE, test, uniqueTitle, waitForHydration } from "../fixtures";

test.use({ role: "manager" });

/** A 200-row log of actions; rows 14, 50 and 100 of the sheet (the header is row 1) are wrong. */
async function spreadsheet(token: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Log");
  ws.addRow(["Назва", "Дата", "Тип", "Статус", "Організації", "Confidentiality"]);
  for (let i = 1; i <= 200; i++) {
    const sheetRow = i + 1;
    ws.addRow([
      sheetRow === 100 ? "" : `Imported letter row${i} ${token}`,
      sheetRow === 14 ? "31.02.2023" : i % 3 === 0 ? "2023-05" : "14.05.2023",
      sheetRow === 50 ? "Telegram" : i % 2 ? "Letter or appeal" : "LETTER_APPEAL",
      "Sent",
      "GANHRI",
      i % 10 === 0 ? "Restricted" : "Internal",
    ]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

test("[IMPORT] a manager imports a 200-row spreadsheet with 3 bad rows, skips them, finds an action, then undoes the import", async ({
  page,
}) => {
  test.slow();
  const token = `imp${Date.now().toString(36)}`;
  const name = `log-${token}.xlsx`;
  await page.goto("/import");
  await expect(page.getByRole("heading", { level: 1, name: "Import of past logs" })).toBeVisible();
  const file = page.getByLabel("File (CSV or XLSX)");
  await waitForHydration(file);
  await file.setInputFiles({
    name,
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer: await spreadsheet(token),
  });
  await page.getByRole("button", { name: "Check the file" }).click();

  // the columns were matched from the Ukrainian headers
  await expect(page.getByTestId("import-summary")).toHaveText("200 rows: 197 will be created, 0 will be updated, 0 unchanged, 3 with errors.", SAVE);
  await expect(page.getByRole("combobox", { name: "Title" })).toHaveValue("Назва");
  await expect(page.getByRole("combobox", { name: "Counterpart organizations" })).toHaveValue("Організації");
  const report = page.getByTestId("import-report");
  await expect(report).toContainText("Row 14, column Дата: “31.02.2023” is not a date");
  await expect(report).toContainText("Row 50, column Тип: “Telegram” is not one of the values of this list");
  await expect(report).toContainText("Row 100, column Назва: Fill this in.");
  await expect(page.getByRole("button", { name: "Import 197 records" })).toBeDisabled();
  await page.screenshot({ path: "e2e/screenshots/import-report.png", fullPage: true });

  await page.getByRole("button", { name: "Skip the 3 bad rows" }).click();
  // the import runs in the background: its progress bar shows until the report arrives
  const finished = page.getByRole("status").filter({ hasText: "197 records created, 0 updated, 3 skipped." });
  await expect(page.getByRole("progressbar", { name: "Importing…" }).or(finished)).toBeVisible(SAVE);
  await expect(finished).toBeVisible(SAVE);
  await expect(page).toHaveURL(/\/import\?job=/);
  // the job's id is in the URL: a reload finds the same report, with its undo
  await page.reload();
  await expect(finished).toBeVisible(SAVE);
  await expect(page.getByRole("button", { name: "Undo this import" }).first()).toBeVisible();

  await page.goto(`/actions?q=${encodeURIComponent(`Imported letter row7 ${token}`)}`);
  await expect(page.getByRole("link", { name: `Imported letter row7 ${token}`, exact: true })).toBeVisible(SAVE);

  await page.goto("/import");
  const row = page.getByRole("row").filter({ hasText: name });
  await expect(row).toContainText("197 / 0 / 3");
  const undo = row.getByRole("button", { name: "Undo this import" });
  await waitForHydration(undo);
  await undo.click();
  await expect(row).toContainText("Undone", SAVE);

  await page.goto(`/actions?q=${encodeURIComponent(`Imported letter row7 ${token}`)}`);
  await expect(page.getByRole("link", { name: `Imported letter row7 ${token}`, exact: true })).toHaveCount(0);
});

test("[IMPORT] a manager imports a 6,000-row CSV, watches its progress and keeps using the app meanwhile", async ({
  page,
  context,
}) => {
  test.slow();
  const token = `big${Date.now().toString(36)}`;
  const lines = ["Назва;Дата;Тип;Статус"];
  for (let i = 1; i <= 6000; i++) lines.push(`Bulk letter ${i} ${token};14.05.2023;LETTER_APPEAL;Sent`);
  await page.goto("/import");
  const file = page.getByLabel("File (CSV or XLSX)");
  await waitForHydration(file);
  await file.setInputFiles({ name: `bulk-${token}.csv`, mimeType: "text/csv", buffer: Buffer.from(lines.join("\n")) });
  await page.getByRole("button", { name: "Check the file" }).click();
  await expect(page.getByTestId("import-summary")).toHaveText(/^6,000 rows: 6,?000 will be created, 0 will be updated, 0 unchanged, 0 with errors\.$/, SAVE);

  await page.getByRole("button", { name: "Import 6,000 records" }).click();
  const bar = page.getByRole("progressbar", { name: "Importing…" });
  await expect(bar).toHaveAttribute("aria-valuemax", "6000", SAVE);
  await expect(page.getByTestId("import-progress-text")).toContainText("of 6,000 rows imported");

  // another tab of the same person answers while the import runs
  const other = await context.newPage();
  await other.goto("/actions");
  await expect(other.getByRole("heading", { level: 1, name: "Actions" })).toBeVisible();
  await other.close();

  await expect(page.getByRole("status").filter({ hasText: "6,000 records created, 0 updated, 0 skipped." })).toBeVisible({
    timeout: 120_000,
  });
  const undo = page.getByRole("button", { name: "Undo this import" }).first();
  await undo.click();
  await expect(page.getByRole("status").filter({ hasText: "The import was undone." })).toBeVisible(SAVE);
});

test("[IMPORT] a manager imports a row that updates an existing action's status, opens it, then undoes the import", async ({
  page,
}) => {
  const title = uniqueTitle("Appeal to update");
  const token = Date.now().toString(36);
  const reference = `№ 2.1/${token}-24`;
  const fileName = `update-${token}.csv`;
  await page.goto("/actions/new");
  await waitForHydration(page.getByRole("button", { name: "Create action" }));
  await page.getByRole("textbox", { name: "Title", exact: true }).fill(title);
  await page.getByRole("combobox", { name: "Type", exact: true }).selectOption({ label: "Letter or appeal" });
  await page.getByRole("combobox", { name: "Status", exact: true }).selectOption({ label: "Sent" });
  await page.getByRole("textbox", { name: "Date", exact: true }).fill("2025-03-14");
  await page.getByRole("textbox", { name: "Outgoing reference number" }).fill(reference);
  await page.getByRole("button", { name: "Create action" }).click();
  await expect(page).toHaveURL(/\/actions\/[^/]+\?saved=created$/, SAVE);
  const actionUrl = new URL(page.url()).pathname;
  // the status badge beside the title (the page's History lists old statuses too)
  const header = page.locator('[data-slot="page-header"]');
  await expect(header).toContainText("Sent");

  // the file names the action by its reference number (other case) and gives only a new status
  const lines = ["Reference;Status;Title", `${reference.toLowerCase()};Response received;`];
  await page.goto("/import");
  const file = page.getByLabel("File (CSV or XLSX)");
  await waitForHydration(file);
  await file.setInputFiles({ name: fileName, mimeType: "text/csv", buffer: Buffer.from(lines.join("\n")) });
  await page.getByRole("button", { name: "Check the file" }).click();
  await expect(page.getByTestId("import-summary")).toHaveText(
    "1 row: 0 will be created, 1 will be updated, 0 unchanged, 0 with errors.",
    SAVE,
  );
  const report = page.getByTestId("import-report");
  await expect(report.getByText("Will update", { exact: true })).toBeVisible();
  await expect(report).toContainText("Status: Sent → Response received");

  await page.getByRole("button", { name: "Import 1 record" }).click();
  await expect(page.getByRole("status").filter({ hasText: "0 records created, 1 updated, 0 skipped." })).toBeVisible(SAVE);

  await page.goto(actionUrl);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(header).toContainText("Response received");

  await page.goto("/import");
  const row = page.getByRole("row").filter({ hasText: fileName });
  await expect(row).toContainText("0 / 1 / 0");
  const undo = row.getByRole("button", { name: "Undo this import" });
  await waitForHydration(undo);
  await undo.click();
  await expect(row).toContainText("Undone", SAVE);

  await page.goto(actionUrl);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(header).toContainText("Sent");
  await expect(header).not.toContainText("Response received");
});

test.describe("staff", () => {
  test.use({ role: "staff" });
  test("[IMPORT] staff do not see the import and are refused there", async ({ page }) => {
    await page.goto("/dashboard");
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Actions" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Import", exact: true })).toHaveCount(0);
    await page.goto("/import");
    await expect(page.getByRole("button", { name: "Check the file" })).toHaveCount(0);
  });
});
