import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, SAVE, SEED, test, waitForHydration } from "../fixtures";

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/** Runs axe on the page as it is now; fails on serious or critical violations, listing them readably. */
async function expectNoSeriousViolations(page: Page, what: string) {
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const blocking = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  const report = blocking
    .map((v) =>
      [
        `[${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})`,
        ...v.nodes
          .slice(0, 5)
          .map((n) => `    at ${n.target.join(" ")}\n       ${n.failureSummary?.replace(/\n/g, "\n       ")}`),
        v.nodes.length > 5 ? `    … and ${v.nodes.length - 5} more` : "",
      ]
        .filter(Boolean)
        .join("\n"),
    )
    .join("\n\n");
  const minor = violations.filter((v) => !blocking.includes(v)).map((v) => `${v.id} (${v.impact})`);
  if (minor.length) test.info().annotations.push({ type: "axe: minor", description: `${what}: ${minor.join(", ")}` });
  expect(blocking, `${what}: ${blocking.length} serious or critical accessibility violations\n\n${report}`).toEqual([]);
}

/** The href of the first row link with this name on a list page. */
async function detailHref(page: Page, list: string, name: string) {
  await page.goto(list);
  const href = await page.getByRole("main").getByRole("link", { name, exact: true }).first().getAttribute("href");
  expect(href, `link "${name}" on ${list}`).toBeTruthy();
  return href!;
}

test.describe("accessibility (axe, WCAG 2.1 A and AA)", () => {
  test("[A11Y] the sign-in page, also with an error shown", async ({ page }) => {
    await page.goto("/login");
    await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
    await expectNoSeriousViolations(page, "/login");
    await waitForHydration(page.getByRole("button", { name: "Sign in" }));
    await page.getByLabel("Email").fill("nobody@example.org");
    await page.getByLabel("Password").fill("wrong-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("login-error")).toBeVisible(SAVE);
    await expectNoSeriousViolations(page, "/login with an error");
  });

  test.describe("signed in", () => {
    test.use({ role: "staff" });

    const lists = [
      { path: "/actions", heading: "Actions" },
      { path: "/outcomes", heading: "Outcomes" },
      { path: "/campaigns", heading: "Campaigns" },
      { path: "/organizations", heading: "Organizations" },
    ];
    for (const { path, heading } of lists) {
      test(`[A11Y] the list ${path}`, async ({ page }) => {
        await page.goto(path);
        await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
        await expectNoSeriousViolations(page, path);
      });
    }

    const details = [
      { what: "an action", list: "/actions?q=GANHRI%20SCA", name: SEED.scaAction },
      { what: "an outcome", list: "/outcomes?q=ENNHRI", name: SEED.ennhriOutcome },
      { what: "a campaign", list: "/campaigns", name: SEED.campaign },
      { what: "an organization", list: "/organizations?q=GANHRI", name: "GANHRI" },
    ];
    for (const { what, list, name } of details) {
      test(`[A11Y] the detail page of ${what}`, async ({ page }) => {
        const href = await detailHref(page, list, name);
        await page.goto(href);
        await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
        await expectNoSeriousViolations(page, href);
      });
    }

    test("[A11Y] the new action form, empty and with validation errors, and its multi-select open", async ({ page }) => {
      test.slow(); // many page loads: room for a busy 2-core machine
      await page.goto("/actions/new");
      await expect(page.getByRole("heading", { level: 1, name: "New action" })).toBeVisible();
      await expectNoSeriousViolations(page, "/actions/new");
      await waitForHydration(page.getByRole("button", { name: "Create action" }));

      await page.getByRole("textbox", { name: "Title", exact: true }).fill("");
      await page.getByRole("textbox", { name: "Date", exact: true }).fill("2025-05-10");
      await page.getByLabel("Follow-up due").fill("2025-05-01");
      await page.getByRole("button", { name: "Create action" }).click();
      await expect(page.getByTestId("form-error")).toBeVisible(SAVE);
      await expectNoSeriousViolations(page, "/actions/new with validation errors");

      await page.getByRole("combobox", { name: "Counterpart bodies" }).click();
      await expect(page.getByRole("dialog", { name: "Counterpart bodies" })).toBeVisible();
      await expectNoSeriousViolations(page, "/actions/new with the counterpart bodies open");
    });

    test("[A11Y] the link dialog on an action page", async ({ page }) => {
      // a staff member's own action, so the dialog is offered; the page is only read
      const href = await detailHref(page, "/actions?q=GANHRI%20SCA", SEED.scaAction);
      await page.goto(href);
      await waitForHydration(page.getByRole("button", { name: "Link an outcome" }));
      await page.getByRole("button", { name: "Link an outcome" }).click();
      const dialog = page.getByRole("dialog", { name: "Link an outcome" });
      await expect(dialog.getByRole("radio").first()).toBeVisible();
      await expectNoSeriousViolations(page, `${href} with the link dialog open`);
    });
  });
});
