// Two people edit the same action in two browsers. The first save wins; the second person sees
// what changed meanwhile (field, their value, your value), chooses per field, and saves a merge:
// nothing of the first save is silently overwritten and nothing the second person typed is lost.
// Then: a double click and a retried submit of a create form make one action.
import { createAction, expect, SAVE, test, uniqueTitle, waitForHydration } from "../fixtures";

test.describe("concurrent edit", () => {
  test.use({ role: "staff" });

  test("[SECURITY] two people edit one action: the second sees the conflict and merges field by field", async ({
    page,
    pageAs,
  }) => {
    const action = await createAction(page, { status: "Sent" });
    const other = await pageAs("manager");

    // both open the edit form at the same version
    await page.goto(`${action.url}/edit`);
    await other.goto(`${action.url}/edit`);
    await waitForHydration(page.getByRole("button", { name: "Save changes" }));
    await waitForHydration(other.getByRole("button", { name: "Save changes" }));

    // the manager changes the status and the summary and saves first
    await other.getByRole("combobox", { name: "Status", exact: true }).selectOption({ label: "Closed" });
    await other.getByRole("textbox", { name: "Summary", exact: true }).fill("Reply from the SPT received.");
    await other.getByRole("button", { name: "Save changes" }).click();
    await expect(other).toHaveURL(new RegExp(`${action.url}\\?saved=updated$`), SAVE);

    // staff, on the old version, changes the title and the reference number and saves
    const mine = `${action.title} (revised)`;
    await page.getByRole("textbox", { name: "Title", exact: true }).fill(mine);
    await page.getByRole("textbox", { name: "Outgoing reference number", exact: true }).fill("25/7-out");
    await page.getByRole("button", { name: "Save changes" }).click();
    const panel = page.getByTestId("edit-conflict");
    await expect(panel).toBeVisible(SAVE);
    await expect(page.getByTestId("form-error")).toContainText("Someone else saved this record while you were editing it");
    // what changed, with both values, and nothing saved yet
    const status = panel.getByRole("group", { name: "Status" });
    await expect(status).toContainText("Closed");
    await expect(status).toContainText("Sent");
    await expect(panel.getByRole("group", { name: "Title" })).toContainText(mine);
    await expect(panel.getByRole("group", { name: "Summary" })).toContainText("Reply from the SPT received.");
    // what staff typed is still in the form
    await expect(page.getByRole("textbox", { name: "Title", exact: true })).toHaveValue(mine);
    await page.screenshot({ path: "test-results/hard-concurrency-conflict.png", fullPage: true });

    // choose: their status and summary, my title and reference
    await panel.getByRole("button", { name: "Use these choices" }).click();
    await expect(panel.getByRole("alert")).toContainText("Choose theirs or yours for every field first.");
    for (const field of ["Status", "Summary"]) await panel.getByRole("group", { name: field }).getByRole("radio").first().check();
    for (const field of ["Title", "Outgoing reference number"])
      await panel.getByRole("group", { name: field }).getByRole("radio").last().check();
    await panel.getByRole("button", { name: "Use these choices" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Your choices are in the form below" })).toBeVisible();
    await expect(page.getByRole("combobox", { name: "Status", exact: true })).toHaveValue("CLOSED");
    await expect(page.getByRole("textbox", { name: "Title", exact: true })).toHaveValue(mine);
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page).toHaveURL(new RegExp(`${action.url}\\?saved=updated$`), SAVE);

    // the merge: both people's changes are there
    await expect(page.getByRole("heading", { level: 1, name: mine })).toBeVisible();
    await expect(page.getByText("Reply from the SPT received.").first()).toBeVisible();
    await expect(page.getByText("25/7-out").first()).toBeVisible();
  });

  test("[SECURITY] an edit through the API without the version it read is refused; a stale one gets the conflict", async ({
    page,
  }) => {
    const action = await createAction(page);
    const read = await page.request.get(`/api/actions/${action.id}`);
    const { version } = await read.json();
    const body = { title: action.title, type: "LETTER_APPEAL", status: "SENT", date: "2025-03-14" };
    const missing = await page.request.put(`/api/actions/${action.id}`, { data: body });
    expect(missing.status()).toBe(400);
    expect((await missing.json()).error.message).toContain("did not say which version");
    expect(
      (
        await page.request.put(`/api/actions/${action.id}`, { data: { ...body, status: "CLOSED", expectedVersion: version } })
      ).status(),
    ).toBe(200);
    const stale = await page.request.put(`/api/actions/${action.id}`, {
      data: { ...body, title: "Overwrite", expectedVersion: version },
    });
    expect(stale.status()).toBe(409);
    const { error } = await stale.json();
    expect(error.conflict.version).toBe(version + 1);
    expect(error.conflict.fields).toEqual(expect.arrayContaining([{ field: "status", theirs: "CLOSED", mine: "SENT" }]));
  });
});

test.describe("double submit", () => {
  test.use({ role: "staff" });

  test("[SECURITY] staff double-clicks Create and retries the same submission: one action", async ({ page }) => {
    const title = uniqueTitle("Double submit");
    await page.goto("/actions/new");
    await waitForHydration(page.getByRole("button", { name: "Create action" }));
    await page.getByRole("textbox", { name: "Title", exact: true }).fill(title);
    await page.getByRole("combobox", { name: "Type", exact: true }).selectOption({ label: "Letter or appeal" });
    await page.getByRole("combobox", { name: "Status", exact: true }).selectOption({ label: "Sent" });

    // keep the server action's request to send it again afterwards, as a flaky network would
    const posted = page.waitForRequest((r) => r.method() === "POST" && r.url().includes("/actions/new"));
    await page.getByRole("button", { name: "Create action" }).dblclick();
    const request = await posted;
    await expect(page).toHaveURL(/\/actions\/[^/]+\?saved=created$/, SAVE);
    const firstId = new URL(page.url()).pathname.split("/")[2];

    const retry = await page.request.fetch(request.url(), {
      method: "POST",
      headers: await request.allHeaders(),
      data: request.postDataBuffer() ?? undefined,
      maxRedirects: 0,
    });
    expect(retry.status()).toBeLessThan(400);
    // the retry is answered with the first action (Next sends a server action's redirect as a header)
    expect(`${retry.headers()["x-action-redirect"] ?? ""} ${await retry.text()}`).toContain(`/actions/${firstId}`);

    const list = await page.request.get(`/api/actions?q=${encodeURIComponent(title)}`);
    expect((await list.json()).total).toBe(1);
  });

  test("[SECURITY] an API client retrying a create with the same Idempotency-Key gets the same record", async ({ page }) => {
    const title = uniqueTitle("API retry");
    const data = { title, type: "LETTER_APPEAL", status: "SENT", date: "2025-02-03" };
    const headers = { "Idempotency-Key": `e2e-${Date.now()}-retry-key` };
    const first = await page.request.post("/api/actions", { data, headers });
    const second = await page.request.post("/api/actions", { data, headers });
    expect(first.status()).toBe(201);
    expect(second.status()).toBe(201);
    expect((await second.json()).id).toBe((await first.json()).id);
    expect((await (await page.request.get(`/api/actions?q=${encodeURIComponent(title)}`)).json()).total).toBe(1);
  });
});
