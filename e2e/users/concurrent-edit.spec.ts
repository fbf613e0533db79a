// Two administrators change the same person on /admin/users, both from the row as it was. The first
// save wins; the second administrator sees what the first saved (role) next to their own change
// (active), chooses per field and saves a merge: nothing of either change is silently lost.
import { expect, SAVE, test, waitForHydration } from "../fixtures";
import { createPerson, userRow } from "../security/auth-helpers";

test.describe("concurrent edit of a user", () => {
  test.use({ role: "admin" });

  test("[USERS] two administrators change one person: the second sees the role the first saved, merges, and the row keeps both changes", async ({
    page,
    pageAs,
  }) => {
    const person = await createPerson(page);
    const other = await pageAs("admin");
    const save = `Save role and state of ${person.name}`;
    const roleOf = `Role of ${person.name}`;

    // both open the users page at the same version of the person
    await page.goto("/admin/users");
    await other.goto("/admin/users");
    const first = userRow(page, person.name);
    const second = userRow(other, person.name);
    await waitForHydration(first.getByRole("button", { name: save }));
    await waitForHydration(second.getByRole("button", { name: save }));

    // the first administrator makes the person a manager
    await first.getByRole("combobox", { name: roleOf }).selectOption({ label: "Manager" });
    await first.getByRole("button", { name: save }).click();
    await expect(first.getByText("Saved.")).toBeVisible(SAVE);

    // the second, on the row as it was (Staff), deactivates the person
    await second.getByRole("checkbox", { name: "Active" }).uncheck();
    await second.getByRole("button", { name: save }).click();
    const panel = second.getByTestId("edit-conflict");
    await expect(panel).toBeVisible(SAVE);
    await expect(second).toContainText("Someone else saved this record while you were editing it");
    // the fields that differ, each with the saved value and this admin's
    const role = panel.getByRole("group", { name: "Role", exact: true });
    await expect(role).toContainText("Manager");
    await expect(role).toContainText("Staff");
    const active = panel.getByRole("group", { name: "Active", exact: true });
    await expect(active).toContainText("Yes");
    await expect(active).toContainText("No");
    await expect(panel.getByRole("group")).toHaveCount(2);
    // what the second admin did is still in the row, unsaved
    await expect(second.getByRole("checkbox", { name: "Active" })).not.toBeChecked();
    await other.screenshot({ path: "test-results/users-concurrent-edit-conflict.png", fullPage: true });

    // choose: their role, my deactivation
    await role.getByRole("radio").first().check();
    await active.getByRole("radio").last().check();
    await panel.getByRole("button", { name: "Use these choices" }).click();
    await expect(second.getByRole("status").filter({ hasText: "Your choices are in this row" })).toBeVisible();
    await expect(second.getByRole("combobox", { name: roleOf })).toHaveValue("MANAGER");
    await expect(second.getByRole("checkbox", { name: "Active" })).not.toBeChecked();
    await second.getByRole("button", { name: save }).click();
    await expect(second.getByText("Saved.")).toBeVisible(SAVE);

    // both changes are saved, as either administrator sees the page now
    for (const admin of [other, page]) {
      await admin.goto("/admin/users");
      const row = userRow(admin, person.name);
      await expect(row.getByRole("combobox", { name: roleOf })).toHaveValue("MANAGER");
      await expect(row.getByRole("checkbox", { name: "Active" })).not.toBeChecked();
      await expect(row.getByText("Inactive", { exact: true })).toBeVisible();
    }
  });
});
