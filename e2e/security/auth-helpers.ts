// Helpers for the authentication specs: people made through /admin/users/new (so that ending their
// sessions never touches the demo accounts other specs are signed in as), raw sign-in requests, TOTP codes.
import { generate } from "otplib";
import type { APIRequestContext, Browser, Locator, Page } from "@playwright/test";
import { expect, SAVE, uniqueTitle, waitForHydration } from "../fixtures";

export const NEW_PASSWORD = "a long passphrase for the e2e person";

export type Person = { name: string; email: string; password: string };

/** Creates a person through the administrator's form. `admin` is a page signed in as an administrator. */
export async function createPerson(
  admin: Page,
  role: "Staff" | "Manager" | "Auditor" | "Administrator" = "Staff",
): Promise<Person> {
  const name = uniqueTitle("E2E person");
  const email = `${name.toLowerCase().replace(/[^a-z0-9]+/g, ".")}@example.org`;
  await admin.goto("/admin/users/new");
  await waitForHydration(admin.getByRole("button", { name: "Create user" }));
  await admin.getByLabel("Name").fill(name);
  await admin.getByLabel("Email").fill(email);
  await admin.getByLabel("Role").selectOption({ label: role });
  await admin.getByLabel("Initial password").fill(NEW_PASSWORD);
  await admin.getByRole("button", { name: "Create user" }).click();
  await expect(admin).toHaveURL(/\/admin\/users\?saved=created/, SAVE);
  return { name, email, password: NEW_PASSWORD };
}

/** The row of a person on /admin/users. */
export const userRow = (admin: Page, name: string) => admin.getByRole("row").filter({ hasText: name });

/**
 * A sign-in request as a script would send it (next-auth's credentials callback with a CSRF token).
 * Returns the HTTP status and the `error` next-auth reports ("CredentialsSignin", "RATE_LIMITED:n" …).
 */
export async function postSignIn(
  request: APIRequestContext,
  fields: Record<string, string>,
  headers: Record<string, string> = {},
  callbackUrl = "/",
) {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const res = await request.post("/api/auth/callback/credentials", {
    form: { ...fields, csrfToken, json: "true", callbackUrl },
    headers,
    maxRedirects: 0,
  });
  const body = (await res.json().catch(() => ({}))) as { url?: string };
  const url = body.url ? new URL(body.url) : null;
  return {
    status: res.status(),
    error: url?.searchParams.get("error") ?? null,
    url: body.url ?? null,
    text: JSON.stringify(body).replace(/error=[^&"]+/, "error=…"),
  };
}

/** The code an authenticator app shows for the key, `stepsAhead` 30-second steps from now. */
export const totp = (key: string, stepsAhead = 0) =>
  generate({ secret: key.replace(/\s+/g, ""), epoch: Math.floor(Date.now() / 1000) + stepsAhead * 30 });

/** Fills and submits the sign-in form of the page as it is (keeping its ?callbackUrl). */
export async function signInHere(page: Page, email: string, password: string) {
  const submit = page.getByRole("button", { name: "Sign in" });
  await waitForHydration(submit);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await submit.click();
  await expect(page).not.toHaveURL(/\/login/, SAVE);
}

/**
 * A new browser with nothing in it. `browser.newContext()` inside a test inherits the test's `use`
 * options, storageState included: with test.use({ role: "admin" }) a "new" browser is already signed
 * in as the administrator, and /login sends it straight on to the dashboard.
 */
export const freshContext = (browser: Browser, baseURL: string | undefined) =>
  browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });

/**
 * A browser in which `person` is signed in, by the same request the sign-in form sends (the form
 * itself is tested in e2e/auth; this keeps multi-browser specs light on a busy machine).
 */
export async function browserSignedInAs(browser: Browser, baseURL: string, person: Pick<Person, "email" | "password">) {
  const context = await freshContext(browser, baseURL);
  const result = await postSignIn(context.request, { email: person.email, password: person.password });
  expect(result.error, `signing in ${person.email}`).toBeNull();
  return { context, page: await context.newPage() };
}

/**
 * Like the fixtures' waitForHydration, with more patience: a new browser context starts with an empty
 * cache and loads every script again, which on a busy machine takes longer than 20 seconds. Unlike a
 * bare expect.poll it does not swallow the locator's own error: when the target cannot be evaluated
 * (no such element, two of them, a page that navigated away) the failure says so, instead of looking
 * like "React never hydrated".
 */
export async function waitForFreshHydration(target: Locator): Promise<void> {
  let lastError: string | null = null;
  try {
    await expect
      .poll(
        async () => {
          try {
            const hydrated = await target.evaluate(
              (el) => Object.keys(el).some((key) => key.startsWith("__reactFiber$")),
              undefined,
              {
                timeout: 5_000,
              },
            );
            lastError = null;
            return hydrated;
          } catch (e) {
            lastError = e instanceof Error ? e.message.split("\n")[0] : String(e);
            return false;
          }
        },
        { timeout: 60_000 },
      )
      .toBe(true);
  } catch {
    throw new Error(
      lastError
        ? `the element could not be checked for hydration: ${lastError}`
        : "the page never became interactive (React did not hydrate)",
    );
  }
}
