// Managers see progress: the dashboard and its links, "My work", the status history of a body, the
// campaign timeline, follow-ups from the rules; and axe on each of these pages.
import AxeBuilder from "@axe-core/playwright";
import type { Locator, Page } from "@playwright/test";
import { createOutcome, expect, SEED, test, uniqueTitle } from "../fixtures";

const RU_OMBUDSMAN = "High Commissioner for Human Rights in the Russian Federation";
const YEAR_2024 = "/dashboard?period=custom&from=2024-01-01&to=2024-12-31";

/** The list's own total ("Showing 1–25 of 123"), once the list has rendered. */
async function listTotal(page: Page): Promise<number> {
  await expect(page.locator("[aria-busy=true]")).toHaveCount(0);
  const text = (await page.getByText(/^Showing \d+–\d+ of \d+$/).textContent()) ?? "";
  return Number(text.match(/of (\d+)$/)?.[1]);
}

/** The number the dashboard's table alternative shows for a link, found by the link's target. */
async function numberBehind(chart: Locator, href: string): Promise<number> {
  return Number(await chart.locator(`table a[href="${href}"]`).textContent());
}

/** Where the browser is, as path and query (the form the dashboard's links take). */
const here = (page: Page) => {
  const u = new URL(page.url());
  return `${u.pathname}${u.search}`;
};

async function expectNoSeriousViolations(page: Page, what: string) {
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const blocking = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  const report = blocking.map((v) => `[${v.impact}] ${v.id}: ${v.help}\n    ${v.nodes.slice(0, 5).map((n) => n.target.join(" ")).join("\n    ")}`).join("\n");
  expect(blocking, `${what}: serious or critical accessibility violations\n${report}`).toEqual([]);
}

async function openOrganization(page: Page, name: string) {
  await page.goto(`/organizations?q=${encodeURIComponent(name)}`);
  await page.getByRole("main").getByRole("link", { name, exact: true }).first().click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
}

