// Input abuse against the JSON API and the list pages, as an attacker would try it: SQL and
// ORM-operator injection through sort, filter and search, oversized and malformed bodies,
// page-size abuse, mass assignment; and what comes back never shows SQL, a stack or the
// environment. Each case asserts what the client observes.
import type { APIResponse } from "@playwright/test";
import { expect, SEED, test, uniqueTitle } from "../fixtures";

/** Nothing in an answer may look like SQL, an ORM message, a stack trace or configuration. */
const LEAKS = [
  /syntax error at or near|relation "\w+" does not exist|invalid input syntax|violates \w+ constraint/i, // PostgreSQL
  /PrismaClient\w*|Invalid `\w+\.\w+\(\)` invocation|\bP20\d\d\b/, // Prisma
  /\bat [\w.<>]+ \((?:file:\/\/)?\/[^)]+:\d+:\d+\)/, // a stack frame
  /node_modules\//,
  /DATABASE_URL|NEXTAUTH_SECRET|APP_DB_PASSWORD|postgres(ql)?:\/\//i,
  /\/work\/|\/home\/|\/srv\//,
];
async function expectNoLeak(res: APIResponse, what: string) {
  const text = await res.text();
  for (const pattern of LEAKS) expect(text, `${what}: ${pattern}`).not.toMatch(pattern);
}

const VALID = { type: "LETTER_APPEAL", status: "SENT", date: "2025-02-03" };

