// Sessions are revocable and checked on every request: an administrator ends them, a deactivation or
// demotion ends them at once, "sign out everywhere" ends them all, and a signed-out token is worthless.
import { expect, SAVE, test, waitForHydration } from "../fixtures";
import { browserSignedInAs, createPerson, userRow, waitForFreshHydration } from "./auth-helpers";

test.describe("sessions", () => {
  test.use({ role: "admin" });
  // several browsers sign in one after another: slow on a busy machine
  test.describe.configure({ timeout: 120_000 });

  test("[AUTH] an administrator ends someone's sessions: their very next request goes to sign-in", async ({
    page,
    browser,
    baseURL,
  }) => {
    const person = await createPerson(page);
    const { context, page: theirs } = await browserSignedInAs(browser, baseURL!, person);
    await theirs.goto("/actions");
    await expect(theirs.getByRole("heading", { level: 1, name: "Actions" })).toBeVisible();

    await page.goto("/admin/users");
    const end = userRow(page, person.name).getByRole("button", { name: `End all sessions of ${person.name}` });
    await waitForHydration(end);
    await end.click();
    await expect(userRow(page, person.name).getByText("Signed out everywhere.")).toBeVisible(SAVE);

    await theirs.goto("/actions");
    await expect(theirs).toHaveURL(/\/login/);
    // the API answers 401 for the same cookie
    expect((await theirs.request.get("/api/actions")).status()).toBe(401);
    await context.close();
  });

  test("[AUTH] a deactivated person with a live session is refused at once", async ({ page, browser, baseURL }) => {
    const person = await createPerson(page);
    const { context, page: theirs } = await browserSignedInAs(browser, baseURL!, person);

    await page.goto("/admin/users");
    const row = userRow(page, person.name);
    await waitForHydration(row.getByRole("checkbox", { name: "Active" }));
    await row.getByRole("checkbox", { name: "Active" }).uncheck();
    await row.getByRole("button", { name: `Save role and state of ${person.name}` }).click();
    await expect(row.getByText("Saved.")).toBeVisible(SAVE);

    await theirs.goto("/my-work");
    await expect(theirs).toHaveURL(/\/login/);
    expect((await theirs.request.get("/api/actions")).status()).toBe(401);
    await context.close();
  });

  test("[AUTH] a demoted manager loses the manager's session at once", async ({ page, browser, baseURL }) => {
    const person = await createPerson(page, "Manager");
    const { context, page: theirs } = await browserSignedInAs(browser, baseURL!, person);
    await theirs.goto("/organizations/new");
    await expect(theirs.getByRole("heading", { level: 1 })).toBeVisible();

    await page.goto("/admin/users");
    const row = userRow(page, person.name);
    await waitForHydration(row.getByRole("combobox"));
    await row.getByRole("combobox").selectOption({ label: "Staff" });
    await row.getByRole("button", { name: `Save role and state of ${person.name}` }).click();
    await expect(row.getByText("Saved.")).toBeVisible(SAVE);

    await theirs.goto("/organizations/new");
    await expect(theirs).toHaveURL(/\/login/);
    await context.close();
  });
});

test.describe("signing out", () => {
  test.use({ role: "admin" });
  // several browsers sign in one after another: slow on a busy machine
  test.describe.configure({ timeout: 120_000 });

  test("[AUTH] a person signs out everywhere from their account page: every browser is signed out", async ({
    page,
    browser,
    baseURL,
  }) => {
    const person = await createPerson(page);
    const { context: a, page: here } = await browserSignedInAs(browser, baseURL!, person);
    const { context: b, page: elsewhere } = await browserSignedInAs(browser, baseURL!, person);

    await here.goto("/account");
    const button = here.getByRole("button", { name: "Sign out everywhere" });
    await waitForFreshHydration(button);
    await button.click();
    await expect(here).toHaveURL(/\/login\?reason=signedOut/, SAVE);
    await expect(here.getByText("You have been signed out.")).toBeVisible();

    await elsewhere.goto("/actions");
    await expect(elsewhere).toHaveURL(/\/login/);
    await a.close();
    await b.close();
  });

  test("[AUTH] after signing out, a copy of the old session cookie opens nothing", async ({ page, browser, baseURL }) => {
    const person = await createPerson(page);
    const { context, page: theirs } = await browserSignedInAs(browser, baseURL!, person);
    const stolen = await context.cookies();
    const session = stolen.find((c) => c.name.endsWith("session-token"));
    expect(session, "a session cookie").toBeDefined();
    // HttpOnly (no script can read it) and SameSite=Lax
    expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax" });

    await theirs.goto("/actions");
    const menu = theirs.getByRole("button", { name: `${person.name} Staff` });
    await waitForFreshHydration(menu);
    await menu.click();
    await theirs.getByRole("menuitem", { name: "Sign out" }).click();
    await expect(theirs).toHaveURL(/\/login/, SAVE);

    // an attacker who copied the cookie before the sign-out
    const attacker = await browser.newContext({ baseURL });
    await attacker.addCookies(stolen);
    const page2 = await attacker.newPage();
    await page2.goto("/actions");
    await expect(page2).toHaveURL(/\/login/);
    expect((await page2.request.get("/api/actions")).status()).toBe(401);
    await attacker.close();
    await context.close();
  });

  test("[AUTH] a tampered session cookie is refused", async ({ browser, baseURL }) => {
    const context = await browser.newContext({ baseURL });
    await context.addCookies([
      { name: "advocacy.session-token", value: "eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0.forged..x.y", url: baseURL! },
    ]);
    const p = await context.newPage();
    await p.goto("/actions");
    await expect(p).toHaveURL(/\/login/);
    await context.close();
  });
});
