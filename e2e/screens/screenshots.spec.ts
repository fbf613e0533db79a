// Full-page screenshots of the main pages at desktop and phone widths, for a human to look at
// (e2e/screenshots/, git-ignored). On phones, no page may scroll sideways: wide tables scroll
// inside their own container instead.
import path from "node:path";
import type { Page } from "@playwright/test";
import { expect, SAVE, SEED, test, waitForHydration } from "../fixtures";

const OUT = path.join(__dirname, "..", "screenshots");

const VIEWPORTS = {
  desktop: { width: 1280, height: 900 },
  phone: { width: 390, height: 844 },
} as const;

type Screen = { name: string; open: (page: Page) => Promise<void> };

// Detail pages are found through their list once, then opened directly (the phone pass reuses them).
const hrefs = new Map<string, string>();

/** Opens the detail page that the list links to under this name. */
const viaList = (list: string, name: string) => async (page: Page) => {
  let href = hrefs.get(name);
  if (!href) {
    await page.goto(list);
    href = (await page.getByRole("main").getByRole("link", { name, exact: true }).first().getAttribute("href"))!;
    hrefs.set(name, href);
  }
  await page.goto(href);
};

const SCREENS: Screen[] = [
  { name: "my-work", open: (p) => p.goto("/my-work").then(() => undefined) },
  { name: "actions", open: (p) => p.goto("/actions").then(() => undefined) },
  { name: "action-detail", open: viaList("/actions?q=GANHRI%20SCA", SEED.scaAction) },
  { name: "action-new", open: (p) => p.goto("/actions/new").then(() => undefined) },
  {
    name: "action-new-errors",
    open: async (p) => {
      await p.goto("/actions/new");
      await waitForHydration(p.getByRole("button", { name: "Create action" }));
      await p.getByRole("textbox", { name: "Date", exact: true }).fill("2025-05-10");
      await p.getByLabel("Follow-up due").fill("2025-05-01");
      await p.getByRole("button", { name: "Create action" }).click();
      await expect(p.getByTestId("form-error")).toBeVisible(SAVE);
    },
  },
  { name: "outcomes", open: (p) => p.goto("/outcomes").then(() => undefined) },
  { name: "outcome-detail", open: viaList("/outcomes?q=ENNHRI", SEED.ennhriOutcome) },
  { name: "campaigns", open: (p) => p.goto("/campaigns").then(() => undefined) },
  { name: "campaign-detail", open: viaList("/campaigns", SEED.campaign) },
  { name: "organizations", open: (p) => p.goto("/organizations").then(() => undefined) },
  { name: "organization-detail", open: viaList("/organizations?q=GANHRI", "GANHRI") },
];

/** How far the page itself scrolls sideways, and which elements stick out (outside table containers). */
async function horizontalOverflow(page: Page) {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const scrollWidth = document.scrollingElement!.scrollWidth;
    const culprits: string[] = [];
    if (scrollWidth > width + 1) {
      for (const el of Array.from(document.querySelectorAll<HTMLElement>("body *"))) {
        if (el.closest("[data-slot=table-container]")) continue;
        const rect = el.getBoundingClientRect();
        if (rect.right > width + 1 && rect.width > 0) {
          const id = el.id ? `#${el.id}` : "";
          const cls = typeof el.className === "string" ? `.${el.className.trim().split(/\s+/).slice(0, 3).join(".")}` : "";
          culprits.push(
            `${el.tagName.toLowerCase()}${id}${cls} (right edge ${Math.round(rect.right)}px) "${(el.textContent ?? "").trim().slice(0, 40)}"`,
          );
        }
      }
    }
    return { width, scrollWidth, culprits: culprits.slice(0, 8) };
  });
}

async function shoot(page: Page, viewport: keyof typeof VIEWPORTS, name: string) {
  await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
  await page.screenshot({ path: path.join(OUT, `${viewport}-${name}.png`), fullPage: true });
  if (viewport === "phone") {
    const { width, scrollWidth, culprits } = await horizontalOverflow(page);
    expect
      .soft(scrollWidth, `${name}: the page scrolls sideways on a ${width}px phone; sticking out: ${culprits.join("; ")}`)
      .toBeLessThanOrEqual(width + 1);
  }
}

for (const viewport of Object.keys(VIEWPORTS) as (keyof typeof VIEWPORTS)[]) {
  test.describe(`${viewport} (${VIEWPORTS[viewport].width}×${VIEWPORTS[viewport].height})`, () => {
    test.use({ viewport: VIEWPORTS[viewport], role: "staff" });

    test(`[SCREENS] the sign-in page on a ${viewport}`, async ({ browser, baseURL }) => {
      const context = await browser.newContext({ baseURL, viewport: VIEWPORTS[viewport] });
      const page = await context.newPage();
      await page.goto("/login");
      await shoot(page, viewport, "login");
      await context.close();
    });

    test(`[SCREENS] the main pages on a ${viewport}`, async ({ page }) => {
      test.setTimeout(120_000);
      for (const screen of SCREENS) {
        await screen.open(page);
        await shoot(page, viewport, screen.name);
      }
      if (viewport === "phone") {
        // the navigation lives in a slide-in menu on phones
        await page.goto("/actions");
        await waitForHydration(page.getByRole("button", { name: "Open menu" }));
        await page.getByRole("button", { name: "Open menu" }).click();
        const menu = page.getByRole("dialog", { name: "Advocacy Tracker" });
        await expect(menu.getByRole("link", { name: "Outcomes" })).toBeVisible();
        await page.screenshot({ path: path.join(OUT, `${viewport}-menu-open.png`) });
        await menu.getByRole("link", { name: "Outcomes" }).click();
        await expect(page.getByRole("heading", { level: 1, name: "Outcomes" })).toBeVisible();
        await expect(menu).toBeHidden();
      }
    });
  });
}