test.describe("input abuse", () => {
  test.use({ role: "staff" });

  test("[SECURITY] injection through sort, filter and search params is refused with 400 and no data", async ({ page }) => {
    const cases: [string, RegExp][] = [
      ['sort=title;DROP TABLE "Action";--', /The parameter "sort" is not valid here\. Sort by one of: date, title/],
      ["sort=(SELECT 1)", /"sort" is not valid/],
      ["dir=asc,(select pg_sleep(5))", /"dir" is not valid here\. Use asc or desc/],
      ["sort[$ne]=x", /"sort\[\$ne\]" uses a bracket or operator form/],
      ["q[contains]=a", /"q\[contains\]" uses a bracket or operator form/],
      ["status[not]=DRAFT", /bracket or operator form/],
      ["createdById=someone", /Unknown parameter "createdById"/],
      ["sort=date&sort=title", /"sort" is given more than once/],
    ];
    for (const [query, message] of cases) {
      const started = Date.now();
      const res = await page.request.get(`/api/actions?${query}`);
      const ms = Date.now() - started;
      expect(res.status(), query).toBe(400);
      const body = await res.json();
      expect(body.error.code, query).toBe("BAD_REQUEST");
      expect(body.error.message, query).toMatch(message);
      expect(Object.keys(body), query).toEqual(["error"]); // no rows, no total
      await expectNoLeak(res, query);
      test.info().annotations.push({ type: "timing", description: `GET /api/actions?${query}: ${res.status()} in ${ms} ms` });
    }
    // the same params on the list page fall back to the defaults (a stale link still opens)
    const pageRes = await page.goto(`/actions?sort=${encodeURIComponent('title;DROP TABLE "Action"')}&size=100000`);
    expect(pageRes?.status()).toBe(200);
    await expect(page.getByRole("table")).toBeVisible();
  });

  test("[SECURITY] SQL in the search box is just text: it finds nothing and the table is intact", async ({ page }) => {
    for (const q of ["%' OR '1'='1", "' OR 1=1 --", '\'; DROP TABLE "Action"; --', '\\\' UNION SELECT * FROM "User" --']) {
      const started = Date.now();
      const res = await page.request.get(`/api/actions?q=${encodeURIComponent(q)}`);
      test.info().annotations.push({ type: "timing", description: `q=${q}: ${Date.now() - started} ms` });
      expect(res.status(), q).toBe(200);
      expect((await res.json()).total, q).toBe(0);
    }
    const seed = await page.request.get(`/api/actions?q=${encodeURIComponent("GANHRI")}`);
    expect((await seed.json()).rows.map((r: { title: string }) => r.title)).toContain(SEED.scaAction);
  });

  test("[SECURITY] a page size of a million reads at most 100 rows", async ({ page }) => {
    for (const size of ["1000000", "1e9", "101"]) {
      const res = await page.request.get(`/api/actions?size=${size}`);
      expect(res.status(), size).toBe(200);
      const body = await res.json();
      expect(body.size, size).toBe(100);
      expect(body.rows.length, size).toBeLessThanOrEqual(100);
    }
    expect((await (await page.request.get("/api/actions?size=-5")).json()).size).toBe(25);
  });

  test("[SECURITY] malformed, mistyped and oversized bodies are refused with a clear message", async ({ page }) => {
    const post = (data: string | Buffer, contentType = "application/json") =>
      page.request.post("/api/actions", { data, headers: { "content-type": contentType } });
    const expectRefused = async (res: APIResponse, status: number, message: RegExp, what: string) => {
      expect(res.status(), what).toBe(status);
      expect((await res.json()).error.message, what).toMatch(message);
      await expectNoLeak(res, what);
    };
    await expectRefused(await post('{"title": "unterminated'), 400, /not valid JSON/, "malformed JSON");
    await expectRefused(await post("[1,2,3]"), 400, /Send a JSON object/, "an array");
    await expectRefused(await post("null"), 400, /Send a JSON object/, "null");
    await expectRefused(await post("title=x&type=y", "application/x-www-form-urlencoded"), 400, /not valid JSON/, "a form post");
    await expectRefused(await post(JSON.stringify({ title: "x" }), "text/plain"), 400, /not valid JSON/, "text/plain");
    const huge = JSON.stringify({ ...VALID, title: "x", summary: "я".repeat(700_000) }); // ~1.4 MB
    await expectRefused(await post(huge), 413, /larger than 1024 KiB/, "1.4 MB body");
    await expectRefused(
      await post(JSON.stringify({ ...VALID, title: "NUL\u0000byte" })),
      422,
      /Some fields need attention/,
      "a NUL byte",
    );
    const deep = "[".repeat(100_000) + "]".repeat(100_000);
    await expectRefused(await post(deep), 400, /Send a JSON object|not valid JSON/, "deeply nested JSON");
  });

  test("[SECURITY] ORM operators and mass-assigned fields in a body are refused; nothing is created", async ({ page }) => {
    const title = uniqueTitle("Mass assignment");
    const attempts: Record<string, unknown>[] = [
      { ...VALID, title: { contains: "" } },
      { ...VALID, title, status: { not: "DRAFT" } },
      { ...VALID, title, createdById: "someone-else" },
      { ...VALID, title, version: 99 },
      { ...VALID, title, createdAt: "2001-01-01T00:00:00Z" },
      { ...VALID, title, updatedAt: "2001-01-01T00:00:00Z" },
      { ...VALID, title, deletedAt: null },
      { ...VALID, title, role: "ADMIN" },
      { ...VALID, title, id: "chosen-id" },
    ];
    for (const data of attempts) {
      const res = await page.request.post("/api/actions", { data });
      const what = JSON.stringify(data).slice(0, 80);
      expect(res.status(), what).toBe(422);
      const { error } = await res.json();
      expect(error.code, what).toBe("VALIDATION");
      expect(error.message, what).toContain("Some fields need attention");
      await expectNoLeak(res, what);
    }
    expect((await (await page.request.get(`/api/actions?q=${encodeURIComponent(title)}`)).json()).total).toBe(0);
  });

  test("[SECURITY] error answers and error pages show no SQL, stack or configuration", async ({ page }) => {
    const probes = [
      "/api/actions/' OR 1=1 --",
      "/api/actions/%00",
      "/api/outcomes/..%2F..%2Fetc%2Fpasswd",
      "/api/exports/actions/x'.pdf",
      "/api/exports/actions.csv?sort[$gt]=",
    ];
    for (const path of probes) {
      const res = await page.request.get(path);
      expect(res.status(), path).toBeGreaterThanOrEqual(400);
      expect(res.status(), path).toBeLessThan(500);
      await expectNoLeak(res, path);
    }
    for (const path of ["/actions/' OR 1=1 --", "/outcomes/%27%3B%20DROP", "/campaigns/x?sort[$ne]=1"]) {
      const res = await page.goto(path);
      expect(res?.status(), path).toBe(404);
      const html = await page.content();
      for (const pattern of LEAKS) expect(html, `${path}: ${pattern}`).not.toMatch(pattern);
    }
  });
});
