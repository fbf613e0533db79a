// Over-fetching: canary strings sit in records a staff member may not see (a restricted action,
// outcome, link note and evidence file; a restricted file on a record they can see) and in fields no
// page should ever carry (password hashes, TOTP secrets, storage keys, session versions). As that
// staff member, every page's HTML and its RSC payload (`RSC: 1`) and every JSON route is fetched
// and searched: none of them may contain a canary.
import { expect, SEED, test } from "../fixtures";
import {
  expectNoTrace,
  hiddenTraces,
  pageAndPayload,
  postAction,
  postAttachment,
  postOutcome,
  restrictedWorld,
} from "./adv-helpers";

/** What must never reach a browser, whatever the record. */
const SECRETS: [string, RegExp][] = [
  ["a password hash", /\$argon2(id|i|d)\$|\$2[aby]\$\d\d\$/],
  ["a password hash field", /passwordHash/],
  ["a TOTP secret field", /totpSecret|totp_secret/],
  ["a recovery code hash", /codeHash|recoveryCodes?Hash/],
  ["an evidence file's storage key", /storageKey/],
  ["a session version", /sessionVersion/],
  ["the auth secret", /NEXTAUTH_SECRET|e2e-only-secret/],
];

test.describe("over-fetching", () => {
  test.use({ role: "staff" });
  test.describe.configure({ timeout: 180_000 });

  test("[SECURITY] as staff, no page's HTML or RSC payload and no JSON route holds a restricted canary or a secret field", async ({
    page,
    pageAs,
  }) => {
    const manager = await pageAs("manager");
    // the staff member's own outcome and a visible action of the manager's, both tied to hidden things
    const mine = await postOutcome(page.request, { title: `Overfetch own outcome ${Date.now().toString(36)}` });
    const w = await restrictedWorld(manager, { staffOutcomeId: mine.id });
    const visible = await postAction(manager.request, {
      title: `Overfetch visible action ${Date.now().toString(36)}`,
      participantIds: [],
    });
    await postAttachment(manager.request, {
      recordType: "action",
      recordId: visible.id,
      fileName: `Annex ${w.token}.pdf`,
      confidentiality: "RESTRICTED",
    });
    // control: the manager's view of the visible action does show the restricted file
    expect((await pageAndPayload(manager.request, `/actions/${visible.id}`)).text).toContain(w.token);

    // the ids of a seeded campaign and organization, from the staff member's own lists
    const idFrom = async (path: string, area: string) => {
      const html = await (await page.request.get(path)).text();
      const m = html.match(new RegExp(`href="/${area}/([a-z0-9]{20,})"`));
      expect(m, `an id on ${path}`).toBeTruthy();
      return m![1];
    };
    const campaignId = await idFrom(`/campaigns?q=${encodeURIComponent(SEED.campaign)}`, "campaigns");
    const orgId = await idFrom(`/organizations?q=${encodeURIComponent("Global Alliance")}`, "organizations");
    const seedRestricted = await page.request.get(`/api/actions?q=${encodeURIComponent("Confidential briefing to the UN SPT")}`);
    expect((await seedRestricted.json()).total, "the seeded restricted action of another staff member").toBe(0);

    const pages = [
      "/",
      "/dashboard",
      "/dashboard?period=lastYear",
      "/my-work",
      "/actions",
      "/actions?size=100",
      `/actions?q=${w.token}`,
      "/outcomes",
      "/outcomes?size=100",
      `/outcomes?q=${w.token}`,
      "/campaigns",
      `/campaigns/${campaignId}`,
      "/organizations",
      `/organizations/${orgId}`,
      `/actions/${visible.id}`,
      `/outcomes/${mine.id}`,
      `/outcomes/${mine.id}/edit`,
      "/actions/new",
      "/outcomes/new",
      "/account",
      "/settings/vocabularies",
      `/actions/${w.action.id}`,
      `/outcomes/${w.outcome.id}`,
    ];
    const json = [
      "/api/actions",
      "/api/actions?size=100",
      `/api/actions?q=${w.token}`,
      "/api/outcomes",
      "/api/outcomes?size=100",
      `/api/outcomes?q=${w.token}`,
      `/api/actions/${visible.id}`,
      `/api/outcomes/${mine.id}`,
      `/api/actions/${w.action.id}`,
      `/api/outcomes/${w.outcome.id}`,
      `/api/attachments/${w.attachment.id}`,
      "/api/auth/session",
      "/api/health",
    ];
    let bytes = 0;
    const check = (what: string, text: string) => {
      bytes += text.length;
      // a search for the canary echoes it (search box, URL): there, the records' own texts and ids count
      expectNoTrace(text, hiddenTraces(w, [`Annex ${w.token}.pdf`]), what, w.token);
      for (const [name, pattern] of SECRETS) expect(text, `${what}: ${name}`).not.toMatch(pattern);
    };
    for (const path of pages) {
      const seen = await pageAndPayload(page.request, path);
      expect(seen.status, path).toBeLessThan(500);
      check(path, seen.text);
    }
    for (const path of json) {
      const res = await page.request.get(path);
      expect(res.status(), path).toBeLessThan(500);
      check(path, await res.text());
    }
    test.info().annotations.push({
      type: "size",
      description: `${pages.length} pages (HTML + RSC) and ${json.length} JSON routes, ${Math.round(bytes / 1024)} KiB searched`,
    });
  });

  test("[SECURITY] as an auditor and an administrator, secret fields never reach a page either", async ({ pageAs }) => {
    for (const role of ["auditor", "admin"] as const) {
      const p = await pageAs(role);
      const paths =
        role === "admin"
          ? ["/admin/users", "/admin/users/new", "/account", "/"]
          : ["/audit", "/audit/anchors", "/dashboard", "/actions?size=100", "/account"];
      for (const path of paths) {
        const seen = await pageAndPayload(p.request, path);
        expect(seen.status, `${role} ${path}`).toBeLessThan(500);
        for (const [name, pattern] of SECRETS) expect(seen.text, `${role} ${path}: ${name}`).not.toMatch(pattern);
      }
    }
  });
});
