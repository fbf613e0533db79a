// Vertical escalation over HTTP: an auditor calls every mutation route handler; staff replay the
// server actions an administrator and a manager send (ending sessions, requiring two-step for
// everyone, relabelling a vocabulary term); an auditor replays a manager's edit. Each row is one case:
// refused (403 / "not allowed"), nothing changes, and the refusal is in the audit trail.
import type { APIRequestContext, Page } from "@playwright/test";
import { expect, SAVE, test, USERS, waitForHydration } from "../fixtures";
import { browserSignedInAs, createPerson, userRow } from "./auth-helpers";
import { FAKE_ID, pdfBytes, postAction, postAttachment, postLink, postOutcome, today } from "./adv-helpers";

const FORBIDDEN_TEXT = "Your role does not allow this. Ask a manager or an administrator if you need it.";

type Captured = { url: string; headers: Record<string, string>; body: Buffer };

/**
 * Lets `trigger` submit a form on `page` and captures the server-action POST the browser sends to
 * `path`, without letting it reach the server (an attacker's copy of it).
 */
async function captureServerAction(page: Page, path: string, trigger: () => Promise<void>): Promise<Captured> {
  let captured: Captured | null = null;
  const match = (url: URL) => url.pathname === path;
  await page.route(match, async (route) => {
    const req = route.request();
    if (req.method() === "POST" && req.headers()["next-action"]) {
      captured = { url: req.url(), headers: req.headers(), body: req.postDataBuffer() ?? Buffer.alloc(0) };
      await route.abort();
    } else await route.continue();
  });
  await trigger();
  await expect.poll(() => captured !== null, { message: `a server action posted to ${path}` }).toBe(true);
  await page.unroute(match);
  return captured!;
}

/** Sends a captured server action again with another person's cookies. */
async function replay(request: APIRequestContext, c: Captured) {
  const headers = Object.fromEntries(
    Object.entries(c.headers).filter(([k]) => !["cookie", "content-length"].includes(k.toLowerCase())),
  );
  const res = await request.post(c.url, { headers, data: c.body, maxRedirects: 0 });
  return { status: res.status(), text: await res.text() };
}

/** The access.denied rows of one person today, as the auditor's trail lists them. */
async function deniedCount(auditor: Page, name: string): Promise<number> {
  await auditor.goto("/audit");
  const actorId = await auditor.locator("select option", { hasText: name }).first().getAttribute("value");
  expect(actorId, `${name} in the audit trail's actor filter`).toBeTruthy();
  await auditor.goto(`/audit?event=access.denied&actor=${actorId}&from=${today()}&size=100`);
  return auditor.getByRole("table").locator("tbody tr").filter({ hasText: "access.denied" }).count();
}