test.describe("dashboard (manager)", () => {
  test.use({ role: "manager" });

  test("[DASHBOARD] a manager lands on the dashboard and reads the annual-report line for 2024", async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveURL(/\/dashboard$/);
    await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
    await expect(page.getByRole("link", { name: "This year", exact: true })).toHaveAttribute("aria-current", "true");

    await page.goto(YEAR_2024);
    await expect(page.getByTestId("period-range")).toContainText("Showing Jan 1 – Dec 31, 2024");
    await expect(page.getByTestId("report-line")).toContainText(/\d+ meetings? and \d+ foreign visits? in 2024\./);

    // The line's numbers are the meetings and foreign-visits cards, and each card opens its list.
    const meetings = Number(await page.getByTestId("stat-meeting").getByRole("link").first().textContent());
    const visits = Number(await page.getByTestId("stat-visit").getByRole("link").first().textContent());
    await expect(page.getByTestId("report-line")).toContainText(`${meetings} meeting${meetings === 1 ? "" : "s"} and ${visits} foreign visit`);
    await page.getByTestId("stat-visit").getByRole("link").first().click();
    await expect(page).toHaveURL(/\/actions\?category=visit&from=2024-01-01&to=2024-12-31$/);
    expect(await listTotal(page)).toBe(visits);
  });

  test("[DASHBOARD] a manager clicks a bar and lands on the matching filtered list", async ({ page }) => {
    await page.goto(YEAR_2024);
    const bodies = page.getByTestId("chart-counterparts");
    await bodies.locator(".recharts-bar-rectangle path").first().click();
    await expect(page).toHaveURL(/\/actions\?org=[^&]+&from=2024-01-01&to=2024-12-31$/);
    const bodyList = here(page);
    const bodyTotal = await listTotal(page);
    await page.goBack();
    expect(await numberBehind(bodies, bodyList)).toBe(bodyTotal);

    // A segment of the stacked month chart: one kind of action in one month.
    const months = page.getByTestId("chart-actions");
    await months.locator(".recharts-bar-rectangle path").last().click();
    await expect(page).toHaveURL(/\/actions\?(category|type)=[^&]+&from=2024-\d\d-01&to=2024-\d\d-\d\d$/);
    const segmentList = here(page);
    const segmentTotal = await listTotal(page);
    expect(segmentTotal).toBeGreaterThan(0);
    await page.goBack();
    expect(await numberBehind(months, segmentList)).toBe(segmentTotal);
  });

  test("[DASHBOARD] the charts can be read as tables whose numbers are links", async ({ page }) => {
    await page.goto(YEAR_2024);
    const outcomes = page.getByTestId("chart-outcomes");
    await outcomes.getByRole("button", { name: "Show as table" }).click();
    await expect(outcomes.getByRole("button", { name: "Show as chart" })).toBeVisible();
    const q4 = outcomes.getByRole("row", { name: /Q4 2024/ });
    await expect(q4).toBeVisible();
    const count = Number(await q4.getByRole("link").textContent());
    await q4.getByRole("link").click();
    await expect(page).toHaveURL(/\/outcomes\?from=2024-10-01&to=2024-12-31$/);
    expect(await listTotal(page)).toBe(count);
  });

  test("[DASHBOARD] status of the Russian Ombudsman institution on 1 October 2024", async ({ page }) => {
    await openOrganization(page, RU_OMBUDSMAN);
    const history = page.getByTestId("status-history");
    await expect(history.getByRole("heading", { name: "GANHRI accreditation" })).toBeVisible();

    const statusOn = async (date: string) => {
      await history.getByLabel("Status on").fill(date);
      await history.getByRole("button", { name: "Show" }).click();
      await expect(page).toHaveURL(new RegExp(`[?&]on=${date}`));
      return history.getByTestId("status-on");
    };

    // The SCA's decision is known only to the month: on 1 October it was A, or already none.
    let table = await statusOn("2024-10-01");
    await expect(table.locator("caption")).toHaveText("Status on October 1, 2024");
    const ganhri = table.getByRole("row", { name: /GANHRI accreditation/ });
    await expect(ganhri).toContainText("A or none");
    await expect(ganhri).toContainText("changed during October 2024; the exact day is not recorded");
    await expect(ganhri.getByRole("link", { name: SEED.ganhriOutcome })).toBeVisible();
    await expect(table.getByRole("row", { name: /ENNHRI membership/ })).toContainText("excluded");
    await expect(table.getByRole("row", { name: /IOI membership/ })).toContainText("revoked");

    table = await statusOn("2024-09-30");
    await expect(table.getByRole("row", { name: /GANHRI accreditation/ }).getByRole("cell").first()).toHaveText("A", { useInnerText: true });
    table = await statusOn("2024-11-15");
    await expect(table.getByRole("row", { name: /GANHRI accreditation/ }).getByRole("cell").first()).toHaveText("none", { useInnerText: true });

    // Each change names the actions behind it.
    await expect(history.getByRole("link", { name: SEED.scaAction })).toBeVisible();
  });

  test("[DASHBOARD] the campaign timeline filters by kind and type, with sub-goal progress", async ({ page }) => {
    await page.goto(`/campaigns`);
    await page.getByRole("main").getByRole("link", { name: SEED.campaign, exact: true }).click();
    await expect(page.getByRole("progressbar", { name: "Progress" })).toHaveAttribute("aria-valuetext", "4 of 4 sub-goals achieved");
    const timeline = page.getByTestId("campaign-timeline");
    const all = await timeline.locator(":scope > li").count();

    await page.getByLabel("Show", { exact: true }).selectOption({ label: "Outcomes only" });
    await expect(page).toHaveURL(/kind=outcome/);
    await expect(timeline.locator(':scope > li[data-kind="action"]')).toHaveCount(0);
    await page.getByLabel("Type", { exact: true }).selectOption({ label: "Excluded from membership" });
    await expect(page).toHaveURL(/type=outcome%3AMEMBERSHIP_EXCLUDED/);
    await expect(timeline.locator(":scope > li")).toHaveCount(2);
    await expect(page.getByText(`2 of ${all} entries shown`)).toBeVisible();

    await page.getByLabel("From", { exact: true }).fill("2024-01-01");
    await expect(timeline.locator(":scope > li")).toHaveCount(1);
    await expect(timeline).toContainText("AOM excludes the Russian Ombudsman institution");
    await page.getByRole("button", { name: "Clear filters" }).click();
    await expect(timeline.locator(":scope > li")).toHaveCount(all);
  });

  test("[DASHBOARD] an SCA recommendation offers the challenge-window follow-up", async ({ page }) => {
    const today = new Date().toISOString().slice(0, 10);
    const due = new Date(Date.now() + 28 * 86_400_000).toISOString().slice(0, 10);
    const outcome = await createOutcome(page, { title: uniqueTitle("SCA recommends downgrading a peer institution"), type: "Downgrade recommended", date: today });
    const card = page.getByTestId("follow-up-suggestions");
    await expect(card).toContainText("Challenge window closes");
    await card.getByRole("link", { name: "Create follow-up action" }).click();
    await expect(page).toHaveURL(/\/actions\/new\?/);
    await expect(page.getByLabel("Title", { exact: true })).toHaveValue(`Check whether the SCA recommendation was challenged: ${outcome.title}`);
    await expect(page.getByLabel("Follow-up due")).toHaveValue(due);
    await expect(page.getByLabel("Type", { exact: true })).toHaveValue("FOLLOW_UP_REMINDER");
  });

  test("[A11Y] dashboard, status history and campaign timeline have no serious axe violations", async ({ page }) => {
    await page.goto(YEAR_2024);
    await expect(page.getByTestId("chart-actions").locator(".recharts-bar-rectangle").first()).toBeVisible();
    await expectNoSeriousViolations(page, "/dashboard");
    await page.getByTestId("chart-actions").getByRole("button", { name: "Show as table" }).click();
    await expectNoSeriousViolations(page, "/dashboard with a chart as a table");
    await page.goto("/dashboard?period=month");
    await expectNoSeriousViolations(page, "/dashboard this month");

    await openOrganization(page, RU_OMBUDSMAN);
    await page.getByTestId("status-history").getByLabel("Status on").fill("2024-10-01");
    await page.getByTestId("status-history").getByRole("button", { name: "Show" }).click();
    await expect(page).toHaveURL(/on=2024-10-01/);
    await expectNoSeriousViolations(page, "status history");

    await page.goto("/campaigns");
    await page.getByRole("main").getByRole("link", { name: SEED.campaign, exact: true }).click();
    await page.getByLabel("Show", { exact: true }).selectOption({ label: "Outcomes only" });
    await expect(page).toHaveURL(/kind=outcome/);
    await expectNoSeriousViolations(page, "campaign timeline");
  });
});

