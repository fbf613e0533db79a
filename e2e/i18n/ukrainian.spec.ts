// The office works in Ukrainian: a person switches the interface to Ukrainian (saved on their
// account), logs an action with a Ukrainian title, finds it by another form of the word, reads
// counts in Ukrainian plural forms, and a manager exports the list with Ukrainian headers and
// vocabulary labels while record text stays as written. Screenshots of the main pages in Ukrainian
// at desktop and phone widths land in e2e/screenshots/ (uk-*.png) for a person to look at.
//
// The language choice is saved on the account, so these tests use people of their own (created by
// the administrator) and never switch the shared demo accounts out of English.
import path from "node:path";
import type { Browser, Page } from "@playwright/test";
import { parse } from "csv-parse/sync";
import { readFileSync } from "node:fs";
import { DEMO_PASSWORD, expect, LIST_UPDATE, SAVE, signIn, tableRows, test, waitForHydration, waitForList } from "../fixtures";

const OUT = path.join(__dirname, "..", "screenshots");
const PASSWORD = `${DEMO_PASSWORD}-uk-e2e`;

type Person = { name: string; email: string };

/** The administrator creates a person with this role (English admin screens). */
async function createPerson(admin: Page, role: "Staff" | "Manager", token: string): Promise<Person> {
  const person = { name: `${role} ${token}`, email: `${role.toLowerCase()}.${token}@example.org` };
  await admin.goto("/admin/users/new");
  await waitForHydration(admin.getByRole("button", { name: "Create user" }));
  await admin.getByLabel("Name").fill(person.name);
  await admin.getByLabel("Email").fill(person.email);
  await admin.getByLabel("Role").selectOption({ label: role });
  await admin.getByLabel("Initial password").fill(PASSWORD);
  await admin.getByRole("button", { name: "Create user" }).click();
  await expect(admin).toHaveURL(/\/admin\/users\?saved=created/, SAVE);
  return person;
}

