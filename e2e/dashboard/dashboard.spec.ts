// What a manager and a staff member do with the dashboard, "My work" and the status history of a body.
// Every test makes the records it counts (in a year of its own), so it does not depend on other specs.
import type { Page } from "@playwright/test";
import { createAction, expect, LIST_UPDATE, SAVE, SEED, test, uniqueTitle, waitForHydration, waitForList } from "../fixtures";

/** A year no other spec writes in (their records are dated 2022–2026). */
const quietYear = () => 1950 + Math.floor(Math.random() * 40);

/** Creates an action through the form, with a follow-up date when given. */
async function createActionWithFollowUp(
  page: Page,
  fields: { title: string; type: string; status: string; date: string; followUpDue: string },
) {
  await page.goto("/actions/new");
  await waitForHydration(page.getByRole("button", { name: "Create action" }));
  await page.getByRole("textbox", { name: "Title", exact: true }).fill(fields.title);
  await page.getByRole("combobox", { name: "Type", exact: true }).selectOption({ label: fields.type });
  await page.getByRole("combobox", { name: "Status", exact: true }).selectOption({ label: fields.status });
  await page.getByRole("textbox", { name: "Date", exact: true }).fill(fields.date);
  await page.getByLabel("Follow-up due").fill(fields.followUpDue);
  await page.getByRole("button", { name: "Create action" }).click();
  await expect(page).toHaveURL(/\/actions\/[^/]+\?saved=created$/, SAVE);
}

