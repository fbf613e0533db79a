// Screenshots of the dashboard, a campaign timeline and a status history at a desktop and a phone
// width, for a person to look at (test-results/dashboard-screens/). No page may scroll sideways.
import path from "node:path";
import type { Page } from "@playwright/test";
import { expect, SEED, test } from "../fixtures";

const OUT = path.join(__dirname, "..", "..", "test-results", "dashboard-screens");
const WIDTHS = [1280, 390] as const;

const SCREENS: { name: string; open: (page: Page) => Promise<void> }[] = [
  {
    name: "dashboard-2024",
    open: async (p) => {
      await p.goto("/dashboard?period=custom&from=2024-01-01&to=2024-12-31");
      await expect(p.getByTestId("chart-actions").locator(".recharts-bar-rectangle").first()).toBeVisible();
    },
  },
  { name: "dashboard-this-year", open: async (p) => void (await p.goto("/dashboard")) },
  {
    name: "campaign-timeline",
    open: async (p) => {
      await p.goto("/campaigns");
      await p.getByRole("main").getByRole("link", { name: SEED.campaign, exact: true }).click();
      await expect(p.getByTestId("campaign-timeline")).toBeVisible();
    },
  },
  {
    name: "status-history",
    open: async (p) => {
      await p.goto("/organizations?q=High%20Commissioner");
      await p.getByRole("main").getByRole("link", { name: "High Commissioner for Human Rights in the Russian Federation", exact: true }).click();
      await p.getByTestId("status-history").getByLabel("Status on").fill("2024-10-01");
      await p.getByTestId("status-history").getByRole("button", { name: "Show" }).click();
      await expect(p).toHaveURL(/on=2024-10-01/);
    },
  },
];

test.describe("dashboard screenshots", () => {
  test.use({ role: "manager" });
  for (const width of WIDTHS) {
    for (const screen of SCREENS) {
      test(`[SCREENS] ${screen.name} at ${width}px`, async ({ page }) => {
        await page.setViewportSize({ width, height: 900 });
        await screen.open(page);
        await page.waitForLoadState("networkidle");
        const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
        await page.screenshot({ path: path.join(OUT, `${screen.name}-${width}.png`), fullPage: true });
        expect(scrollWidth, "the page scrolls sideways").toBeLessThanOrEqual(width);
      });
    }
  }
  test("[SCREENS] my work at 390px", async ({ pageAs }) => {
    const page = await pageAs("staff");
    await page.setViewportSize({ width: 390, height: 900 });
    await page.goto("/my-work");
    await page.screenshot({ path: path.join(OUT, "my-work-390.png"), fullPage: true });
  });
});
