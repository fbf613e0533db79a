import AxeBuilder from "@axe-core/playwright";
import { expect, test, uniqueTitle, waitForHydration, SAVE } from "../fixtures";

test.use({ role: "staff" });

const isoIn = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

test("[REMINDERS] a follow-up due tomorrow reaches its author under the bell once the reminder job runs", async ({ page, pageAs }) => {
  test.slow();
  // staff logs a letter that needs chasing tomorrow
  const title = uniqueTitle("E2E reminder");
  await page.goto("/actions/new");
  await waitForHydration(page.getByRole("button", { name: "Create action" }));
  await page.getByRole("textbox", { name: "Title", exact: true }).fill(title);
  await page.getByRole("combobox", { name: "Type", exact: true }).selectOption({ label: "Letter or appeal" });
  await page.getByRole("combobox", { name: "Status", exact: true }).selectOption({ label: "Sent" });
  await page.getByRole("textbox", { name: "Date", exact: true }).fill(isoIn(0));
  await page.getByRole("textbox", { name: "Follow-up due", exact: true }).fill(isoIn(1));
  await page.getByRole("button", { name: "Create action" }).click();
  await expect(page).toHaveURL(/\/actions\/[^/]+\?saved=created$/, SAVE);
  const actionUrl = new URL(page.url()).pathname;

  // the administrator runs the reminder job now (the test server does not tick on its own)
  const admin = await pageAs("admin");
  await admin.goto("/admin/jobs");
  await expect(admin.getByRole("heading", { level: 1, name: "Background jobs" })).toBeVisible();
  await expect(admin.getByText("Email is not configured (SMTP_URL is not set): reminders appear in the app only.")).toBeVisible();
  const run = admin.getByRole("button", { name: "Run now: Follow-up reminders" });
  await waitForHydration(run);
  await run.click();
  await expect(admin.getByText(/^Done: /)).toBeVisible(SAVE);
  // the run is recorded: a fresh load shows when it ran (and axe checks the page as loaded, with its
  // title; right after the action the streamed metadata may not be back yet)
  await admin.reload();
  await expect(admin).toHaveTitle(/Background jobs/);
  const row = admin.getByRole("row").filter({ hasText: "Follow-up reminders" });
  await expect(row).not.toContainText("Not yet");
  await expect(row).toContainText(/reminders? created|no new reminders/);
  const axe = await new AxeBuilder({ page: admin }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);
  await admin.screenshot({ path: "test-results/jobs-page.png", fullPage: true });
  await admin.close();

  // the author sees it under the bell, and it opens the action
  await page.goto("/my-work");
  const bell = page.getByRole("button", { name: /Notifications, \d+ unread/ }).first();
  await waitForHydration(bell);
  await bell.click();
  const item = page.getByRole("menuitem", { name: new RegExp(`Follow-up due soon: “${title}”`) });
  await expect(item).toBeVisible();
  await page.screenshot({ path: "test-results/reminder-notification.png" });
  await item.click();
  await expect(page).toHaveURL(new RegExp(`${actionUrl}$`));
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
});

test("[REMINDERS] a person chooses a daily digest instead of one email per reminder", async ({ pageAs }) => {
  // its own account, so that the choice does not change what other tests see
  const page = await pageAs("secondStaff");
  await page.goto("/account");
  const card = page.getByRole("group", { name: "Email me" });
  await expect(card.getByRole("radio", { name: "Each one at once" })).toBeChecked();
  await expect(page.getByText("Email is not set up on this server yet")).toBeVisible();
  const digest = card.getByRole("radio", { name: "One digest a day (8:00 Kyiv time)" });
  await waitForHydration(digest);
  await digest.check();
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("Saved.", { exact: true })).toBeVisible(SAVE);
  await page.reload();
  await expect(page.getByRole("group", { name: "Email me" }).getByRole("radio", { name: "One digest a day (8:00 Kyiv time)" })).toBeChecked();
  // back as it was, so the test can run again
  await page.getByRole("radio", { name: "Each one at once" }).check();
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("Saved.", { exact: true })).toBeVisible(SAVE);
});

test("[REMINDERS] only administrators see the jobs page", async ({ page }) => {
  await page.goto("/admin/jobs");
  await expect(page.getByText("Not allowed", { exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: /^Run now/ })).toHaveCount(0);
  await expect(page.getByText("Background jobs")).toHaveCount(0);
});
