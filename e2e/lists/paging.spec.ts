import { expect, LIST_UPDATE, tableRows, test, uniqueTitle, waitForHydration, waitForList } from "../fixtures";

test.use({ role: "staff" });

test("[LISTS] staff pages through a search with next, previous and first page; the URL keeps the place", async ({ page }) => {
  test.slow(); // many page loads: room for a busy 2-core machine
  const token = uniqueTitle("Paging").split(" ").pop()!;
  // Twelve actions of one's own, made through the API the form uses (same lib function).
  for (let i = 0; i < 12; i++) {
    const res = await page.request.post("/api/actions", {
      data: {
        title: `Paging letter ${String(i).padStart(2, "0")} ${token}`,
        type: "LETTER_APPEAL",
        date: "2025-03-01",
        status: "SENT",
        confidentiality: "INTERNAL",
      },
    });
    expect(res.status()).toBe(201);
  }
  await page.goto(`/actions?q=${token}&size=10&sort=title&dir=asc`);
  await expect(tableRows(page)).toHaveCount(10);
  await expect(page.getByTestId("table-count")).toHaveText("12 actions · showing 1–10");
  const nav = page.getByRole("navigation", { name: "Pagination" });
  await expect(nav.getByRole("button", { name: "Previous" })).toBeDisabled();
  await expect(nav.getByRole("button", { name: "First page" })).toBeDisabled();

  await waitForHydration(nav.getByRole("button", { name: "Next" }));
  await nav.getByRole("button", { name: "Next" }).click();
  await expect(page).toHaveURL(/[?&]after=/, LIST_UPDATE);
  await waitForList(page);
  await expect(tableRows(page)).toHaveCount(2);
  await expect(tableRows(page).first()).toContainText(`Paging letter 10 ${token}`);
  await expect(page.getByTestId("table-count")).toHaveText("12 actions · showing 2 on this page");
  await expect(nav.getByRole("button", { name: "Next" })).toBeDisabled();

  // A reload shows the same page: the URL is the place in the list.
  await page.reload();
  await expect(tableRows(page).first()).toContainText(`Paging letter 10 ${token}`);

  await waitForHydration(nav.getByRole("button", { name: "Previous" }));
  await nav.getByRole("button", { name: "Previous" }).click();
  await expect(page).toHaveURL(/[?&]before=/, LIST_UPDATE);
  await waitForList(page);
  await expect(tableRows(page)).toHaveCount(10);
  await expect(tableRows(page).first()).toContainText(`Paging letter 00 ${token}`);
  await expect(page.getByTestId("table-count")).toHaveText("12 actions · showing 1–10");
});
