import { readFileSync } from "node:fs";
import type { Browser } from "@playwright/test";
import { createAction, expect, signIn, tableRows, test, USERS, waitForList } from "../fixtures";

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

    // The filtered events, as CSV.
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Export these events (CSV)" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^audit-trail-.*\.csv$/);
    const csv = readFileSync(await download.path(), "utf8");
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain(action.id);
    expect(csv).not.toContain("auth.signin.succeeded");

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
});