test.describe("dashboard", () => {
  test.use({ role: "manager" });

  test("[DASHBOARD] manager picks a custom period, clicks a bar and lands on the list it counts", async ({ page }) => {
    test.slow(); // records made through the form: room for a busy 2-core machine
    const year = quietYear();
    await createAction(page, { title: uniqueTitle("E2E visit to Geneva"), type: "Foreign visit", date: `${year}-03-04` });
    await createAction(page, { title: uniqueTitle("E2E visit to Strasbourg"), type: "Foreign visit", date: `${year}-03-20` });
    await createAction(page, { title: uniqueTitle("E2E letter"), type: "Letter or appeal", date: `${year}-07-01` });

    await page.goto("/dashboard");
    await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
    await page.getByRole("textbox", { name: "From", exact: true }).fill(`${year}-01-01`);
    await page.getByRole("textbox", { name: "To", exact: true }).fill(`${year}-12-31`);
    await page.getByRole("button", { name: "Show", exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`period=custom&from=${year}-01-01&to=${year}-12-31`), LIST_UPDATE);

    // The counts, with the same period a year before beside them.
    await expect(page.getByTestId("stat-visit").getByRole("link").first()).toHaveText("2");
    await expect(page.getByTestId("stat-actions").getByRole("link").first()).toHaveText("3");
    await expect(page.getByTestId("stat-visit")).toContainText("a year before");

    // The chart's text alternative says what March holds; the bar opens that list.
    const chart = page.getByTestId("chart-actions");
    await expect(chart.getByRole("img", { name: /^Bar chart of actions/ })).toHaveAccessibleName(
      /3 actions in all, most in March/,
    );
    await waitForHydration(chart.getByRole("button", { name: "Show as table" }));
    const bars = chart.locator(".recharts-bar-rectangle path");
    await expect(bars).toHaveCount(2); // March (visits) and July (letter): the other months are empty
    // March's bar is the taller one (two visits against one letter).
    const heights = await Promise.all([0, 1].map(async (i) => (await bars.nth(i).boundingBox())?.height ?? 0));
    await bars.nth(heights[0]! > heights[1]! ? 0 : 1).click();
    await expect(page).toHaveURL(new RegExp(`/actions\\?category=visit&from=${year}-03-01&to=${year}-03-31`), LIST_UPDATE);
    await waitForList(page);
    await expect(page.getByRole("navigation", { name: "Pagination" })).toContainText("2 actions");
    await expect(page.getByRole("table").locator("tbody tr")).toHaveCount(2);
    // The filter the dashboard applied is shown, and can be removed.
    await expect(page.getByTestId("list-scope")).toContainText("Foreign visits");
  });

  test("[DASHBOARD] manager reads the chart as a table and follows a number to its list", async ({ page }) => {
    test.slow(); // records made through the form: room for a busy 2-core machine
    const year = quietYear();
    await createAction(page, {
      title: uniqueTitle("E2E meeting"),
      type: "Diplomatic or bilateral meeting",
      date: `${year}-05-05`,
    });
    await page.goto(`/dashboard?period=custom&from=${year}-01-01&to=${year}-12-31`);
    const chart = page.getByTestId("chart-actions");
    const toggle = chart.getByRole("button", { name: "Show as table" });
    await waitForHydration(toggle);
    await toggle.click();
    const table = chart.getByRole("table");
    await expect(table).toBeVisible();
    const may = table.getByRole("row", { name: new RegExp(`May ${year}`) });
    await may.getByRole("link", { name: new RegExp(`May ${year}, Total: 1`) }).click();
    await expect(page).toHaveURL(new RegExp(`/actions\\?from=${year}-05-01&to=${year}-05-31`), LIST_UPDATE);
    await waitForList(page);
    await expect(page.getByRole("navigation", { name: "Pagination" })).toContainText("1 action");
  });

  test("[DASHBOARD] manager asks what the Russian Ombudsman institution's GANHRI accreditation was on a date", async ({
    page,
  }) => {
    test.slow(); // several page loads: room for a busy 2-core machine
    await page.goto("/organizations?q=Russian");
    await page
      .getByRole("main")
      .getByRole("link", { name: /High Commissioner for Human Rights in the Russian Federation/ })
      .first()
      .click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Russian Federation");
    const history = page.getByTestId("status-history");
    await expect(history).toBeVisible();

    /** The GANHRI accreditation's status cell in the "status on" table, after asking about `date`. */
    const statusOn = async (date: string) => {
      await history.getByLabel("Status on").fill(date);
      await history.getByRole("button", { name: "Show" }).click();
      await expect(page).toHaveURL(new RegExp(`on=${date}`), LIST_UPDATE);
      return history
        .getByTestId("status-on")
        .getByRole("row", { name: /GANHRI accreditation/ })
        .getByRole("cell")
        .first();
    };
    // Decided in October 2024 (the day is not recorded): on 1 October it was A or already none.
    const first = await statusOn("2024-10-01");
    await expect(first).toContainText("A or none", { useInnerText: true });
    await expect(first).toContainText("October 2024", { useInnerText: true });
    // Before that month: A. After it: none.
    await expect((await statusOn("2024-09-15")).locator("span").first()).toHaveText("A");
    await expect((await statusOn("2025-01-15")).locator("span").first()).toHaveText("none");
    // The change links to the outcome and to what the office did.
    await history.getByRole("link", { name: SEED.ganhriOutcome }).first().click();
    await expect(page.getByRole("heading", { level: 1, name: SEED.ganhriOutcome })).toBeVisible();
  });
});

test.describe("my work", () => {
  test.use({ role: "staff" });

  test("[DASHBOARD] staff lands on My work and sees their overdue follow-up", async ({ page }) => {
    test.slow(); // records made through the form: room for a busy 2-core machine
    const title = uniqueTitle("E2E reminder to the HRMMU");
    // Due long ago, so it comes first among the overdue ones whatever else the account has.
    await createActionWithFollowUp(page, {
      title,
      type: "Letter or appeal",
      status: "Sent",
      date: "1951-01-10",
      followUpDue: "1951-02-01",
    });
    await page.goto("/");
    await expect(page).toHaveURL(/\/my-work$/);
    await expect(page.getByRole("heading", { level: 1, name: "My work" })).toBeVisible();
    const overdue = page.getByTestId("my-overdue");
    const row = overdue.getByRole("listitem").filter({ hasText: title });
    await expect(row).toBeVisible();
    await expect(row).toContainText("overdue");
    await row.getByRole("link", { name: title }).click();
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  });
});
