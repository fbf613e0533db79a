import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createAction, expect, SAVE, test, waitForHydration } from "../fixtures";

test.use({ role: "staff" });

const sha256 = (buf: Buffer) => createHash("sha256").update(buf).digest("hex");
const samplePdf = () =>
  Buffer.from(`%PDF-1.4\n% ${Date.now()}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`, "latin1");

async function openUploadForm(page: import("@playwright/test").Page) {
  await waitForHydration(page.getByRole("button", { name: "Attach a file" }));
  await page.getByRole("button", { name: "Attach a file" }).click();
}

test("[EVIDENCE] staff attaches a PDF letter to an action and downloads the same file", async ({ page }) => {
  test.slow();
  const action = await createAction(page);
  const pdf = samplePdf();
  const name = "Лист до МКЧХ (підписаний).pdf";

  await expect(page.getByRole("heading", { level: 2, name: "Evidence" })).toBeVisible();
  await expect(page.getByText("No files yet.")).toBeVisible();
  await openUploadForm(page);
  await page.getByLabel("File", { exact: true }).setInputFiles({ name, mimeType: "application/pdf", buffer: pdf });
  await page.getByRole("combobox", { name: "Source type" }).selectOption({ label: "Official letter" });
  await page.getByRole("combobox", { name: "Who may see the file" }).selectOption({ label: "Restricted" });
  await page.getByRole("button", { name: "Upload" }).click();

  await expect(page.getByRole("status").filter({ hasText: `${name} was attached.` })).toBeVisible(SAVE);
  const item = page.getByTestId("evidence-item");
  await expect(item).toHaveCount(1);
  await expect(item).toContainText(name);
  await expect(item).toContainText("Official letter");
  await expect(item).toContainText("Restricted");
  await expect(item.getByTestId("evidence-hash")).toHaveText(`${sha256(pdf).slice(0, 12)}…`);
  await page.getByRole("heading", { level: 2, name: "Evidence" }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: "e2e/screenshots/evidence-attached.png", fullPage: true });

  // the download is the very same file, under its own name
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: `Download: ${name}` }).click()]);
  expect(download.suggestedFilename()).toBe(name);
  expect(sha256(readFileSync(await download.path()))).toBe(sha256(pdf));

  // served so that nothing in it can run, and only as a download unless previewed
  const href = await page.getByRole("link", { name: `Download: ${name}` }).getAttribute("href");
  const res = await page.request.get(href!);
  expect(res.headers()["content-disposition"]).toMatch(/^attachment; filename="[^"]+"; filename\*=UTF-8''/);
  expect(res.headers()["x-content-type-options"]).toBe("nosniff");
  expect(res.headers()["content-security-policy"]).toMatch(/^sandbox/);
  const preview = await page.request.get(`${href}?inline=1`);
  expect(preview.headers()["content-disposition"]).toMatch(/^inline;/);
  expect(preview.headers()["content-type"]).toBe("application/pdf");

  // the upload and the downloads are in the record's History
  await page.goto(action.url);
  const history = page.getByTestId("history-entry");
  await expect(history.filter({ hasText: `Attached the file ${name}` })).toHaveCount(1);
  await expect(history.filter({ hasText: `Downloaded the file ${name}` }).first()).toBeVisible();
});

test("[EVIDENCE] staff is told clearly when a file is spoofed or too large, and nothing is attached", async ({ page }) => {
  test.slow();
  await createAction(page);
  await openUploadForm(page);
  const file = page.getByLabel("File", { exact: true });
  const alert = page.getByTestId("evidence-error");

  // an executable renamed to .pdf: the server reads its content
  const exe = Buffer.concat([Buffer.from("MZ\x90\x00", "latin1"), Buffer.alloc(2048, 1)]);
  await file.setInputFiles({ name: "SCA-report.pdf", mimeType: "application/pdf", buffer: exe });
  await page.getByRole("button", { name: "Upload" }).click();
  await expect(alert).toHaveText("This file's content is not a PDF although its name ends in .pdf.", SAVE);
  await expect(file).toHaveAttribute("aria-invalid", "true");
  await page.screenshot({ path: "e2e/screenshots/evidence-spoofed.png", fullPage: true });

  // over the limit: said at once, before anything is sent
  await file.setInputFiles({ name: "scan.pdf", mimeType: "application/pdf", buffer: Buffer.alloc(26 * 1024 * 1024, 0x25) });
  await page.getByRole("button", { name: "Upload" }).click();
  await expect(alert).toHaveText("The file is 26 MB; the limit is 25 MB.");

  await page.reload();
  await expect(page.getByText("No files yet.")).toBeVisible();
});
