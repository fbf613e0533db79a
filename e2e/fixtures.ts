// Shared Playwright fixtures: a signed-in page per role (through the real /login form, cached per
// worker under e2e/.auth/), a guard against running on anything but a local database, and helpers
// that create uniquely named records through the UI so each test owns the data it changes.
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { test as base, expect, type Browser, type Locator, type Page } from "@playwright/test";

export { expect };

// ---------------------------------------------------------------------------------------------------
// Guard: these tests create and delete records. Refuse anything but a database on this machine.

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "::1", "[::1]"]);

function dotEnvDatabaseUrl(): string | undefined {
  if (!existsSync(".env")) return undefined;
  const line = readFileSync(".env", "utf8")
    .split("\n")
    .find((l) => /^\s*DATABASE_URL\s*=/.test(l));
  return (
    line
      ?.split("=")
      .slice(1)
      .join("=")
      .trim()
      .replace(/^["']|["']$/g, "") || undefined
  );
}

/** The database the web server gets: E2E_DATABASE_URL, else what scripts/with-db.mjs would read. */
export function assertLocalDatabase(): void {
  const url = process.env.E2E_DATABASE_URL ?? process.env.DATABASE_URL ?? dotEnvDatabaseUrl();
  if (!url) return; // with-db.mjs starts an embedded PostgreSQL on this machine
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    throw new Error("E2E_DATABASE_URL is not a valid URL; end-to-end tests only run against a local database.");
  }
  if (!LOCAL_HOSTS.has(host)) {
    throw new Error(`End-to-end tests change data and only run against a local database, not "${host}". Use npm run test:e2e.`);
  }
}
assertLocalDatabase();

// ---------------------------------------------------------------------------------------------------
// Demo accounts of prisma/seed.ts

export const DEMO_PASSWORD = "ombudsman-demo-2024";

export const USERS = {
  staff: { email: "staff@example.org", name: "Olena Kovalenko" },
  manager: { email: "manager@example.org", name: "Andrii Melnyk" },
  auditor: { email: "auditor@example.org", name: "Iryna Shevchenko" },
  admin: { email: "admin@example.org", name: "Taras Bondar" },
  secondStaff: { email: "second.staff@example.org", name: "Maksym Tkachenko" },
} as const;
export type Role = keyof typeof USERS;

/** Seed records the tests read (never change). */
export const SEED = {
  scaAction: "Third-party information to the GANHRI SCA on the Russian Ombudsman institution",
  icrcAppeal: "Appeal to the ICRC after Russian forces shot a group of Ukrainian prisoners of war",
  restrictedOfSecondStaff: "Confidential briefing to the UN SPT on Ukrainian civilians held incommunicado in Russia",
  ganhriOutcome: "GANHRI SCA: Russian Ombudsman institution no longer accredited",
  ennhriOutcome: "ENNHRI excludes the Russian Ombudsman institution",
  campaign: "Remove the Russian Ombudsman institution from international networks",
  organization: "Global Alliance of National Human Rights Institutions",
} as const;

/**
 * Waits until React has hydrated this element. Before that a click or a change is lost (or, for a
 * form, submitted natively), which on a busy machine happens often enough to make tests flaky.
 */
export async function waitForHydration(target: Locator): Promise<void> {
  await expect
    .poll(() => target.evaluate((el) => Object.keys(el).some((key) => key.startsWith("__reactFiber$"))), {
      message: "the page never became interactive (React did not hydrate)",
      timeout: 20_000,
    })
    .toBe(true);
}

/** Signs in through the real form and waits until the app has left /login. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/login");
  await waitForHydration(page.getByRole("button", { name: "Sign in" }));
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/login/, { timeout: 15_000 });
}

const AUTH_DIR = path.join(__dirname, ".auth");

/**
 * One sign-in per role and worker. Not reused across runs: the e2e database (and so every user id
 * in a session token) is recreated by each `npm run test:e2e`.
 */
async function signInOnce(browser: Browser, baseURL: string, role: Role, cache: Map<Role, Promise<string>>): Promise<string> {
  let file = cache.get(role);
  if (!file) {
    file = (async () => {
      // an empty state: the browser fixture may carry the current test's session
      const context = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
      const page = await context.newPage();
      await signIn(page, USERS[role].email);
      mkdirSync(AUTH_DIR, { recursive: true });
      const target = path.join(AUTH_DIR, `${role}.json`);
      await context.storageState({ path: target });
      await context.close();
      return target;
    })();
    cache.set(role, file);
  }
  return file;
}

type TestFixtures = {
  /** Who the test's `page` is signed in as; null: nobody. Set with test.use({ role: "staff" }). */
  role: Role | null;
  /** Another page, in its own browser context, signed in as `role` (for tests with two people). */
  pageAs: (role: Role) => Promise<Page>;
};
type WorkerFixtures = { authFile: (role: Role) => Promise<string> };

export const test = base.extend<TestFixtures, WorkerFixtures>({
  role: [null, { option: true }],

  authFile: [
    async ({ browser }, provide, workerInfo) => {
      const baseURL = String(workerInfo.project.use.baseURL);
      const cache = new Map<Role, Promise<string>>();
      await provide((role) => signInOnce(browser, baseURL, role, cache));
    },
    { scope: "worker" },
  ],

  storageState: async ({ role, authFile, storageState }, provide) => {
    await provide(role ? await authFile(role) : storageState);
  },

  pageAs: async ({ browser, baseURL, authFile }, provide) => {
    const contexts: Awaited<ReturnType<Browser["newContext"]>>[] = [];
    await provide(async (role) => {
      const context = await browser.newContext({ baseURL, storageState: await authFile(role) });
      contexts.push(context);
      return context.newPage();
    });
    for (const context of contexts) await context.close();
  },
});

// ---------------------------------------------------------------------------------------------------
// Helpers

/** A title no other test (or earlier run) uses. */
export function uniqueTitle(prefix: string): string {
  return `${prefix} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

/** Opens a multi-select by its label and ticks the options whose text contains each entry. */
export async function chooseOptions(page: Page, label: string, options: string[]): Promise<void> {
  const trigger = page.getByRole("combobox", { name: label, exact: true });
  await waitForHydration(trigger);
  await trigger.click();
  const popup = page.getByRole("dialog", { name: label });
  for (const option of options) {
    await popup.getByRole("textbox", { name: "Search…" }).fill(option);
    await popup.getByRole("checkbox", { name: option }).first().check();
  }
  await page.keyboard.press("Escape");
  await expect(popup).toBeHidden();
}

/** The field's message(s), as shown under a form control. */
export function fieldError(page: Page, controlId: string): Locator {
  return page.locator(`#${controlId}-error`);
}

export type CreatedRecord = { id: string; title: string; url: string };

const idFromUrl = (url: string, area: string) => {
  const match = new URL(url).pathname.match(new RegExp(`^/${area}/([^/]+)$`));
  if (!match) throw new Error(`not a ${area} detail page: ${url}`);
  return match[1];
};

/** Creates an action through /actions/new with the required fields, and returns it from its detail page. */
export async function createAction(
  page: Page,
  fields: { title?: string; type?: string; status?: string; date?: string; organizations?: string[] } = {},
): Promise<CreatedRecord> {
  const title = fields.title ?? uniqueTitle("E2E action");
  await page.goto("/actions/new");
  await waitForHydration(page.getByRole("button", { name: "Create action" }));
  await page.getByRole("textbox", { name: "Title", exact: true }).fill(title);
  await page.getByRole("combobox", { name: "Type", exact: true }).selectOption({ label: fields.type ?? "Letter or appeal" });
  await page.getByRole("combobox", { name: "Status", exact: true }).selectOption({ label: fields.status ?? "Sent" });
  await page.getByRole("textbox", { name: "Date", exact: true }).fill(fields.date ?? "2025-03-14");
  if (fields.organizations?.length) await chooseOptions(page, "Counterpart bodies", fields.organizations);
  await page.getByRole("button", { name: "Create action" }).click();
  await expect(page).toHaveURL(/\/actions\/[^/]+\?saved=created$/, SAVE);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  return { id: idFromUrl(page.url(), "actions"), title, url: new URL(page.url()).pathname };
}

/** Creates an outcome through /outcomes/new with the required fields. */
export async function createOutcome(
  page: Page,
  fields: { title?: string; type?: string; date?: string } = {},
): Promise<CreatedRecord> {
  const title = fields.title ?? uniqueTitle("E2E outcome");
  await page.goto("/outcomes/new");
  await waitForHydration(page.getByRole("button", { name: "Create outcome" }));
  await page.getByRole("textbox", { name: "Title", exact: true }).fill(title);
  await page
    .getByRole("combobox", { name: "Type", exact: true })
    .selectOption({ label: fields.type ?? "Resolution or statement adopted" });
  await page.getByRole("textbox", { name: "Date", exact: true }).fill(fields.date ?? "2025-04-02");
  await page.getByRole("button", { name: "Create outcome" }).click();
  await expect(page).toHaveURL(/\/outcomes\/[^/]+\?saved=created$/, SAVE);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  return { id: idFromUrl(page.url(), "outcomes"), title, url: new URL(page.url()).pathname };
}

/** The data rows of the list table (header row excluded). */
export function tableRows(page: Page): Locator {
  return page.getByRole("table").locator("tbody tr");
}

/** Waits until a list page has rendered the URL it is on (the table is not busy). */
export async function waitForList(page: Page): Promise<void> {
  await expect(page.locator("[aria-busy=true]")).toHaveCount(0, { timeout: 15_000 });
}

/** A server action's answer (a redirect after a save, a form error, a refreshed page) on a busy machine. */
export const SAVE = { timeout: 15_000 };

/** A list's URL after a search, filter or sort: rendered by the server first, so allow for a busy one. */
export const LIST_UPDATE = { timeout: 15_000 };

/** The value shown beside a label in a record's detail list. */
export function detailValue(page: Page, label: string): Locator {
  return page.locator(`dl > div:has(> dt:text-is(${JSON.stringify(label)})) > dd`);
}

/** The titles of the rows now in the list table, top to bottom. */
export async function rowTitles(page: Page): Promise<string[]> {
  return tableRows(page).locator("td:first-child a").allTextContents();
}
