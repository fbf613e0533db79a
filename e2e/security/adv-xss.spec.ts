// Stored XSS: script payloads saved in every free-text field of actions, outcomes, links, evidence
// file names, campaigns, organizations and a person's name, then every page that shows them is
// opened. A dialog must never fire, no payload element may appear in the DOM, and the text is shown
// literally. A `javascript:` URL is refused where a URL is stored.
import type { Page } from "@playwright/test";
import { expect, SAVE, test, waitForHydration } from "../fixtures";
import { browserSignedInAs } from "./auth-helpers";
import { canary, postAction, postAttachment, postLink, postOutcome, today } from "./adv-helpers";

const IMG = "<img src=x onerror=alert(1)>";
const SCRIPT = '"><script>alert(1)</script>';
const SVG = "'><svg onload=alert(1)>";

/** Counts dialogs (alert, confirm, prompt) on a page; dismisses them so the page goes on. */
function watchDialogs(page: Page): string[] {
  const seen: string[] = [];
  page.on("dialog", (d) => {
    seen.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  return seen;
}

/** Opens a page, lets it hydrate and checks that no payload turned into markup. */
async function openAndCheck(page: Page, path: string, dialogs: string[]) {
  const res = await page.goto(path);
  expect(res?.status(), path).toBeLessThan(400);
  await waitForHydration(page.locator("main, #main, #main-content").first());
  await page.waitForLoadState("networkidle").catch(() => {});
  expect(await page.locator('img[src="x"]').count(), `${path}: an injected <img>`).toBe(0);
  expect(await page.locator("svg[onload]").count(), `${path}: an injected <svg onload>`).toBe(0);
  const scripts = await page
    .locator("script")
    .evaluateAll((els) =>
      els.map((e) => e.textContent ?? "").filter((t) => t.includes("alert(1)") && !t.includes("self.__next_f")),
    );
  expect(scripts, `${path}: a script element with the payload`).toEqual([]);
  const hrefs = await page.locator("a[href]").evaluateAll((els) => els.map((e) => e.getAttribute("href") ?? ""));
  expect(
    hrefs.filter((h) => /^\s*javascript:/i.test(h)),
    `${path}: a javascript: link`,
  ).toEqual([]);
  expect(dialogs, `${path}: a dialog fired`).toEqual([]);
}

test.describe("stored XSS", () => {
  test.use({ role: "manager" });
  test.describe.configure({ timeout: 240_000 });

  test("[SECURITY] script payloads in every text field are stored and shown as text on every page; no dialog fires", async ({
    page,
    pageAs,
  }) => {
    const t = canary();
    const dialogs = watchDialogs(page);

    // organization and campaign: through their forms
    await page.goto("/organizations/new");
    await waitForHydration(page.getByRole("button", { name: "Create organization" }));
    await page.getByRole("textbox", { name: "Name", exact: true }).fill(`Org ${t} ${IMG}`);
    await page.getByRole("textbox", { name: "Name in Ukrainian" }).fill(`Орг ${t} ${SCRIPT}`);
    await page.getByRole("textbox", { name: "Acronym" }).fill(`<b>${t.slice(-6)}</b>`);
    await page.getByRole("combobox", { name: "Kind" }).selectOption({ index: 1 });
    await page.getByRole("textbox", { name: "Country" }).fill(`${SVG}`);
    await page.getByRole("textbox", { name: "Website" }).fill("javascript:alert(1)");
    await page.getByRole("textbox", { name: "Notes" }).fill(`Notes ${t} ${SCRIPT} ${IMG}`);
    await page.getByRole("button", { name: "Create organization" }).click();
    // a javascript: URL is refused; an http(s) one holding a payload is accepted
    await expect(page.getByText("Enter a web address starting with https:// or http://.")).toBeVisible(SAVE);
    await page.getByRole("textbox", { name: "Website" }).fill(`https://example.org/?q=${encodeURIComponent(SCRIPT)}`);
    await page.getByRole("button", { name: "Create organization" }).click();
    await expect(page).toHaveURL(/\/organizations\/[^/?]+\?saved=created/, SAVE);
    const orgId = new URL(page.url()).pathname.split("/")[2];
    await expect(page.getByRole("heading", { level: 1 })).toContainText(`Org ${t} ${IMG}`);

    await page.goto("/campaigns/new");
    await waitForHydration(page.getByRole("button", { name: "Create campaign" }));
    await page.getByRole("textbox", { name: "Title", exact: true }).fill(`Campaign ${t} ${SCRIPT}`);
    await page.getByRole("textbox", { name: "Title in Ukrainian" }).fill(`Кампанія ${t} ${IMG}`);
    await page.getByRole("textbox", { name: "Goal" }).fill(`Goal ${t} ${SVG}`);
    await page.getByRole("combobox", { name: "Status", exact: true }).selectOption({ index: 1 });
    await page.getByRole("button", { name: "Create campaign" }).click();
    await expect(page).toHaveURL(/\/campaigns\/[^/?]+\?saved=created/, SAVE);
    const campaignId = new URL(page.url()).pathname.split("/")[2];
    await expect(page.getByRole("heading", { level: 1 })).toContainText(`Campaign ${t} ${SCRIPT}`);

    // action, outcome, link and evidence file: through the JSON API (the same lib functions)
    const action = await postAction(page.request, {
      title: `Action ${t} ${IMG}`,
      summary: `Summary ${t} ${SCRIPT}\n${SVG}`,
      referenceNumber: `${SCRIPT}`.slice(0, 100),
      responseSummary: `Response ${t} ${IMG}`,
      responseDate: today(),
      titleTranslation: `Дія ${t} ${SCRIPT}`,
      summaryTranslation: `Зміст ${t} ${IMG}`,
      organizationIds: [orgId],
      campaignIds: [campaignId],
    });
    const refused = await page.request.post("/api/outcomes", {
      data: {
        title: `x ${t}`,
        type: "RESOLUTION_ADOPTED",
        verification: "REPORTED",
        date: today(),
        sourceUrl: "javascript:alert(1)",
      },
    });
    expect(refused.status()).toBe(422);
    expect((await refused.json()).error.fieldErrors.sourceUrl).toBeDefined();
    const outcome = await postOutcome(page.request, {
      title: `Outcome ${t} ${SCRIPT}`,
      summary: `Outcome summary ${t} ${IMG}`,
      statusBefore: IMG,
      statusAfter: SCRIPT,
      sourceCitation: `Citation ${t} ${SVG}`,
      sourceUrl: `https://example.org/"onmouseover="alert(1)`,
      decidingBodyId: orgId,
      subjectId: orgId,
      campaignIds: [campaignId],
    });
    await postLink(page.request, { actionId: action.id, outcomeId: outcome.id, evidenceNote: `Evidence ${t} ${SCRIPT} ${IMG}` });
    await postAttachment(page.request, { recordType: "action", recordId: action.id, fileName: `${IMG} ${t}.pdf` });
    await postAttachment(page.request, { recordType: "outcome", recordId: outcome.id, fileName: `${SVG} ${t}.pdf` });

    // every page that shows them, as the manager
    const pages = [
      `/actions?q=${t}`,
      `/actions/${action.id}`,
      `/actions/${action.id}/edit`,
      `/outcomes?q=${t}`,
      `/outcomes/${outcome.id}`,
      `/outcomes/${outcome.id}/edit`,
      `/campaigns?q=${t}`,
      `/campaigns/${campaignId}`,
      `/campaigns/${campaignId}/edit`,
      `/organizations?q=${t}`,
      `/organizations/${orgId}`,
      `/organizations/${orgId}/edit`,
      "/dashboard",
      "/my-work",
      "/actions/new",
      "/outcomes/new",
    ];
    for (const path of pages) await openAndCheck(page, path, dialogs);

    // shown literally, where a person reads it
    await page.goto(`/actions/${action.id}`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(`Action ${t} ${IMG}`);
    await expect(page.getByText(`Evidence ${t} ${SCRIPT} ${IMG}`).first()).toBeVisible();
    await expect(page.getByText(`${IMG} ${t}.pdf`).first()).toBeVisible();
    await expect(page.getByText(`Org ${t} ${IMG}`).first()).toBeVisible();
    await expect(page.getByTestId("record-history")).toContainText(`Action ${t} ${IMG}`);
    await page.goto(`/outcomes/${outcome.id}`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(`Outcome ${t} ${SCRIPT}`);
    await expect(page.getByText(`Citation ${t} ${SVG}`).first()).toBeVisible();
    await page.goto(`/organizations/${orgId}`);
    await expect(page.getByText(`Notes ${t} ${SCRIPT} ${IMG}`).first()).toBeVisible();
    await page.goto(`/campaigns/${campaignId}`);
    await expect(page.getByText(`Goal ${t} ${SVG}`).first()).toBeVisible();
    expect(dialogs).toEqual([]);

    // the auditor's audit trail quotes every value
    const auditor = await pageAs("auditor");
    const auditorDialogs = watchDialogs(auditor);
    await openAndCheck(auditor, `/audit?q=${encodeURIComponent(t)}`, auditorDialogs);
    await openAndCheck(auditor, `/actions/${action.id}`, auditorDialogs);
  });

  test("[SECURITY] a person's name that is a script payload is shown as text in the users list, as author and in history", async ({
    pageAs,
    browser,
    baseURL,
  }) => {
    const admin = await pageAs("admin");
    const dialogs = watchDialogs(admin);
    const t = canary();
    const name = `${IMG}${t}`;
    const email = `xss.${t.toLowerCase()}@example.org`;
    await admin.goto("/admin/users/new");
    await waitForHydration(admin.getByRole("button", { name: "Create user" }));
    await admin.getByLabel("Name").fill(name);
    await admin.getByLabel("Email").fill(email);
    await admin.getByLabel("Role").selectOption({ label: "Staff" });
    await admin.getByLabel("Initial password").fill("a long passphrase for the e2e person");
    await admin.getByRole("button", { name: "Create user" }).click();
    await expect(admin).toHaveURL(/\/admin\/users\?saved=created/, SAVE);
    await openAndCheck(admin, "/admin/users", dialogs);
    await expect(admin.getByRole("row").filter({ hasText: email })).toContainText(name);

    // the person writes an action: their name shows as its author and in its history
    const { context, page: theirs } = await browserSignedInAs(browser, baseURL!, {
      email,
      password: "a long passphrase for the e2e person",
    });
    const theirDialogs = watchDialogs(theirs);
    const action = await postAction(theirs.request, { title: `By a payload name ${t}` });
    await openAndCheck(theirs, `/actions/${action.id}`, theirDialogs);
    await openAndCheck(theirs, "/dashboard", theirDialogs);
    await context.close();

    const manager = await pageAs("manager");
    const managerDialogs = watchDialogs(manager);
    await openAndCheck(manager, `/actions/${action.id}`, managerDialogs);
    await expect(manager.getByTestId("record-history")).toContainText(name);
    await openAndCheck(manager, `/actions?q=${t}`, managerDialogs);
  });
});
