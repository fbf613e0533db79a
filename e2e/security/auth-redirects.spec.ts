// Where sign-in leads: back to the page asked for, never to another site.
import { DEMO_PASSWORD, expect, test, USERS } from "../fixtures";
import { postSignIn, signInHere } from "./auth-helpers";

test.describe("after signing in", () => {
  test("[AUTH] a visitor who asked for a page comes back to it after signing in", async ({ page }) => {
    await page.goto("/outcomes?q=GANHRI");
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Foutcomes%3Fq%3DGANHRI$/);
    await signInHere(page, USERS.manager.email, DEMO_PASSWORD);
    await expect(page).toHaveURL(/\/outcomes\?q=GANHRI$/);
  });

  for (const evil of ["https://evil.example/steal", "//evil.example/steal", "/\\evil.example/steal"]) {
    test(`[AUTH] the sign-in page ignores a callback URL to another site: ${evil}`, async ({ page, baseURL }) => {
      await page.goto(`/login?callbackUrl=${encodeURIComponent(evil)}`);
      await signInHere(page, USERS.staff.email, DEMO_PASSWORD);
      expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
    });
  }

  test("[AUTH] next-auth's callback never answers with another site's URL", async ({ playwright, baseURL }) => {
    const request = await playwright.request.newContext({ baseURL });
    const ok = await postSignIn(request, { email: USERS.staff.email, password: DEMO_PASSWORD }, {}, "https://evil.example/after");
    expect(ok.error).toBeNull();
    expect(new URL(ok.url!).origin).toBe(new URL(baseURL!).origin);
    const failed = await postSignIn(request, { email: "nobody@example.org", password: "not it at all" }, {}, "//evil.example");
    expect(new URL(failed.url!).origin).toBe(new URL(baseURL!).origin);
    await request.dispose();
  });
});