/** A fresh browser context signed in as this person (English until they choose otherwise). */
async function signedIn(browser: Browser, baseURL: string, person: Person, viewport = { width: 1280, height: 900 }): Promise<Page> {
  const context = await browser.newContext({ baseURL, viewport, storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await signIn(page, person.email, PASSWORD);
  return page;
}

/** Chooses Ukrainian in the user menu (desktop layout). */
async function switchToUkrainian(page: Page, person: Person) {
  await page.goto("/actions");
  const menu = page.getByRole("button", { name: new RegExp(person.name) });
  await waitForHydration(menu);
  await menu.click();
  await page.getByRole("menuitemradio", { name: "Українська" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Дії" })).toBeVisible(SAVE);
}

async function searchFor(page: Page, q: string) {
  const box = page.getByRole("searchbox", { name: "Пошук дій" });
  await waitForHydration(box);
  await box.fill(q);
  await box.press("Enter");
  await expect.poll(() => new URL(page.url()).searchParams.get("q"), LIST_UPDATE).toBe(q);
  await waitForList(page);
}

async function createUkrainianAction(page: Page, title: string, type = "Лист або звернення") {
  await page.goto("/actions/new");
  await waitForHydration(page.getByRole("button", { name: "Створити дію" }));
  await page.getByRole("textbox", { name: "Назва", exact: true }).fill(title);
  await page.getByRole("combobox", { name: "Тип", exact: true }).selectOption({ label: type });
  await page.getByRole("combobox", { name: "Статус", exact: true }).selectOption({ label: "Надіслано" });
  await page.getByRole("textbox", { name: "Дата", exact: true }).fill("2025-06-12");
  await page.getByRole("button", { name: "Створити дію" }).click();
  await expect(page).toHaveURL(/\/actions\/[^/]+\?saved=created$/, SAVE);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  return new URL(page.url()).pathname;
}

test.describe("Ukrainian interface", () => {
  test.describe.configure({ timeout: 180_000 });

  test("[I18N] staff switches to Ukrainian, logs an action in Ukrainian, finds it by an inflected word and reads Ukrainian counts; a manager exports it with Ukrainian headers", async ({
    browser,
    baseURL,
    pageAs,
  }) => {
    const token = `uk${Date.now().toString(36)}`;
    const admin = await pageAs("admin");
    const staffPerson = await createPerson(admin, "Staff", token);
    const managerPerson = await createPerson(admin, "Manager", token);

    const staff = await signedIn(browser, baseURL!, staffPerson);
    await expect(staff.getByRole("link", { name: "Actions" }).first()).toBeVisible();
    await switchToUkrainian(staff, staffPerson);
    await expect(staff.getByRole("navigation", { name: "Основна навігація" }).getByRole("link", { name: "Результати" })).toBeVisible();

    // Two actions with the token; the first names prisoners of war in the genitive plural.
    const title = `${token} Звернення до МКЧХ щодо військовополонених`;
    const url = await createUkrainianAction(staff, title);
    await createUkrainianAction(staff, `${token} Закордонний візит до Женеви`, "Закордонний візит");

    await staff.goto("/actions");
    await searchFor(staff, `${token} військовополонені`); // nominative finds the genitive
    await expect(tableRows(staff)).toHaveCount(1);
    await expect(tableRows(staff).getByRole("link", { name: title })).toBeVisible();
    await expect(staff.getByTestId("table-count")).toHaveText("1 дія");
    await searchFor(staff, token);
    await expect(tableRows(staff)).toHaveCount(2);
    await expect(staff.getByTestId("table-count")).toHaveText("2 дії");
    await searchFor(staff, `${token} жодних`);
    await expect(staff.getByTestId("table-count")).toHaveText("Жодної дії");

    // Remembered on the account: a new sign-in elsewhere opens in Ukrainian.
    const again = await signedIn(browser, baseURL!, staffPerson);
    await again.goto(url);
    await expect(again.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await expect(again.getByRole("navigation", { name: "Основна навігація" }).getByRole("link", { name: "Дії" })).toBeVisible();
    await again.context().close();

    // A manager in Ukrainian exports the list: Ukrainian headers and labels, titles as written.
    const manager = await signedIn(browser, baseURL!, managerPerson);
    await switchToUkrainian(manager, managerPerson);
    await searchFor(manager, token);
    await expect(manager.getByTestId("table-count")).toHaveText("2 дії");
    const [download] = await Promise.all([
      manager.waitForEvent("download"),
      (async () => {
        await manager.getByRole("button", { name: "Експорт" }).click();
        await manager.getByRole("menuitem", { name: "CSV (.csv)" }).click();
      })(),
    ]);
    const rows = parse(readFileSync((await download.path())!), { bom: true }) as string[][];
    expect(rows[0].slice(0, 3)).toEqual(["Назва", "Вихідний номер", "Тип"]);
    const byTitle = new Map(rows.slice(1).map((r) => [r[0], r]));
    expect(byTitle.get(title)?.[2]).toBe("Лист або звернення");
    expect(byTitle.get(`${token} Закордонний візит до Женеви`)?.[2]).toBe("Закордонний візит");
    expect(rows).toHaveLength(3);

    await staff.context().close();
    await manager.context().close();
  });

  test("[I18N] a manager edits a vocabulary in Ukrainian: adds a term, is told what to fix, relabels and retires it", async ({
    browser,
    baseURL,
    pageAs,
  }) => {
    const token = `uk${Date.now().toString(36)}`;
    const managerPerson = await createPerson(await pageAs("admin"), "Manager", token);
    const page = await signedIn(browser, baseURL!, managerPerson);
    await switchToUkrainian(page, managerPerson);
    await page.getByRole("navigation", { name: "Основна навігація" }).getByRole("link", { name: "Довідники" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Довідники" })).toBeVisible();
    await page.getByRole("link", { name: "Види організацій" }).click();
    await expect(page.getByRole("heading", { level: 2, name: "Види організацій" })).toBeVisible();

    // A code in Cyrillic is refused with a Ukrainian message; what was typed stays.
    const form = page.getByRole("form", { name: "Новий термін" });
    const add = form.getByRole("button", { name: "Додати термін" });
    await waitForHydration(add);
    await form.getByLabel("Код").fill("ФОНД");
    await form.getByLabel("Назва англійською").fill(`Foundation ${token}`);
    await form.getByLabel("Назва українською").fill(`Фонд ${token}`);
    await add.click();
    await expect(page.locator("#new-code-error")).toContainText("латинські великі літери", SAVE);
    await expect(form.getByLabel("Назва українською")).toHaveValue(`Фонд ${token}`);

    const code = `FUND_${token.toUpperCase()}`;
    await form.getByLabel("Код").fill(code);
    await add.click();
    await expect(form.getByText("Термін додано.")).toBeVisible(SAVE);
    const row = page.getByRole("listitem").filter({ has: page.getByText(code, { exact: true }) });
    await expect(row.getByLabel("Назва українською")).toHaveValue(`Фонд ${token}`);

    await row.getByLabel("Назва українською").fill(`Благодійний фонд ${token}`);
    await row.getByRole("button", { name: `Зберегти назви терміна «Фонд ${token}»` }).click();
    await expect(row.getByText("Збережено.")).toBeVisible(SAVE);

    // The new label is what the organization form offers.
    await page.goto("/organizations/new");
    await expect(page.getByRole("option", { name: `Благодійний фонд ${token}` })).toHaveCount(1);

    await page.goto("/settings/vocabularies?v=ORGANIZATION_KIND");
    const again = page.getByRole("listitem").filter({ has: page.getByText(code, { exact: true }) });
    await waitForHydration(again.getByRole("button", { name: "Вивести з ужитку" }));
    await again.getByRole("button", { name: "Вивести з ужитку" }).click();
    await expect(again.getByText("Виведений з ужитку")).toBeVisible(SAVE);
    await page.goto("/organizations/new");
    await expect(page.getByRole("option", { name: `Благодійний фонд ${token}` })).toHaveCount(0);
    await page.context().close();
  });

  test("[I18N] screenshots of the main pages in Ukrainian at 1280 and 390 wide, none scrolling sideways", async ({ browser, baseURL, pageAs }) => {
    test.setTimeout(240_000);
    const token = `uk${Date.now().toString(36)}`;
    const person = await createPerson(await pageAs("admin"), "Manager", token);
    const desktop = await signedIn(browser, baseURL!, person);
    await switchToUkrainian(desktop, person);
    const detail = await createUkrainianAction(desktop, `${token} Третьосторонні відомості до ПКА ГАНРІ щодо інституції російського омбудсмена`);
    await desktop.context().close();

    const pages = [
      ["dashboard", "/dashboard"],
      ["my-work", "/my-work"],
      ["actions", "/actions"],
      ["action-detail", detail],
      ["action-new", "/actions/new"],
      ["outcomes", "/outcomes"],
      ["campaigns", "/campaigns"],
      ["organizations", "/organizations"],
      ["vocabularies", "/settings/vocabularies?v=OUTCOME_TYPE"],
    ] as const;
    for (const [viewport, size] of [
      ["desktop", { width: 1280, height: 900 }],
      ["phone", { width: 390, height: 844 }],
    ] as const) {
      const page = await signedIn(browser, baseURL!, person, size);
      for (const [name, href] of pages) {
        await page.goto(href);
        await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
        await expect(page.locator("html")).toHaveAttribute("lang", "uk");
        await page.screenshot({ path: path.join(OUT, `uk-${viewport}-${name}.png`), fullPage: true });
        const overflow = await page.evaluate(() => document.scrollingElement!.scrollWidth - window.innerWidth);
        expect.soft(overflow, `${viewport} ${name} scrolls sideways by ${overflow}px`).toBeLessThanOrEqual(1);
      }
      await page.context().close();
    }
  });
});
