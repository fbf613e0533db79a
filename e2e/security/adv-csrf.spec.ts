// CSRF beyond hard-csrf.spec.ts: the evidence-file route handlers (upload, delete), and a server
// action sent by another site's page (a captured form post replayed with a foreign Origin, with the
// victim's cookies). Each is refused before it does anything.
import { expect, test, waitForHydration } from "../fixtures";
import { postAction, postAttachment } from "./adv-helpers";

const EVIL = "https://evil.example";

test.describe("CSRF on the remaining entry points", () => {
  test.use({ role: "manager" });

  test("[SECURITY] a foreign origin is refused on the evidence-file route handlers; the file is still there", async ({
    page,
  }) => {
    const action = await postAction(page.request, { title: `CSRF evidence ${Date.now().toString(36)}` });
    const file = await postAttachment(page.request, { recordType: "action", recordId: action.id, fileName: "csrf.pdf" });
    const attacks: Record<string, string>[] = [
      { origin: EVIL },
      { origin: "null" },
      { "sec-fetch-site": "cross-site" },
      { "sec-fetch-site": "same-site" },
    ];
    for (const headers of attacks) {
      const upload = await page.request.post(
        `/api/attachments?recordType=action&recordId=${action.id}&fileName=evil.pdf&sourceType=OTHER`,
        {
          data: Buffer.from("%PDF-1.4\n%%EOF\n"),
          headers: { ...headers, "content-type": "application/pdf" },
        },
      );
      expect(upload.status(), `upload ${JSON.stringify(headers)}`).toBe(403);
      expect((await upload.json()).error.key).toBe("security.foreignOrigin");
      const del = await page.request.delete(`/api/attachments/${file.id}`, { headers });
      expect(del.status(), `delete ${JSON.stringify(headers)}`).toBe(403);
    }
    expect((await page.request.get(`/api/attachments/${file.id}`)).status()).toBe(200);
    const detail = await (await page.request.get(`/api/actions/${action.id}`)).text();
    expect(detail).not.toContain("evil.pdf");
  });

  test("[SECURITY] a server action posted from another site (foreign Origin, the victim's cookies) is refused; nothing changes", async ({
    page,
  }) => {
    const title = `CSRF server action ${Date.now().toString(36)}`;
    const action = await postAction(page.request, { title });
    await page.goto(`/actions/${action.id}/edit`);
    const save = page.getByRole("button", { name: "Save changes" });
    await waitForHydration(save);
    let captured: { url: string; headers: Record<string, string>; body: Buffer } | null = null;
    await page.route(`**/actions/${action.id}/edit`, async (route) => {
      const req = route.request();
      if (req.method() === "POST" && req.headers()["next-action"]) {
        captured = { url: req.url(), headers: req.headers(), body: req.postDataBuffer() ?? Buffer.alloc(0) };
        await route.abort();
      } else await route.continue();
    });
    await page.getByRole("textbox", { name: "Title", exact: true }).fill(`${title} forged`);
    await save.click();
    await expect.poll(() => captured !== null).toBe(true);
    const c = captured!;
    const headers = Object.fromEntries(
      Object.entries(c.headers).filter(([k]) => !["cookie", "content-length", "origin"].includes(k.toLowerCase())),
    );
    const forged = await page.request.post(c.url, { headers: { ...headers, origin: EVIL }, data: c.body, maxRedirects: 0 });
    expect(forged.status(), (await forged.text()).slice(0, 200)).toBeGreaterThanOrEqual(400);
    expect((await (await page.request.get(`/api/actions/${action.id}`)).json()).title).toBe(title);
  });
});
