import { expect, SAVE, signIn, test, USERS, waitForHydration } from "../fixtures";

const INVALID = "The email or password is not correct. Check both and try again.";

test.describe("signing in", () => {
  test("[AUTH] a visitor who is not signed in is sent from /actions to the sign-in page", async ({ page }) => {
    await page.goto("/actions");
    await expect(page).toHaveURL(/\/login/);
    await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
    await expect(page.getByLabel("Email")).toBeVisible();
    await expect(page.getByLabel("Password")).toBeVisible();
  });

  test("[AUTH] a wrong password gets the same message as an unknown email", async ({ page }) => {
    await page.goto("/login");
    const submit = page.getByRole("button", { name: "Sign in" });
    await waitForHydration(submit);

    await page.getByLabel("Email").fill(USERS.staff.email);
    await page.getByLabel("Password").fill("not-the-password-at-all");
    await submit.click();
    const error = page.getByTestId("login-error");
    await expect(error).toHaveText(INVALID, SAVE);
    const wrongPassword = await error.textContent();
    await expect(page).toHaveURL(/\/login/);

    await page.getByLabel("Email").fill("nobody-here@example.org");
    await page.getByLabel("Password").fill("not-the-password-at-all");
    await submit.click();
    // the message is re-rendered after the second attempt; wait for the button to be usable again
    await expect(submit).toBeEnabled(SAVE);
    await expect(error).toHaveText(INVALID);
    expect(await error.textContent()).toBe(wrongPassword);
    await expect(page).toHaveURL(/\/login/);
    await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
  });

  test("[AUTH] staff signs in, lands in the app, and signs out again", async ({ page }) => {
    await signIn(page, USERS.staff.email);
    // staff start from their own work (/my-work); before the dashboard existed the start page was /actions
    await expect(page).toHaveURL(/\/(my-work|actions)$/);
    await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Actions" }).click();
    await expect(page).toHaveURL(/\/actions$/);
    await expect(page.getByRole("heading", { level: 1, name: "Actions" })).toBeVisible();

    // the user menu in the sidebar names the person and the role
    const userMenu = page.getByRole("button", { name: `${USERS.staff.name} Staff` });
    await waitForHydration(userMenu);
    await userMenu.click();
    await page.getByRole("menuitem", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login/);
    await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();

    // the session is gone: the list sends back to the sign-in page
    await page.goto("/actions");
    await expect(page).toHaveURL(/\/login/);
  });
});
