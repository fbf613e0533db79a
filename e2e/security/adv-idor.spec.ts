// IDOR: a staff member who is not a participant of a manager's RESTRICTED action and outcome tries
// every way in: the pages, a replayed server action, the JSON route handlers, exports, search,
// counts, the dashboard, a link to their own outcome, the evidence file. Out of scope must look
// exactly like "does not exist", and nothing may change.
import { expect, test, waitForHydration } from "../fixtures";
import { expectNoTrace, FAKE_ID, hiddenTraces, pageAndPayload, postOutcome, restrictedWorld, today } from "./adv-helpers";

const NOT_FOUND_TEXT = "The page or record does not exist, or you do not have access to it.";

test.describe("IDOR on a restricted record", () => {
  test.use({ role: "staff" });
  test.describe.configure({ timeout: 90_000 });

  test("[SECURITY] IDOR read: the detail, edit and history of a restricted action and outcome answer 404 like a record that does not exist", async ({
    page,
    pageAs,
  }) => {
    const manager = await pageAs("manager");
    const w = await restrictedWorld(manager);
    // control: the manager sees it
    await manager.goto(`/actions/${w.action.id}`);
    await expect(manager.getByRole("heading", { level: 1, name: `Restricted action ${w.token}` })).toBeVisible();

    for (const path of [
      `/actions/${w.action.id}`,
      `/actions/${w.action.id}/edit`,
      `/outcomes/${w.outcome.id}`,
      `/outcomes/${w.outcome.id}/edit`,
    ]) {
      const res = await page.goto(path);
      expect(res?.status(), path).toBe(404);
      await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
      await expect(page.getByText(NOT_FOUND_TEXT)).toBeVisible();
      const fake = await page.request.get(path.replace(/\/(actions|outcomes)\/[^/]+/, `/$1/${FAKE_ID}`));
      expect(fake.status(), `${path}: the same as an unknown id`).toBe(404);
      const seen = await pageAndPayload(page.request, path);
      expect(seen.text, `${path}: HTML and RSC payload`).not.toContain(w.token);
    }
  });

  test("[SECURITY] IDOR via route handlers: GET, PUT, DELETE of the action, outcome, link and evidence file answer 404 exactly as for an unknown id; nothing changes", async ({
    page,
    pageAs,
  }) => {
    const manager = await pageAs("manager");
    const w = await restrictedWorld(manager);
    const before = await (await manager.request.get(`/api/actions/${w.action.id}`)).json();

    const probes: { method: "GET" | "PUT" | "DELETE" | "POST"; path: (id: string) => string; id: string; data?: unknown }[] = [
      { method: "GET", path: (id) => `/api/actions/${id}`, id: w.action.id },
      {
        method: "PUT",
        path: (id) => `/api/actions/${id}`,
        id: w.action.id,
        data: { title: "Taken over", type: "LETTER_APPEAL", status: "SENT", date: today(), expectedVersion: before.version },
      },
      { method: "DELETE", path: (id) => `/api/actions/${id}`, id: w.action.id },
      { method: "GET", path: (id) => `/api/outcomes/${id}`, id: w.outcome.id },
      {
        method: "PUT",
        path: (id) => `/api/outcomes/${id}`,
        id: w.outcome.id,
        data: { title: "Taken over", type: "RESOLUTION_ADOPTED", verification: "REPORTED", date: today(), expectedVersion: 1 },
      },
      { method: "DELETE", path: (id) => `/api/outcomes/${id}`, id: w.outcome.id },
      {
        method: "PUT",
        path: (id) => `/api/links/${id}`,
        id: w.link.id,
        data: { contribution: "DECISIVE", evidenceNote: "Taken over" },
      },
      { method: "DELETE", path: (id) => `/api/links/${id}`, id: w.link.id },
      { method: "GET", path: (id) => `/api/attachments/${id}`, id: w.attachment.id },
      { method: "DELETE", path: (id) => `/api/attachments/${id}`, id: w.attachment.id },
      {
        method: "POST",
        path: () => "/api/links",
        id: w.action.id,
        data: { actionId: w.action.id, outcomeId: w.outcome.id, contribution: "DECISIVE" },
      },
    ];
    for (const p of probes) {
      const what = `${p.method} ${p.path(p.id)}`;
      const real = await page.request.fetch(p.path(p.id), { method: p.method, data: p.data });
      const body = await real.text();
      expect(real.status(), `${what}: ${body}`).toBe(404);
      expect(body, what).not.toContain(w.token);
      expect(JSON.parse(body).error, what).toMatchObject({
        code: "NOT_FOUND",
        message: "This record does not exist, or you do not have access to it.",
      });
      // the same answer, byte for byte, as for an id that does not exist
      const fakeData = p.method === "POST" ? { ...(p.data as object), actionId: FAKE_ID, outcomeId: FAKE_ID } : p.data;
      const fake = await page.request.fetch(p.path(FAKE_ID), { method: p.method, data: fakeData });
      expect({ status: fake.status(), body: await fake.text() }, `${what}: like an unknown id`).toEqual({ status: 404, body });
    }
    // an upload to the restricted action
    const upload = await page.request.post(
      `/api/attachments?recordType=action&recordId=${w.action.id}&fileName=x.pdf&sourceType=OFFICIAL_LETTER`,
      { data: Buffer.from("%PDF-1.4\n%%EOF\n"), headers: { "content-type": "application/pdf" } },
    );
    expect(upload.status()).toBe(404);

    // nothing changed: the manager still reads the same record, link and file
    const after = await (await manager.request.get(`/api/actions/${w.action.id}`)).json();
    expect(after).toEqual(before);
    expect((await manager.request.get(`/api/outcomes/${w.outcome.id}`)).status()).toBe(200);
    expect((await manager.request.get(`/api/attachments/${w.attachment.id}`)).status()).toBe(200);
  });

  test("[SECURITY] IDOR write by server action replay: the owner's captured edit, replayed with the staff member's cookies, is refused and changes nothing", async ({
    page,
    pageAs,
  }) => {
    const manager = await pageAs("manager");
    const w = await restrictedWorld(manager);
    const title = `Restricted action ${w.token}`;

    // the owner submits the edit form; the browser's server-action POST is captured and held back
    await manager.goto(`/actions/${w.action.id}/edit`);
    const save = manager.getByRole("button", { name: "Save changes" });
    await expect(save).toBeVisible();
    await waitForHydration(save);
    let captured: { url: string; headers: Record<string, string>; body: Buffer } | null = null;
    await manager.route(`**/actions/${w.action.id}/edit`, async (route) => {
      const req = route.request();
      if (req.method() === "POST" && req.headers()["next-action"]) {
        captured = { url: req.url(), headers: req.headers(), body: req.postDataBuffer() ?? Buffer.alloc(0) };
        await route.abort();
      } else await route.continue();
    });
    await manager.getByRole("textbox", { name: "Title", exact: true }).fill(`Replayed ${w.token}`);
    await save.click();
    await expect.poll(() => captured !== null, { message: "the edit form's server action was captured" }).toBe(true);
    const c = captured!;
    expect(c.headers["next-action"]).toMatch(/^[0-9a-f]{40,}$/);
    const headers = Object.fromEntries(
      Object.entries(c.headers).filter(([k]) => !["cookie", "content-length"].includes(k.toLowerCase())),
    );

    // the attacker replays it with their own session
    const replay = await page.request.post(c.url, { headers, data: c.body, maxRedirects: 0 });
    const answer = await replay.text();
    expect(replay.status(), answer.slice(0, 300)).toBeLessThan(500);
    expect(answer).toContain("errors.notFound");
    expect(answer).not.toContain(`/actions/${w.action.id}?saved=updated`);
    const afterReplay = await (await manager.request.get(`/api/actions/${w.action.id}`)).json();
    expect(afterReplay.title).toBe(title);

    // control: the very same request with the owner's cookies does what the form would have done
    const own = await manager.request.post(c.url, { headers, data: c.body, maxRedirects: 0 });
    expect(own.status()).toBeLessThan(400);
    const afterOwn = await (await manager.request.get(`/api/actions/${w.action.id}`)).json();
    expect(afterOwn.title).toBe(`Replayed ${w.token}`);
  });

  test("[SECURITY] IDOR via search, counts, the dashboard and exports: the restricted records add nothing the staff member can see", async ({
    page,
    pageAs,
  }) => {
    const manager = await pageAs("manager");
    const totals = async (p: typeof page) => ({
      actions: (await (await p.request.get("/api/actions")).json()).total as number,
      outcomes: (await (await p.request.get("/api/outcomes")).json()).total as number,
    });
    // the server-rendered text of the dashboard (the charts draw later in the browser, at their own pace)
    const dashboardText = async (p: typeof page) =>
      (await (await p.request.get("/dashboard")).text())
        .replace(/<script[\s\S]*?<\/script>/g, " ")
        .replace(/<[^>]+>/g, " ")
        .replace(/\s+/g, " ");
    const staffBefore = await totals(page);
    const managerBefore = await totals(manager);
    const staffDashboard = await dashboardText(page);
    const managerDashboard = await dashboardText(manager);

    const w = await restrictedWorld(manager);

    // counts: the manager's grow (control), the staff member's do not
    expect(await totals(manager)).toEqual({ actions: managerBefore.actions + 1, outcomes: managerBefore.outcomes + 1 });
    expect(await totals(page)).toEqual(staffBefore);
    expect(await dashboardText(manager)).not.toBe(managerDashboard);
    expect(await dashboardText(page)).toBe(staffDashboard);

    // search by every text the records hold
    for (const q of [w.token, `REF-${w.token}`, `Diplomatic note ${w.token}`, "Restricted action"]) {
      for (const list of ["actions", "outcomes"]) {
        const res = await page.request.get(`/api/${list}?q=${encodeURIComponent(q)}`);
        const text = await res.text();
        expect(text, `${list} q=${q}`).not.toContain(w.token);
      }
    }
    for (const path of [`/actions?q=${w.token}`, `/outcomes?q=${w.token}`, "/my-work", "/dashboard"]) {
      // the search box and the URL echo the searched canary: the records' own texts and ids must not appear
      expectNoTrace((await pageAndPayload(page.request, path)).text, hiddenTraces(w), path, w.token);
    }

    // exports: staff may not export at all (403 for a list, the same 403 for the restricted and an
    // unknown dossier: no existence oracle); a manager's CSV holds the record (control)
    for (const path of [
      "/api/exports/actions.csv",
      "/api/exports/actions.xlsx",
      "/api/exports/outcomes.csv",
      "/api/exports/outcomes.xlsx",
    ]) {
      const res = await page.request.get(`${path}?q=${w.token}`);
      expect(res.status(), path).toBe(403);
      expect(await res.text(), path).not.toContain(w.token);
    }
    const dossier = await page.request.get(`/api/exports/actions/${w.action.id}.pdf`);
    const fakeDossier = await page.request.get(`/api/exports/actions/${FAKE_ID}.pdf`);
    expect(dossier.status()).toBe(fakeDossier.status());
    expect(await dossier.text()).toBe(await fakeDossier.text());
    expect((await page.request.get(`/api/exports/outcomes/${w.outcome.id}.pdf`)).status()).toBe(fakeDossier.status());
    const csv = await manager.request.get(`/api/exports/actions.csv?q=${w.token}`);
    expect(csv.status()).toBe(200);
    expect(await csv.text()).toContain(w.token);
  });

  test("[SECURITY] IDOR through a link: the staff member's own outcome, linked by a manager to a restricted action, shows neither the action nor the link in its page, history or JSON", async ({
    page,
    pageAs,
  }) => {
    const manager = await pageAs("manager");
    const mine = await postOutcome(page.request, { title: `Staff outcome ${Date.now().toString(36)}` });
    const w = await restrictedWorld(manager, { staffOutcomeId: mine.id });
    // control: the manager sees the link on the staff member's outcome
    const managerView = await pageAndPayload(manager.request, `/outcomes/${mine.id}`);
    expect(managerView.text).toContain(w.token);

    const res = await page.goto(`/outcomes/${mine.id}`);
    expect(res?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    const seen = await pageAndPayload(page.request, `/outcomes/${mine.id}`);
    expect(seen.text).not.toContain(w.token);
    expect(seen.text).not.toContain(w.action.id);
    const json = await page.request.get(`/api/outcomes/${mine.id}`);
    expect(json.status()).toBe(200);
    const jsonText = await json.text();
    expect(jsonText).not.toContain(w.token);
    expect(jsonText).not.toContain(w.action.id);
  });
});
