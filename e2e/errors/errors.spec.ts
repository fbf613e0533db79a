import { expect, test } from "../fixtures";

test.describe("error pages", () => {
  test.use({ role: "staff" });

  test("[ERRORS] a missing record shows the 404 page with a way back to the start", async ({ page }) => {
    for (const path of ["/actions/cmissingrecord000000000000", "/outcomes/does-not-exist", "/campaigns/does-not-exist"]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
      await expect(page.getByText("The page or record does not exist, or you do not have access to it.")).toBeVisible();
    }
    await page.getByRole("link", { name: "Go to the start page" }).click();
    // the start page depends on the role (staff: /my-work); it is a page of the app again
    await expect(page).toHaveURL(/\/(my-work|dashboard|actions)$/);
    await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toHaveCount(0);
    await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  });
});

test.describe("JSON API", () => {
  test("[ERRORS] GET /api/health answers that the app and its database are up", async ({ request }) => {
    const res = await request.get("/api/health");
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toContain("application/json");
    expect(await res.json()).toEqual({ status: "ok", db: "ok" });
  });

  test("[ERRORS] GET /api/actions without a session answers 401 in JSON", async ({ request }) => {
    const res = await request.get("/api/actions", { maxRedirects: 0 });
    expect(res.status()).toBe(401);
    expect(res.headers()["content-type"]).toContain("application/json");
    expect(await res.json()).toEqual({
      error: { code: "UNAUTHENTICATED", key: "errors.unauthenticated", message: "Your session has ended. Sign in again." },
    });
  });

  test("[ERRORS] POST /api/actions without a session is refused with 401", async ({ request }) => {
    const res = await request.post("/api/actions", {
      maxRedirects: 0,
      data: { title: "Anonymous action", type: "LETTER_APPEAL", status: "SENT", date: "2025-01-15" },
    });
    expect(res.status()).toBe(401);
    expect((await res.json()).error.code).toBe("UNAUTHENTICATED");
  });
});
