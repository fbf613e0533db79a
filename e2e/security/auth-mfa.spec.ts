// Two-step verification: set-up at /account with a QR code and a key, recovery codes shown once, a code
// asked after the password, wrong and reused codes refused; administrators must enrol first.
import type { Page } from "@playwright/test";
import { expect, SAVE, test } from "../fixtures";
import { browserSignedInAs, createPerson, freshContext, totp, waitForFreshHydration, type Person } from "./auth-helpers";

async function passwordStep(page: Page, person: Person) {
  await page.goto("/login");
  await waitForFreshHydration(page.getByRole("button", { name: "Sign in" }));
  await page.getByLabel("Email").fill(person.email);
  await page.getByLabel("Password").fill(person.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByLabel("Verification code")).toBeVisible(SAVE);
}

async function enrol(page: Page) {
  await waitForFreshHydration(page.getByRole("button", { name: "Set up two-step verification" }));
  await page.getByRole("button", { name: "Set up two-step verification" }).click();
  await expect(page.getByRole("img", { name: "QR code to add Advocacy Tracker to an authenticator app" })).toBeVisible(SAVE);
  const key = (await page.getByTestId("manual-key").textContent())!;
  await page.getByLabel("Code from the app").fill("000000");
  await page.getByRole("button", { name: "Confirm and turn on" }).click();
  await expect(page.getByText("This code is not correct or was already used.")).toBeVisible(SAVE);
  await page.getByLabel("Code from the app").fill(await totp(key, -1));
  await page.getByRole("button", { name: "Confirm and turn on" }).click();
  const codes = page.getByTestId("recovery-codes").getByRole("listitem");
  await expect(codes).toHaveCount(10, SAVE);
  return { key, recoveryCodes: await codes.allTextContents() };
}

test.describe("two-step verification", () => {
  test.use({ role: "admin" });
  // several browsers sign in one after another: slow on a busy machine
  test.describe.configure({ timeout: 180_000 });

  test("[AUTH] staff sets up two-step verification and signs in with a code; wrong and used codes are refused", async ({
    page,
    browser,
    baseURL,
  }) => {
    const person = await createPerson(page);
    const { context, page: theirs } = await browserSignedInAs(browser, baseURL!, person);
    await theirs.goto("/account");
    await expect(theirs.getByRole("heading", { level: 1, name: "Account and security" })).toBeVisible();
    const { key, recoveryCodes } = await enrol(theirs);
    await theirs.screenshot({ path: "test-results/auth-recovery-codes.png", fullPage: true });
    await context.close();

    // the password alone is not enough any more
    const fresh = await freshContext(browser, baseURL);
    const p = await fresh.newPage();
    await passwordStep(p, person);
    await p.screenshot({ path: "test-results/auth-code-step.png" });
    await p.getByLabel("Verification code").fill("123456");
    await p.getByRole("button", { name: "Verify" }).click();
    await expect(p.getByTestId("login-error")).toHaveText(/This code is not correct/, SAVE);
    await p.getByLabel("Verification code").fill(await totp(key, 0));
    await p.getByRole("button", { name: "Verify" }).click();
    await expect(p).not.toHaveURL(/\/login/, SAVE);
    await fresh.close();

    // a recovery code works once
    for (const expected of ["in", "refused"] as const) {
      const c = await freshContext(browser, baseURL);
      const q = await c.newPage();
      await passwordStep(q, person);
      await q.getByLabel("Verification code").fill(recoveryCodes[0]);
      await q.getByRole("button", { name: "Verify" }).click();
      if (expected === "in") await expect(q).not.toHaveURL(/\/login/, SAVE);
      else await expect(q.getByTestId("login-error")).toHaveText(/This code is not correct/, SAVE);
      await c.close();
    }
  });

  test("[AUTH] a new administrator without a second factor is sent to set-up and can do nothing else", async ({
    page,
    browser,
    baseURL,
  }) => {
    const person = await createPerson(page, "Administrator");
    const { context, page: theirs } = await browserSignedInAs(browser, baseURL!, person);
    await theirs.goto("/");
    await expect(theirs).toHaveURL(/\/enrol$/);
    await expect(theirs.getByRole("heading", { level: 1, name: "Set up two-step verification" })).toBeVisible();
    await theirs.screenshot({ path: "test-results/auth-enrol.png", fullPage: true });
    for (const path of ["/admin/users", "/actions", "/account"]) {
      await theirs.goto(path);
      await expect(theirs).toHaveURL(/\/enrol$/);
    }
    expect((await theirs.request.get("/api/actions")).status()).toBe(401);

    await enrol(theirs);
    await theirs.getByRole("link", { name: "Continue" }).click();
    await theirs.goto("/admin/users");
    await expect(theirs.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();
    await context.close();
  });

  test("[AUTH] the users list shows who has two-step verification and which demo accounts are exempt", async ({ page }) => {
    await page.goto("/admin/users");
    const demo = page.getByRole("row").filter({ hasText: "admin@example.org" });
    await expect(demo.getByText("Demo: exempt")).toBeVisible();
    await expect(page.getByRole("checkbox", { name: "Require two-step verification for everyone" })).not.toBeChecked();
    await page.screenshot({ path: "test-results/auth-users.png", fullPage: true });
  });
});
