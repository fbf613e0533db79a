import { createAction, createOutcome, expect, SAVE, SEED, test, uniqueTitle, waitForHydration } from "../fixtures";

test.use({ role: "staff" });

test("[LINKS] staff links an action to an outcome with a contribution level", async ({ page }) => {
  test.slow(); // many page loads: room for a busy 2-core machine
  // both ends belong to this test, so nothing in the demo data changes
  const outcome = await createOutcome(page, { title: uniqueTitle("AOM Board puts the exclusion to the members") });
  const action = await createAction(page, { title: uniqueTitle("Letter to the AOM Board on the Russian Ombudsman institution") });
  const evidence = "The AOM Board's minutes cite our letter as the reason for the vote.";

  // from the action page: find the outcome in the dialog, say how much the action contributed and why
  await expect(page.getByRole("heading", { level: 2, name: "Outcomes" })).toBeVisible();
  await waitForHydration(page.getByRole("button", { name: "Link an outcome" }));
  await page.getByRole("button", { name: "Link an outcome" }).click();
  const dialog = page.getByRole("dialog", { name: "Link an outcome" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("searchbox", { name: "Find an outcome" }).fill(outcome.title.split(" ").pop()!);
  const choice = dialog.getByRole("radio", { name: outcome.title });
  await expect(dialog.getByRole("radio")).toHaveCount(1);
  await choice.check();
  await dialog.getByRole("combobox", { name: "Contribution" }).selectOption({ label: "Decisive" });
  await dialog.getByRole("textbox", { name: "Evidence" }).fill(evidence);
  await dialog.getByRole("button", { name: "Save link" }).click();
  await expect(dialog).toBeHidden(SAVE);

  const onAction = page.getByTestId("linked-records");
  await expect(page.getByRole("heading", { level: 2, name: "1 outcome" })).toBeVisible();
  await expect(onAction.getByRole("link", { name: outcome.title })).toBeVisible();
  await expect(onAction).toContainText("Decisive");
  await expect(onAction).toContainText(evidence);

  // the outcome page tells the same story from the other side
  await onAction.getByRole("link", { name: outcome.title }).click();
  await expect(page).toHaveURL(new RegExp(`${outcome.url}$`));
  await expect(page.getByRole("heading", { level: 1, name: outcome.title })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "1 action behind it" })).toBeVisible();
  const onOutcome = page.getByTestId("linked-records");
  await expect(onOutcome.getByRole("link", { name: action.title })).toBeVisible();
  await expect(onOutcome).toContainText("Decisive");
  await expect(onOutcome).toContainText(evidence);

  // removed from the outcome page (after confirming), it is gone from both pages
  let question = "";
  page.once("dialog", (d) => {
    question = d.message();
    void d.accept();
  });
  await waitForHydration(onOutcome.getByRole("button", { name: `Remove the link to “${action.title}”` }));
  await onOutcome.getByRole("button", { name: `Remove the link to “${action.title}”` }).click();
  await expect(page.getByText("No action is linked to this outcome yet.")).toBeVisible(SAVE);
  await expect(page.getByRole("heading", { level: 2, name: "Actions behind it" })).toBeVisible();
  expect(question).toBe(`Remove the link to “${action.title}”?`);

  await page.goto(action.url);
  await expect(page.getByText("No outcome is linked to this action yet.")).toBeVisible();
  await expect(page.getByTestId("linked-records")).toHaveCount(0);
});

test("[LINKS] a link shows on both detail pages, and staff removes it from the outcome page", async ({ page }) => {
  test.slow(); // many page loads: room for a busy 2-core machine
  const outcome = await createOutcome(page, { title: uniqueTitle("ENNHRI Board puts the exclusion on its agenda") });
  const action = await createAction(page, { title: uniqueTitle("Letter to the ENNHRI Chair on the Board agenda") });
  const evidence = "The Board's agenda lists our letter.";
  const res = await page.request.post("/api/links", {
    data: { actionId: action.id, outcomeId: outcome.id, contribution: "DECISIVE", evidenceNote: evidence },
  });
  expect(res.status(), await res.text()).toBe(201);

  await page.goto(action.url);
  await expect(page.getByRole("heading", { level: 2, name: "1 outcome" })).toBeVisible();
  const onAction = page.getByTestId("linked-records");
  await expect(onAction.getByRole("link", { name: outcome.title })).toBeVisible();
  await expect(onAction).toContainText("Decisive");
  await expect(onAction).toContainText(evidence);

  await onAction.getByRole("link", { name: outcome.title }).click();
  await expect(page.getByRole("heading", { level: 1, name: outcome.title })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "1 action behind it" })).toBeVisible();
  const onOutcome = page.getByTestId("linked-records");
  await expect(onOutcome.getByRole("link", { name: action.title })).toBeVisible();
  await expect(onOutcome).toContainText("Decisive");
  await expect(onOutcome).toContainText(evidence);

  // dismissing the confirmation keeps the link; accepting it removes it from both pages
  page.once("dialog", (d) => void d.dismiss());
  const remove = onOutcome.getByRole("button", { name: `Remove the link to “${action.title}”` });
  await waitForHydration(remove);
  await remove.click();
  await expect(onOutcome.getByRole("link", { name: action.title })).toBeVisible();
  let question = "";
  page.once("dialog", (d) => {
    question = d.message();
    void d.accept();
  });
  await remove.click();
  await expect(page.getByText("No action is linked to this outcome yet.")).toBeVisible(SAVE);
  await expect(page.getByRole("heading", { level: 2, name: "Actions behind it" })).toBeVisible();
  expect(question).toBe(`Remove the link to “${action.title}”?`);
  await page.reload();
  await expect(page.getByText("No action is linked to this outcome yet.")).toBeVisible();

  await page.goto(action.url);
  await expect(page.getByText("No outcome is linked to this action yet.")).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Outcomes" })).toBeVisible();
});

test("[LINKS] saving the link dialog without choosing an outcome asks to choose one", async ({ page }) => {
  // staff's own seed action: nothing is saved, so it stays as it is
  await page.goto("/actions?q=GANHRI%20SCA");
  await page.getByRole("main").getByRole("link", { name: SEED.scaAction }).click();
  await expect(page.getByRole("heading", { level: 1, name: SEED.scaAction })).toBeVisible();
  await waitForHydration(page.getByRole("button", { name: "Link an outcome" }));
  await page.getByRole("button", { name: "Link an outcome" }).click();
  const dialog = page.getByRole("dialog", { name: "Link an outcome" });
  await expect(dialog.getByRole("radio").first()).toBeVisible();
  await dialog.getByRole("button", { name: "Save link" }).click();
  await expect(dialog.getByText("Choose a record from the list first.")).toBeVisible(SAVE);
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("heading", { level: 2, name: "1 outcome" })).toBeVisible();
});
