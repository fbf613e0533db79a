// Brute force: failures are counted per account and per IP in the database; a forged X-Forwarded-For
// does not help; unknown email and wrong password look the same, also when limited.
import { expect, test, USERS, waitForHydration } from "../fixtures";
import { postSignIn } from "./auth-helpers";

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

test.describe("brute force", () => {
  test("[AUTH] guessing with a new X-Forwarded-For on every try is still limited after five failures", async ({
    playwright,
    baseURL,
  }) => {
    const request = await playwright.request.newContext({ baseURL });
    const email = `target-${unique()}@example.org`;
    const errors: (string | null)[] = [];
    for (let i = 0; i < 7; i++) {
      const forged = `198.51.100.${i + 1}`;
      errors.push((await postSignIn(request, { email, password: `guess number ${i}` }, { "X-Forwarded-For": forged })).error);
    }
    expect(errors.slice(0, 5)).toEqual(Array(5).fill("CredentialsSignin"));
    expect(errors[5]).toMatch(/^RATE_LIMITED:\d+$/);
    expect(errors[6]).toMatch(/^RATE_LIMITED:\d+$/);
    await request.dispose();
  });

  test("[AUTH] an unknown email and a wrong password get the same answer (status and body)", async ({ playwright, baseURL }) => {
    const request = await playwright.request.newContext({ baseURL });
    const unknown = `nobody-${unique()}@example.org`;
    // a real account that no other spec signs in to: the second demo staff member is only read by them
    const real = USERS.secondStaff.email;
    const first = [
      await postSignIn(request, { email: unknown, password: "wrong password one" }),
      await postSignIn(request, { email: real, password: "wrong password one" }),
    ];
    expect(first[0]).toMatchObject({ status: first[1].status, error: "CredentialsSignin" });
    expect(first[0].error).toBe(first[1].error);
    expect(first[0].text).toBe(first[1].text);
    await request.dispose();
  });

  test("[AUTH] the sign-in page says how long to wait when attempts are limited", async ({ page, playwright, baseURL }) => {
    test.setTimeout(90_000);
    const email = `limited-${unique()}@example.org`;
    // the page is ready first: the limit is then hit by a script while the person is about to submit
    await page.goto("/login");
    const submit = page.getByRole("button", { name: "Sign in" });
    await waitForHydration(submit);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("one more guess at it");

    // an attacker who waits out each delay makes it grow (1, 2, 4, 8 … seconds); stop once it is 8 s
    const request = await playwright.request.newContext({ baseURL });
    for (let i = 0; i < 30; i++) {
      const { error } = await postSignIn(request, { email, password: `guess ${i}` });
      const wait = Number(error?.match(/^RATE_LIMITED:(\d+)$/)?.[1] ?? 0);
      if (wait >= 8) break;
      if (wait) await new Promise((r) => setTimeout(r, wait * 1000));
    }
    await request.dispose();

    await submit.click();
    await expect(page.getByTestId("login-error")).toHaveText("Too many attempts; try again in 1 minute.");
    await expect(page).toHaveURL(/\/login/);
    await page.screenshot({ path: "test-results/auth-limited.png" });
  });
});
