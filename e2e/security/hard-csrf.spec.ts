// Cross-site request forgery: a page on another site makes the signed-in victim's browser send a
// state-changing request to every route handler. Each is refused with 403 before it does anything,
// and the attempt lands in the audit trail; the same request from the app's own origin works.
import { expect, test, uniqueTitle } from "../fixtures";

const EVIL = "https://evil.example";

test.describe("CSRF", () => {
  test.use({ role: "manager" });

  test("[SECURITY] a request from a foreign origin is refused on every state-changing route handler", async ({
    page,
    baseURL,
  }) => {
    const title = uniqueTitle("CSRF probe");
    const body = { title, type: "LETTER_APPEAL", status: "SENT", date: "2025-02-03" };
    const probes: { method: "POST" | "PUT" | "DELETE"; path: string; data?: unknown }[] = [
      { method: "POST", path: "/api/actions", data: body },
      { method: "PUT", path: "/api/actions/cnotarealid0000000000000", data: body },
      { method: "DELETE", path: "/api/actions/cnotarealid0000000000000" },
      { method: "POST", path: "/api/outcomes", data: { title, type: "RESOLUTION_ADOPTED", date: "2025-02-03" } },
      { method: "PUT", path: "/api/outcomes/cnotarealid0000000000000", data: {} },
      { method: "DELETE", path: "/api/outcomes/cnotarealid0000000000000" },
      { method: "POST", path: "/api/links", data: {} },
      { method: "PUT", path: "/api/links/cnotarealid0000000000000", data: {} },
      { method: "DELETE", path: "/api/links/cnotarealid0000000000000" },
      { method: "POST", path: "/api/auth/signout", data: {} },
      { method: "POST", path: "/api/auth/callback/credentials", data: { email: "manager@example.org", password: "x" } },
    ];
    const attacks: Record<string, string>[] = [{ origin: EVIL }, { origin: "null" }, { "sec-fetch-site": "cross-site" }];
    for (const headers of attacks) {
      for (const probe of probes) {
        const res = await page.request.fetch(probe.path, { method: probe.method, data: probe.data, headers, maxRedirects: 0 });
        const what = `${probe.method} ${probe.path} ${JSON.stringify(headers)}`;
        expect(res.status(), what).toBe(403);
        expect((await res.json()).error, what).toEqual({
          code: "FORBIDDEN",
          key: "security.foreignOrigin",
          message: "This request came from another site and was refused. Use the app's own pages.",
        });
      }
    }
    // nothing was created, and the session still works (the sign-out was refused)
    const list = await page.request.get(`/api/actions?q=${encodeURIComponent(title)}`);
    expect(list.status()).toBe(200);
    expect((await list.json()).total).toBe(0);

    // the same create from the app's own origin works
    const ok = await page.request.post("/api/actions", { data: body, headers: { origin: new URL(baseURL!).origin } });
    expect(ok.status()).toBe(201);
  });

  test("[SECURITY] an auditor finds the refused cross-site request in the audit trail", async ({ page, pageAs }) => {
    const marker = `/api/actions/csrfmarker${Date.now().toString(36)}`;
    const res = await page.request.delete(marker, { headers: { origin: EVIL } });
    expect(res.status()).toBe(403);
    const auditor = await pageAs("auditor");
    await auditor.goto(`/audit?event=security.csrf.refused&q=${encodeURIComponent(marker)}`);
    const row = auditor.getByRole("table").locator("tbody tr").filter({ hasText: marker });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText("security.csrf.refused");
    await expect(row).toContainText("Andrii Melnyk");
  });
});