test.describe("vertical escalation", () => {
  test.describe.configure({ timeout: 120_000 });

  test.describe("an auditor", () => {
    test.use({ role: "auditor" });

    test("[SECURITY] an auditor calling every mutation route handler gets 403, changes nothing, and each refusal is audited", async ({
      page,
      pageAs,
    }) => {
      const manager = await pageAs("manager");
      const action = await postAction(manager.request, { title: `Escalation target ${Date.now().toString(36)}` });
      const outcome = await postOutcome(manager.request, { title: `Escalation outcome ${Date.now().toString(36)}` });
      const link = await postLink(manager.request, { actionId: action.id, outcomeId: outcome.id });
      const file = await postAttachment(manager.request, {
        recordType: "action",
        recordId: action.id,
        fileName: "escalation.pdf",
      });
      const snapshot = async () =>
        JSON.stringify([
          await (await manager.request.get(`/api/actions/${action.id}`)).json(),
          await (await manager.request.get(`/api/outcomes/${outcome.id}`)).json(),
          (await manager.request.get(`/api/attachments/${file.id}`)).status(),
        ]);
      const before = await snapshot();
      const deniedBefore = await deniedCount(page, USERS.auditor.name);

      const actionBody = { title: "Auditor's change", type: "LETTER_APPEAL", status: "SENT", date: today() };
      const outcomeBody = { title: "Auditor's change", type: "RESOLUTION_ADOPTED", verification: "REPORTED", date: today() };
      const rows: { method: string; path: string; data?: unknown; binary?: boolean }[] = [
        { method: "POST", path: "/api/actions", data: actionBody },
        { method: "PUT", path: `/api/actions/${action.id}`, data: { ...actionBody, expectedVersion: 1 } },
        { method: "DELETE", path: `/api/actions/${action.id}` },
        { method: "POST", path: "/api/outcomes", data: outcomeBody },
        { method: "PUT", path: `/api/outcomes/${outcome.id}`, data: { ...outcomeBody, expectedVersion: 1 } },
        { method: "DELETE", path: `/api/outcomes/${outcome.id}` },
        { method: "POST", path: "/api/links", data: { actionId: action.id, outcomeId: outcome.id, contribution: "DECISIVE" } },
        { method: "PUT", path: `/api/links/${link.id}`, data: { contribution: "DECISIVE", evidenceNote: "Auditor's change" } },
        { method: "DELETE", path: `/api/links/${link.id}` },
        {
          method: "POST",
          path: `/api/attachments?recordType=action&recordId=${action.id}&fileName=a.pdf&sourceType=OFFICIAL_LETTER`,
          binary: true,
        },
        { method: "DELETE", path: `/api/attachments/${file.id}` },
      ];
      for (const row of rows) {
        const what = `${row.method} ${row.path}`;
        const res = await page.request.fetch(row.path, {
          method: row.method,
          data: row.binary ? pdfBytes("auditor") : row.data,
          headers: row.binary ? { "content-type": "application/pdf" } : undefined,
        });
        const text = await res.text();
        expect(res.status(), `${what}: ${text}`).toBe(403);
        expect(JSON.parse(text).error, what).toMatchObject({ code: "FORBIDDEN", message: FORBIDDEN_TEXT });
        test.info().annotations.push({ type: "case", description: `auditor ${what}: ${res.status()}` });
      }
      expect(await snapshot(), "nothing changed").toBe(before);
      expect(await deniedCount(page, USERS.auditor.name), "one access.denied row per refused call").toBe(
        deniedBefore + rows.length,
      );
    });

    test("[SECURITY] an auditor replaying a manager's edit (server action) is refused; the action is unchanged", async ({
      page,
      pageAs,
    }) => {
      const manager = await pageAs("manager");
      const title = `Replay target ${Date.now().toString(36)}`;
      const action = await postAction(manager.request, { title });
      await manager.goto(`/actions/${action.id}/edit`);
      const save = manager.getByRole("button", { name: "Save changes" });
      await waitForHydration(save);
      const captured = await captureServerAction(manager, `/actions/${action.id}/edit`, async () => {
        await manager.getByRole("textbox", { name: "Title", exact: true }).fill(`${title} changed`);
        await save.click();
      });
      const deniedBefore = await deniedCount(page, USERS.auditor.name);
      const answer = await replay(page.request, captured);
      expect(answer.status).toBeLessThan(500);
      expect(answer.text).toContain("errors.forbidden");
      expect((await (await manager.request.get(`/api/actions/${action.id}`)).json()).title).toBe(title);
      expect(await deniedCount(page, USERS.auditor.name)).toBe(deniedBefore + 1);
    });
  });

  test.describe("staff", () => {
    test.use({ role: "staff" });

    test("[SECURITY] staff replaying an administrator's 'End sessions' and 'Require two-step for everyone' are refused; the replay works for the administrator (control)", async ({
      page,
      pageAs,
      browser,
      baseURL,
    }) => {
      const admin = await pageAs("admin");
      const person = await createPerson(admin);
      const { context: theirs } = await browserSignedInAs(browser, baseURL!, person);
      expect((await theirs.request.get("/api/actions")).status()).toBe(200);

      await admin.goto("/admin/users");
      const end = userRow(admin, person.name).getByRole("button", { name: `End all sessions of ${person.name}` });
      await waitForHydration(end);
      const endSessions = await captureServerAction(admin, "/admin/users", () => end.click());
      await admin.goto("/admin/users");
      const mfa = admin.getByRole("checkbox", { name: "Require two-step verification for everyone" });
      await waitForHydration(mfa);
      await expect(mfa).not.toBeChecked();
      const mfaForAll = await captureServerAction(admin, "/admin/users", async () => {
        await mfa.check();
        await admin.getByRole("button", { name: "Save setting" }).click();
      });

      // the staff member's own pages say "not allowed"
      await page.goto("/admin/users");
      await expect(page.getByText(FORBIDDEN_TEXT)).toBeVisible();
      await expect(page.getByText(person.email)).toHaveCount(0);

      for (const [what, c] of [
        ["end sessions", endSessions],
        ["require two-step for everyone", mfaForAll],
      ] as const) {
        const answer = await replay(page.request, c);
        expect(answer.status, what).toBeLessThan(500);
        expect(answer.text, what).toContain("errors.forbidden");
      }
      // nothing changed: the person is still signed in, the setting is still off
      expect((await theirs.request.get("/api/actions")).status()).toBe(200);
      await admin.goto("/admin/users");
      await expect(admin.getByRole("checkbox", { name: "Require two-step verification for everyone" })).not.toBeChecked();

      // control: the same captured request with the administrator's cookies ends the sessions
      const own = await replay(admin.request, endSessions);
      expect(own.status).toBeLessThan(400);
      await expect.poll(async () => (await theirs.request.get("/api/actions")).status(), SAVE).toBe(401);
      await theirs.close();
    });

    test("[SECURITY] staff replaying a manager's vocabulary relabel is refused; the label is unchanged", async ({
      page,
      pageAs,
    }) => {
      const manager = await pageAs("manager");
      await manager.goto("/settings/vocabularies?v=ACTION_TYPE");
      const save = manager.getByRole("button", { name: "Save the labels of Letter or appeal" });
      await waitForHydration(save);
      const row = manager.getByRole("listitem").filter({ has: save });
      const captured = await captureServerAction(manager, "/settings/vocabularies", async () => {
        await row.getByLabel("English label").fill("Hijacked label");
        await save.click();
      });
      const answer = await replay(page.request, captured);
      expect(answer.status).toBeLessThan(500);
      expect(answer.text).toContain("errors.forbidden");
      await manager.goto("/settings/vocabularies?v=ACTION_TYPE");
      await expect(manager.getByRole("button", { name: "Save the labels of Letter or appeal" })).toBeVisible();
      await page.goto("/actions/new");
      await expect(page.getByRole("option", { name: "Hijacked label" })).toHaveCount(0);
    });

    test("[SECURITY] staff calling manager-only and administrator-only things over HTTP: exports 403, audit trail and users 'not allowed', an unknown id the same", async ({
      page,
    }) => {
      for (const path of [
        "/api/exports/actions.csv",
        "/api/exports/outcomes.xlsx",
        "/api/exports/campaigns.csv",
        "/api/exports/organizations.xlsx",
        "/api/exports/audit.csv",
        `/api/exports/campaigns/${FAKE_ID}.pdf`,
      ]) {
        const res = await page.request.get(path);
        expect(res.status(), path).toBe(403);
        expect((await res.json()).error.message, path).toBe(FORBIDDEN_TEXT);
      }
      for (const path of ["/audit", "/admin/users", "/admin/users/new", "/audit/anchors"]) {
        await page.goto(path);
        await expect(page.getByText(FORBIDDEN_TEXT), path).toBeVisible();
      }
    });
  });
});
