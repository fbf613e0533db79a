// The dashboard, "My work", a campaign timeline and a status history: no serious accessibility
// violation (axe, WCAG 2.1 A/AA), and screenshots at desktop and phone widths, in English and in
// Ukrainian, for a human to look at (e2e/screenshots/, git-ignored). On a phone no page scrolls sideways.
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, SEED, test, waitForHydration } from "../fixtures";

const OUT = path.join(__dirname, "..", "screenshots");
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const VIEWPORTS = { desktop: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } } as const;

async function expectNoSeriousViolations(page: Page, what: string) {
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const blocking = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  const report = blocking.map(
    (v) =>
      `[${v.impact}] ${v.id}: ${v.help}\n${v.nodes
        .slice(0, 5)
        .map((n) => `    at ${n.target.join(" ")}`)
        .join("\n")}`,
  );
  expect(blocking, `${what}: serious or critical accessibility violations\n\n${report.join("\n\n")}`).toEqual([]);
}

/** The detail page the list links to under this name. */
async function detailHref(page: Page, list: string, name: string | RegExp) {
  await page.goto(list);
  const href = await page.getByRole("main").getByRole("link", { name }).first().getAttribute("href");
  expect(href, `a link "${name}" on ${list}`).toBeTruthy();
  return href!;
}

async function pages(page: Page) {
  return [
    { name: "dashboard", href: "/dashboard?period=custom&from=2022-01-01&to=2024-12-31" },
    { name: "my-work", href: "/my-work" },
    { name: "campaign-timeline", href: await detailHref(page, "/campaigns", SEED.campaign) },
    {
      name: "status-history",
      href: `${await detailHref(page, "/organizations?q=Russian", /High Commissioner for Human Rights in the Russian Federation/)}?on=2024-10-01`,
    },
  ];
}

/** Waits for what loads last: the streamed counterparts chart on the dashboard. */
async function settled(page: Page) {
  await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
  if (new URL(page.url()).pathname === "/dashboard")
    await expect(page.getByTestId("chart-counterparts")).toBeVisible({ timeout: 15_000 });
}

async function sidewaysOverflow(page: Page) {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const culprits = Array.from(document.querySelectorAll<HTMLElement>("main *"))
      .filter(
        (el) => !el.closest("[data-slot=table-container], .overflow-x-auto") && el.getBoundingClientRect().right > width + 1,
      )
      .slice(0, 6)
      .map(
        (el) =>
          `${el.tagName.toLowerCase()}.${String(el.className).split(/\s+/).slice(0, 3).join(".")} "${(el.textContent ?? "").trim().slice(0, 30)}"`,
      );
    return { width, scrollWidth: document.scrollingElement!.scrollWidth, culprits };
  });
}

async function shootAll(page: Page, list: { name: string; href: string }[], lang: string) {
  for (const viewport of Object.keys(VIEWPORTS) as (keyof typeof VIEWPORTS)[]) {
    await page.setViewportSize(VIEWPORTS[viewport]);
    for (const { name, href } of list) {
      await page.goto(href);
      await settled(page);
      await page.screenshot({ path: path.join(OUT, `${viewport}-${lang}-${name}.png`), fullPage: true });
      if (viewport === "phone") {
        const { width, scrollWidth, culprits } = await sidewaysOverflow(page);
        expect
          .soft(scrollWidth, `${lang} ${name}: scrolls sideways on a ${width}px phone; sticking out: ${culprits.join("; ")}`)
          .toBeLessThanOrEqual(width + 1);
      }
    }
  }
}

/** Picks the language in the user menu (saved on the account). */
async function switchLanguage(page: Page, userName: string, language: "English" | "Українська") {
  await page.setViewportSize(VIEWPORTS.desktop);
  await page.goto("/dashboard");
  const trigger = page.getByRole("button", { name: new RegExp(userName) });
  await waitForHydration(trigger);
  await trigger.click();
  await page.getByRole("menuitemradio", { name: language }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", language === "English" ? "en" : "uk", { timeout: 15_000 });
}

test.describe("dashboard pages", () => {
  test.use({ role: "manager" });

  test("[DASHBOARD] manager's dashboard, My work, a campaign timeline and a status history pass axe", async ({ page }) => {
    test.slow();
    for (const { name, href } of await pages(page)) {
      await page.goto(href);
      await settled(page);
      await expectNoSeriousViolations(page, name);
    }
    // The chart's table alternative, shown.
    await page.goto("/dashboard");
    const toggle = page.getByTestId("chart-actions").getByRole("button", { name: "Show as table" });
    await waitForHydration(toggle);
    await toggle.click();
    await expectNoSeriousViolations(page, "dashboard with the chart as a table");
  });

  test("[SCREENS] the dashboard, a campaign timeline and a status history in English and Ukrainian, wide and on a phone", async ({
    page,
  }) => {
    test.setTimeout(240_000);
    const list = await pages(page);
    await shootAll(page, list, "en");
    await switchLanguage(page, "Andrii Melnyk", "Українська");
    try {
      await shootAll(page, list, "uk");
    } finally {
      await switchLanguage(page, "Andrii Melnyk", "English");
    }
  });
});
