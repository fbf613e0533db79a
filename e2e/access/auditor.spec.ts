import { expect, SEED, tableRows, test, uniqueTitle, waitForList } from "../fixtures";
import type { Page } from "@playwright/test";

const NOT_FOUND = "Page not found";

async function searchActions(page: Page, term: string) {
  await page.goto(`/actions?q=${encodeURIComponent(term)}`);
  await waitForList(page);
}

test.describe("an auditor reads but does not write", () => {
  test.use({ role: "auditor" });

  test("[ACCESS] auditor sees actions and their details, without any control to change them", async ({ page }) => {
    await page.goto("/actions");
    await expect(page.getByRole("heading", { level: 1, name: "Actions" })).toBeVisible();
    await expect(tableRows(page).first()).toBeVisible();
    await expect(page.getByRole("link", { name: "New action" })).toHaveCount(0);

    await searchActions(page, "Third-party information to the GANHRI SCA");
    await tableRows(page).getByRole("link", { name: SEED.scaAction }).click();
    await expect(page.getByRole("heading", { level: 1, name: SEED.scaAction })).toBeVisible();
    await expect(page.getByText("№ 2.1/15632-24")).toBeVisible();
    const linked = page.getByTestId("linked-records");
    await expect(linked.getByRole("link", { name: SEED.ganhriOutcome })).toBeVisible();
    await expect(page.getByRole("link", { name: "Edit action" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Delete" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Link an outcome" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: /Remove the link/ })).toHaveCount(0);

    // the same on the other side of the link
    await linked.getByRole("link", { name: SEED.ganhriOutcome }).click();
    await expect(page.getByRole("heading", { level: 1, name: SEED.ganhriOutcome })).toBeVisible();
    await expect(page.getByTestId("linked-records").getByRole("link", { name: SEED.scaAction })).toBeVisible();
    await expect(page.getByRole("link", { name: "Edit outcome" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Delete" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Link an action" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: /Remove the link/ })).toHaveCount(0);
  });

  test("[ACCESS] a direct POST /api/actions with the auditor's session is refused with 403 and creates nothing", async ({
    page,
  }) => {
    const title = uniqueTitle("Auditor tries to log an action");
    await page.goto("/actions");
    const res = await page.request.post("/api/actions", {
      data: {
        title,
        type: "LETTER_APPEAL",
        status: "SENT",
        date: "2025-01-15",
        datePrecision: "DAY",
        confidentiality: "INTERNAL",
      },
    });
    expect(res.status()).toBe(403);
    const body = await res.json();
    expect(body.error.code).toBe("FORBIDDEN");
    expect(body.error.message).toBe("Your role does not allow this. Ask a manager or an administrator if you need it.");

    // nothing was created: neither the API nor the list knows the title
    const list = await page.request.get(`/api/actions?q=${encodeURIComponent(title)}`);
    expect(list.status()).toBe(200);
    expect((await list.json()).total).toBe(0);
    await searchActions(page, title);
    await expect(page.getByRole("heading", { name: "No actions match" })).toBeVisible();
  });

  test("[ACCESS] auditor opening /actions/new directly sees the not-allowed page", async ({ page }) => {
    await page.goto("/actions/new");
    await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
    await expect(
      page.getByText("Your role does not allow this. Ask a manager or an administrator if you need it."),
    ).toBeVisible();
    await expect(page.getByRole("button", { name: "Create action" })).toHaveCount(0);
    await expect(page.getByRole("textbox", { name: "Title" })).toHaveCount(0);
  });
});

test.describe("restricted records", () => {
  test("[ACCESS] staff cannot see a restricted action of second.staff: 404 by direct URL, absent from search", async ({
    pageAs,
  }) => {
    test.slow(); // many page loads: room for a busy 2-core machine
    // second.staff takes part in it, so they can open it; that gives its address
    const second = await pageAs("secondStaff");
    await searchActions(second, "Confidential briefing");
    const link = tableRows(second).getByRole("link", { name: SEED.restrictedOfSecondStaff });
    await expect(link).toBeVisible();
    await expect(tableRows(second).first()).toContainText("Restricted");
    const href = (await link.getAttribute("href"))!;
    await second.goto(href);
    await expect(second.getByRole("heading", { level: 1, name: SEED.restrictedOfSecondStaff })).toBeVisible();

    const staff = await pageAs("staff");
    await staff.goto(href);
    await expect(staff.getByRole("heading", { level: 1, name: NOT_FOUND })).toBeVisible();
    await expect(staff.getByText(SEED.restrictedOfSecondStaff)).toHaveCount(0);

    await searchActions(staff, "Confidential briefing");
    await expect(staff.getByRole("heading", { name: "No actions match" })).toBeVisible();
    await searchActions(staff, "SPT");
    await expect(tableRows(staff).getByRole("link", { name: SEED.restrictedOfSecondStaff })).toHaveCount(0);

    // the API answers the same: as if it did not exist
    const api = await staff.request.get(`/api${href}`);
    expect(api.status()).toBe(404);
  });

  test("[ACCESS] an unknown action id shows the 404 page", async ({ pageAs }) => {
    const staff = await pageAs("staff");
    await staff.goto("/actions/does-not-exist");
    await expect(staff.getByRole("heading", { level: 1, name: NOT_FOUND })).toBeVisible();
    await expect(staff.getByText("The page or record does not exist, or you do not have access to it.")).toBeVisible();
  });
});
