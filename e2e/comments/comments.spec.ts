import { createAction, expect, test, USERS, waitForHydration } from "../fixtures";

test.use({ role: "staff" });

test("[COMMENTS] staff mentions a colleague, who sees the notification and lands on the record", async ({ page, pageAs }) => {
  test.slow();
  const action = await createAction(page);
  const thread = page.getByRole("region", { name: "Comments" });
  const box = thread.getByRole("combobox", { name: "New comment" });
  await waitForHydration(box);

  // the autocomplete works from the keyboard: type "@And", arrow to the suggestion, Enter picks it
  await box.pressSequentially("Please review the draft, @And");
  const suggestions = page.getByRole("listbox", { name: "People to mention" });
  await expect(suggestions.getByRole("option", { name: USERS.manager.name })).toBeVisible();
  await box.press("Enter");
  await expect(box).toHaveValue(`Please review the draft, @${USERS.manager.name} `);
  await box.pressSequentially("before Friday.");
  await thread.getByRole("button", { name: "Post comment" }).click();

  const comment = thread.getByTestId("comment").first();
  await expect(comment).toContainText(`Please review the draft, @${USERS.manager.name} before Friday.`);
  await expect(page.getByTestId("record-history")).toContainText("Commented");
  await page.screenshot({ path: "test-results/comments-thread.png", fullPage: true });

  // the colleague sees the unread count and the notification, and it opens the record
  const manager = await pageAs("manager");
  await manager.goto("/dashboard");
  const bell = manager.getByRole("button", { name: /Notifications, \d+ unread/ }).first();
  await waitForHydration(bell);
  await bell.click();
  const item = manager.getByRole("menuitem", { name: new RegExp(`${USERS.staff.name} mentioned you on “${action.title}”`) });
  await expect(item).toBeVisible();
  await manager.screenshot({ path: "test-results/notifications-menu.png" });
  await item.click();
  await expect(manager).toHaveURL(new RegExp(`${action.url}$`));
  await expect(manager.getByRole("heading", { level: 1, name: action.title })).toBeVisible();
  await manager.close();
});

test("[COMMENTS] a comment with HTML shows as text and runs nothing", async ({ page }) => {
  const action = await createAction(page);
  let dialogs = 0;
  page.on("dialog", (d) => {
    dialogs++;
    void d.dismiss();
  });
  const thread = page.getByRole("region", { name: "Comments" });
  const box = thread.getByRole("combobox", { name: "New comment" });
  await waitForHydration(box);
  const payload = "<img src=x onerror=alert(1)>";
  await box.fill(payload);
  await thread.getByRole("button", { name: "Post comment" }).click();
  await expect(thread.getByTestId("comment-body").first()).toHaveText(payload);
  await page.reload();
  await expect(page.getByRole("region", { name: "Comments" }).getByTestId("comment-body").first()).toHaveText(payload);
  await expect(page.getByRole("heading", { level: 1, name: action.title })).toBeVisible();
  expect(dialogs).toBe(0);
  expect(await page.locator("[data-testid=comment-body] img").count()).toBe(0);
});