test.describe("my work (staff)", () => {
  test.use({ role: "staff" });

  test("[DASHBOARD] a staff member sees My work with an overdue follow-up", async ({ page }) => {
    // A follow-up that fell due long ago, made by this staff member through the form.
    const title = uniqueTitle("Reminder to the UN HRMMU on the appeal about prisoners of war");
    await page.goto("/actions/new");
    await page.getByLabel("Title", { exact: true }).fill(title);
    await page.getByLabel("Type", { exact: true }).selectOption({ label: "Follow-up or reminder" });
    await page.getByLabel("Status", { exact: true }).selectOption({ label: "Sent" });
    await page.getByLabel("Date", { exact: true }).fill("2025-01-10");
    await page.getByLabel("Follow-up due").fill("2025-02-01");
    await page.getByRole("button", { name: "Create action" }).click();
    await expect(page).toHaveURL(/\/actions\/[^/]+\?saved=created$/);

    await page.goto("/");
    await expect(page).toHaveURL(/\/my-work$/);
    await expect(page.getByRole("heading", { level: 1, name: "My work" })).toBeVisible();
    const overdue = page.getByRole("region", { name: "Overdue follow-ups" });
    await expect(overdue.getByRole("link", { name: title })).toBeVisible();
    await expect(overdue.locator("li", { hasText: title })).toContainText(/\d+ days overdue/);
    await expect(page.getByRole("region", { name: "Recent activity" }).getByRole("link", { name: title })).toBeVisible();

    // The count opens the same list.
    const count = Number(await overdue.getByRole("link", { name: /Show all \d+: Overdue follow-ups/ }).textContent());
    await overdue.getByRole("link", { name: /Show all \d+: Overdue follow-ups/ }).click();
    await expect(page).toHaveURL(/\/actions\?mine=1&followUp=overdue/);
    expect(await listTotal(page)).toBe(count);
    await expect(page.getByRole("table").getByRole("link", { name: title })).toBeVisible();
  });

  test("[A11Y] My work has no serious axe violations", async ({ page }) => {
    await page.goto("/my-work");
    await expect(page.getByRole("heading", { level: 1, name: "My work" })).toBeVisible();
    await expectNoSeriousViolations(page, "/my-work");
  });
});
