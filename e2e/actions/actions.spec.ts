import {
  chooseOptions,
  createAction,
  detailValue,
  expect,
  fieldError,
  LIST_UPDATE,
  SAVE,
  rowTitles,
  SEED,
  tableRows,
  test,
  uniqueTitle,
  USERS,
  waitForHydration,
  waitForList,
  type CreatedRecord,
} from "../fixtures";
import type { Page } from "@playwright/test";

test.use({ role: "staff" });

/** Types into the list's search box and waits for the list to show the result. */
async function search(page: Page, term: string) {
  const box = page.getByRole("searchbox", { name: "Search actions" });
  await waitForHydration(box);
  await box.fill(term);
  await expect(page).toHaveURL(new RegExp(`[?&]q=${encodeURIComponent(term).replace(/%20/g, "(\\+|%20)")}`), LIST_UPDATE);
  await waitForList(page);
}

const isSorted = (titles: string[], dir: "asc" | "desc") => {
  const byCodeUnit = [...titles].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const byLocale = [...titles].sort((a, b) => a.localeCompare(b));
  if (dir === "desc") {
    byCodeUnit.reverse();
    byLocale.reverse();
  }
  return JSON.stringify(titles) === JSON.stringify(byCodeUnit) || JSON.stringify(titles) === JSON.stringify(byLocale);
};

test.describe("actions", () => {
  test("[ACTIONS] staff creates an action", async ({ page }) => {
    test.slow(); // many page loads: room for a busy 2-core machine
    const title = uniqueTitle("Third-party information to the SCA on a peer institution");
    await page.goto("/actions");
    await page.getByRole("link", { name: "New action" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "New action" })).toBeVisible();
    await waitForHydration(page.getByRole("button", { name: "Create action" }));

    await page.getByRole("textbox", { name: "Title", exact: true }).fill(title);
    await page
      .getByRole("combobox", { name: "Type", exact: true })
      .selectOption({ label: "Third-party submission to the GANHRI SCA" });
    await page.getByRole("combobox", { name: "Status", exact: true }).selectOption({ label: "Sent" });
    await page.getByRole("textbox", { name: "Date", exact: true }).fill("2025-02-10");
    await page.getByLabel("Date precision").selectOption({ label: "Exact day" });
    await page.getByLabel("Outgoing reference number").fill("№ 2.1/0210-25");
    await page.getByLabel("Confidentiality").selectOption({ label: "Internal" });
    await page.getByLabel("Summary", { exact: true }).fill("Evidence that the institution does not meet the Paris Principles.");
    await chooseOptions(page, "Counterpart bodies", ["SCA – GANHRI Sub-Committee on Accreditation", "GANHRI Bureau"]);
    await expect(page.getByRole("button", { name: "Remove SCA – GANHRI Sub-Committee on Accreditation" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Remove GANHRI Bureau" })).toBeVisible();
    await expect(page.getByRole("combobox", { name: "Counterpart bodies" })).toContainText("2 selected");
    await chooseOptions(page, "Campaigns", ["GANHRI: end the accreditation of the Russian Ombudsman institution"]);
    await page.getByLabel("Follow-up due").fill("2025-03-10");
    await page.getByRole("button", { name: "Create action" }).click();

    await expect(page).toHaveURL(/\/actions\/[^/?]+\?saved=created$/, SAVE);
    await expect(page.getByTestId("saved-notice")).toHaveText("Action created.");
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    const header = page.locator("[data-slot=page-header]");
    await expect(header).toContainText("Third-party submission to the GANHRI SCA");
    await expect(header).toContainText("Feb 10, 2025");
    await expect(header).toContainText("Sent");
    await expect(detailValue(page, "Outgoing reference number")).toHaveText("№ 2.1/0210-25");
    await expect(detailValue(page, "Summary")).toHaveText("Evidence that the institution does not meet the Paris Principles.");
    const bodies = detailValue(page, "Counterpart bodies");
    await expect(bodies.getByRole("link", { name: "SCA – GANHRI Sub-Committee on Accreditation" })).toBeVisible();
    await expect(bodies.getByRole("link", { name: "GANHRI Bureau" })).toBeVisible();
    await expect(detailValue(page, "Campaigns")).toContainText(
      "GANHRI: end the accreditation of the Russian Ombudsman institution",
    );
    await expect(detailValue(page, "Follow-up due")).toHaveText("Mar 10, 2025");
    await expect(detailValue(page, "Office participants")).toHaveText(USERS.staff.name);
    await expect(detailValue(page, "Logged by")).toHaveText(USERS.staff.name);
    await expect(page.getByText("No outcome is linked to this action yet.")).toBeVisible();
  });

  test("[ACTIONS] staff sees field messages for an empty title and an impossible follow-up date, and keeps what was typed", async ({
    page,
  }) => {
    await page.goto("/actions/new");
    await waitForHydration(page.getByRole("button", { name: "Create action" }));
    await page.getByRole("textbox", { name: "Title", exact: true }).fill("");
    await page
      .getByRole("combobox", { name: "Type", exact: true })
      .selectOption({ label: "Request to the ICRC (access, tracing, exchange)" });
    await page.getByRole("combobox", { name: "Status", exact: true }).selectOption({ label: "Awaiting response" });
    await page.getByRole("textbox", { name: "Date", exact: true }).fill("2025-05-10");
    await page.getByLabel("Outgoing reference number").fill("№ 2.1/E2E-0510");
    await page.getByLabel("Summary", { exact: true }).fill("Access to prisoners of war held in Taganrog.");
    await chooseOptions(page, "Counterpart bodies", ["ICRC – International Committee of the Red Cross"]);
    await page.getByLabel("Follow-up due").fill("2025-05-01");
    await page.getByRole("button", { name: "Create action" }).click();

    await expect(page.getByTestId("form-error")).toHaveText(
      "Some fields need attention. Check the messages below each field.",
      SAVE,
    );
    await expect(page).toHaveURL(/\/actions\/new$/);
    const title = page.getByRole("textbox", { name: "Title", exact: true });
    await expect(title).toHaveAttribute("aria-invalid", "true");
    await expect(fieldError(page, "field-title")).toHaveText("Fill this in.");
    const followUp = page.getByLabel("Follow-up due");
    await expect(followUp).toHaveAttribute("aria-invalid", "true");
    await expect(fieldError(page, "field-followUpDue")).toHaveText("The follow-up date cannot be before the action's date.");
    // the messages are tied to their fields for screen readers
    await expect(title).toHaveAccessibleDescription("Fill this in.");
    await expect(followUp).toHaveAccessibleDescription(/The follow-up date cannot be before the action's date\./);

    // nothing typed is lost
    await expect(title).toHaveValue("");
    await expect(page.getByRole("combobox", { name: "Type", exact: true }).locator("option:checked")).toHaveText(
      "Request to the ICRC (access, tracing, exchange)",
    );
    await expect(page.getByRole("combobox", { name: "Status", exact: true }).locator("option:checked")).toHaveText(
      "Awaiting response",
    );
    await expect(page.getByRole("textbox", { name: "Date", exact: true })).toHaveValue("2025-05-10");
    await expect(followUp).toHaveValue("2025-05-01");
    await expect(page.getByLabel("Outgoing reference number")).toHaveValue("№ 2.1/E2E-0510");
    await expect(page.getByLabel("Summary", { exact: true })).toHaveValue("Access to prisoners of war held in Taganrog.");
    await expect(page.getByRole("button", { name: "Remove ICRC – International Committee of the Red Cross" })).toBeVisible();
    await expect(page.getByRole("button", { name: `Remove ${USERS.staff.name}` })).toBeVisible();

    // fixing both fields saves the action with everything that was kept
    const fixed = uniqueTitle("Request to the ICRC for access to prisoners of war");
    await title.fill(fixed);
    await followUp.fill("2025-06-10");
    await page.getByRole("button", { name: "Create action" }).click();
    await expect(page.getByTestId("saved-notice")).toHaveText("Action created.", SAVE);
    await expect(page.getByRole("heading", { level: 1, name: fixed })).toBeVisible();
    await expect(detailValue(page, "Outgoing reference number")).toHaveText("№ 2.1/E2E-0510");
    await expect(detailValue(page, "Counterpart bodies")).toHaveText("ICRC – International Committee of the Red Cross");
  });

  test("[ACTIONS] staff finds actions by search: a new one by its title, the seed ones by GANHRI and ICRC", async ({ page }) => {
    test.slow(); // many page loads: room for a busy 2-core machine
    const created = await createAction(page, { title: uniqueTitle("Letter to the Ombudsman of Georgia on POW visits") });
    const token = created.title.split(" ").pop()!;

    await page.goto("/actions");
    await search(page, token);
    await expect(tableRows(page)).toHaveCount(1);
    await expect(tableRows(page).getByRole("link", { name: created.title })).toBeVisible();
    await expect(page.getByTestId("table-count")).toHaveText("1 action");

    await search(page, "GANHRI");
    await expect(tableRows(page).getByRole("link", { name: SEED.scaAction })).toBeVisible();
    await expect(tableRows(page).getByRole("link", { name: created.title })).toHaveCount(0);

    await search(page, "ICRC");
    await expect(tableRows(page).getByRole("link", { name: SEED.icrcAppeal })).toBeVisible();
    await expect(tableRows(page).getByRole("link", { name: SEED.scaAction })).toHaveCount(0);

    await search(page, "no-such-action-anywhere");
    await expect(page.getByRole("heading", { name: "No actions match" })).toBeVisible();
    await expect(page.getByTestId("table-count")).toHaveText("No actions");
  });

  test("[ACTIONS] staff filters by type and status, sorts by a header, and a reload shows the same view", async ({ page }) => {
    test.slow(); // many page loads: room for a busy 2-core machine
    await page.goto("/actions");
    await waitForHydration(page.getByRole("search", { name: "Search actions" }));
    await page.getByRole("combobox", { name: "Type", exact: true }).selectOption({ label: "Letter or appeal" });
    await expect(page).toHaveURL(/[?&]type=LETTER_APPEAL/, LIST_UPDATE);
    await waitForList(page);
    await expect(tableRows(page).first()).toBeVisible();
    for (const type of await tableRows(page).locator("td:nth-child(2)").allTextContents()) expect(type).toBe("Letter or appeal");

    await page.getByRole("combobox", { name: "Status", exact: true }).selectOption({ label: "Response received" });
    await expect(page).toHaveURL(/[?&]status=RESPONSE_RECEIVED/, LIST_UPDATE);
    await expect(page).toHaveURL(/[?&]type=LETTER_APPEAL/, LIST_UPDATE);
    await waitForList(page);
    await expect(
      tableRows(page).getByRole("link", { name: /Letter to the ENNHRI Board calling for the exclusion/ }),
    ).toBeVisible();
    const statuses = await tableRows(page).locator("td:nth-child(4)").allTextContents();
    expect(statuses.length).toBeGreaterThan(1);
    for (const status of statuses) expect(status).toBe("Response received");

    // default order: newest first; a click on "Title" sorts by title, A to Z
    const byDate = await rowTitles(page);
    const titleHeader = page.getByRole("columnheader", { name: /^Title/ });
    await titleHeader.getByRole("button").click();
    await expect(page).toHaveURL(/[?&]sort=title/, LIST_UPDATE);
    await expect(page).toHaveURL(/[?&]dir=asc/, LIST_UPDATE);
    await waitForList(page);
    await expect(titleHeader).toHaveAttribute("aria-sort", "ascending");
    const ascending = await rowTitles(page);
    expect(ascending).not.toEqual(byDate);
    expect(isSorted(ascending, "asc"), `titles A–Z: ${ascending.join(" | ")}`).toBe(true);

    // a second click reverses it
    await titleHeader.getByRole("button").click();
    await expect(page).toHaveURL(/[?&]dir=desc/, LIST_UPDATE);
    await waitForList(page);
    await expect(titleHeader).toHaveAttribute("aria-sort", "descending");
    const descending = await rowTitles(page);
    expect(descending).toEqual([...ascending].reverse());

    // with a search as well, the URL holds the whole view: a reload shows exactly the same
    await search(page, "Letter");
    const view = await rowTitles(page);
    expect(view.length).toBeGreaterThan(0);
    const url = page.url();
    await page.reload();
    await expect(page).toHaveURL(url);
    await expect(page.getByRole("searchbox", { name: "Search actions" })).toHaveValue("Letter");
    await expect(page.getByRole("combobox", { name: "Type", exact: true }).locator("option:checked")).toHaveText(
      "Letter or appeal",
    );
    await expect(page.getByRole("combobox", { name: "Status", exact: true }).locator("option:checked")).toHaveText(
      "Response received",
    );
    await expect(page.getByRole("columnheader", { name: /^Title/ })).toHaveAttribute("aria-sort", "descending");
    expect(await rowTitles(page)).toEqual(view);

    // and the same URL opened afresh (e.g. a shared link) gives the same view
    await page.goto("/actions");
    await page.goto(url);
    expect(await rowTitles(page)).toEqual(view);

    await page.getByRole("button", { name: "Clear filters" }).click();
    await expect(page).not.toHaveURL(/[?&](q|type|status)=/, LIST_UPDATE);
    await expect(page.getByRole("searchbox", { name: "Search actions" })).toHaveValue("");
  });

  test.describe("one's own action", () => {
    let action: CreatedRecord;
    test.beforeEach(async ({ page }) => {
      action = await createAction(page, { organizations: ["AOM – Association of Mediterranean Ombudsmen"] });
    });

    test("[ACTIONS] staff edits an action", async ({ page }) => {
      const renamed = uniqueTitle("Letter to the AOM President on the exclusion");
      await page.getByRole("link", { name: "Edit action" }).click();
      await expect(page.getByRole("heading", { level: 1, name: "Edit action" })).toBeVisible();
      await waitForHydration(page.getByRole("button", { name: "Save changes" }));
      await expect(page.getByRole("textbox", { name: "Title", exact: true })).toHaveValue(action.title);
      await expect(page.getByRole("button", { name: "Remove AOM – Association of Mediterranean Ombudsmen" })).toBeVisible();

      await page.getByRole("textbox", { name: "Title", exact: true }).fill(renamed);
      await page.getByRole("combobox", { name: "Status", exact: true }).selectOption({ label: "Response received" });
      await page.getByLabel("Response received on").fill("2025-04-01");
      await page
        .getByLabel("Response received", { exact: true })
        .fill("The AOM President replied that the Board would consider it.");
      await page.getByRole("button", { name: "Save changes" }).click();

      await expect(page).toHaveURL(new RegExp(`${action.url}\\?saved=updated$`), SAVE);
      await expect(page.getByTestId("saved-notice")).toHaveText("Changes saved.");
      await expect(page.getByRole("heading", { level: 1, name: renamed })).toBeVisible();
      await expect(page.locator("[data-slot=page-header]")).toContainText("Response received");
      await expect(detailValue(page, "Response received on")).toHaveText("Apr 1, 2025");
      await expect(detailValue(page, "Response received")).toHaveText(
        "The AOM President replied that the Board would consider it.",
      );
      await expect(detailValue(page, "Counterpart bodies")).toHaveText("AOM – Association of Mediterranean Ombudsmen");

      // the list shows the new title, not the old one
      await page.goto("/actions");
      await search(page, renamed.split(" ").pop()!);
      await expect(tableRows(page).getByRole("link", { name: renamed })).toBeVisible();
      await expect(tableRows(page)).toHaveCount(1);
    });

    test("[ACTIONS] staff deletes an action they logged, after confirming", async ({ page }) => {
      // createAction left us on its page. Dismissing the confirmation changes nothing …
      const del = page.getByRole("button", { name: "Delete" });
      await waitForHydration(del);
      page.once("dialog", (dialog) => void dialog.dismiss());
      await del.click();
      await page.reload();
      await expect(page.getByRole("heading", { level: 1, name: action.title })).toBeVisible();
      await waitForHydration(del);

      // … accepting it deletes the action
      let confirmText = "";
      page.once("dialog", (dialog) => {
        confirmText = dialog.message();
        void dialog.accept();
      });
      await del.click();
      await expect(page).toHaveURL(/\/actions\?deleted=1$/, SAVE);
      expect(confirmText).toBe(
        "Delete this action? Its links to outcomes will no longer be shown. The audit trail keeps a record.",
      );

      await search(page, action.title.split(" ").pop()!);
      await expect(page.getByRole("heading", { name: "No actions match" })).toBeVisible();
      await page.goto(action.url);
      await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
    });
  });
});
