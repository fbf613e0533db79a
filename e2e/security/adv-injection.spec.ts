// SQL and ORM-operator injection beyond hard-input.spec.ts (which covers /api/actions): the same
// probes on /api/outcomes, forged keyset cursors, pg_sleep in every param (no slowdown), the list
// pages of every area with hostile params (they fall back to the defaults), and page-size abuse on
// every list. Each row is one probe; what the attacker sees is a 400 that names the parameter, or
// the default page, and never more rows or a slower answer.
import { expect, test } from "../fixtures";
import { postAction, restrictedWorld } from "./adv-helpers";

const cursor = (value: unknown) => Buffer.from(JSON.stringify(value), "utf8").toString("base64url");

test.describe("injection and page-size abuse", () => {
  test.use({ role: "staff" });
  test.describe.configure({ timeout: 120_000 });

  test("[SECURITY] injection through sort, filter and search params of /api/outcomes is refused with 400 and no data", async ({
    page,
  }) => {
    const cases: [string, RegExp][] = [
      ['sort=title;DROP TABLE "Outcome";--', /"sort" is not valid here/],
      ["sort=(CASE WHEN 1=1 THEN title ELSE date END)", /"sort" is not valid/],
      ["dir=desc;SELECT pg_sleep(3)", /"dir" is not valid here/],
      ["sort[$ne]=x", /bracket or operator form/],
      ["verification[in][]=FINAL", /bracket or operator form/],
      ["q[mode]=insensitive", /bracket or operator form/],
      ["constructor.prototype=x", /bracket or operator form/],
      ["createdById=x", /Unknown parameter "createdById"/],
      ["confidentiality=RESTRICTED", /Unknown parameter "confidentiality"/],
      ["deletedAt=", /Unknown parameter "deletedAt"/],
      ["q=a&q=b", /"q" is given more than once/],
    ];
    // __proto__ as a name never reaches the handler's check (the query is parsed without it): ignored, the plain list
    const proto = await page.request.get("/api/outcomes?__proto__=x&size=10");
    expect(proto.status()).toBe(200);
    expect((await proto.json()).rows.map((r: { id: string }) => r.id)).toEqual(
      (await (await page.request.get("/api/outcomes?size=10")).json()).rows.map((r: { id: string }) => r.id),
    );
    for (const [query, message] of cases) {
      const started = Date.now();
      const res = await page.request.get(`/api/outcomes?${query}`);
      const ms = Date.now() - started;
      const body = await res.json();
      expect(res.status(), query).toBe(400);
      expect(body.error.code, query).toBe("BAD_REQUEST");
      expect(body.error.message, query).toMatch(message);
      expect(Object.keys(body), query).toEqual(["error"]);
      expect(ms, `${query}: answered in ${ms} ms`).toBeLessThan(2_500);
    }
  });

  test("[SECURITY] pg_sleep and boolean tricks in search, filters and dates change nothing and cost no time", async ({
    page,
  }) => {
    const time = async (path: string) => {
      const started = Date.now();
      const res = await page.request.get(path);
      return { ms: Date.now() - started, status: res.status(), body: await res.json() };
    };
    // a baseline: the median of five plain requests
    const base: number[] = [];
    for (let i = 0; i < 5; i++) base.push((await time("/api/actions?q=letter")).ms);
    const median = base.sort((a, b) => a - b)[2];
    const probes = [
      "q=" + encodeURIComponent("x' || pg_sleep(3) || '"),
      "q=" + encodeURIComponent("'; SELECT pg_sleep(3); --"),
      "q=" + encodeURIComponent("%') OR 1=1 --"),
      "type=" + encodeURIComponent("LETTER_APPEAL' OR '1'='1"),
      "status=" + encodeURIComponent("x'; SELECT pg_sleep(3)--"),
      "org=" + encodeURIComponent("' OR 1=1 --"),
      "from=" + encodeURIComponent("2020-01-01' OR pg_sleep(3) IS NULL --"),
      "to=" + encodeURIComponent("2099-01-01); SELECT pg_sleep(3);--"),
      "page=" + encodeURIComponent("1; SELECT pg_sleep(3)"),
      "q=" + encodeURIComponent("ab%_ ".repeat(40).trim()), // 40 words of wildcards, at the 200-character limit
    ];
    for (const list of ["actions", "outcomes"]) {
      for (const probe of probes) {
        const r = await time(`/api/${list}?${probe}`);
        // a value, never SQL: 200 (a search that finds nothing, a filter value that matches nothing or is
        // ignored) or 400 for a parameter the list does not have (outcomes have no "status")
        expect([200, 400], `${list} ${probe}: ${JSON.stringify(r.body).slice(0, 200)}`).toContain(r.status);
        if (r.status === 400) expect(r.body.error.message, `${list} ${probe}`).toMatch(/Unknown parameter/);
        if (probe.startsWith("q=")) expect(r.body.total, `${list} ${probe}`).toBe(0);
        expect(r.ms, `${list} ${probe}: ${r.ms} ms (baseline ${median} ms)`).toBeLessThan(median + 2_000);
        test.info().annotations.push({
          type: "timing",
          description: `/api/${list}?${decodeURIComponent(probe)}: ${r.ms} ms (baseline ${median} ms)`,
        });
      }
    }
  });

  test("[SECURITY] forged keyset cursors (operator objects, another order, a restricted record's position) give the first page, never hidden rows", async ({
    page,
    pageAs,
  }) => {
    const manager = await pageAs("manager");
    const w = await restrictedWorld(manager);
    await postAction(page.request, { title: `Cursor probe ${w.token.toLowerCase()}` });
    const first = await (await page.request.get("/api/actions?size=10")).json();
    const forged = [
      cursor(["date", "desc", { gt: "2000-01-01" }, { not: "" }]),
      cursor(["date", "desc", "d:2099-01-01T00:00:00.000Z", { in: [w.action.id] }]),
      cursor(["title", "asc", "a", "x"]), // another order
      cursor({ sort: "date", dir: "desc", id: { not: null } }),
      cursor(["date", "desc", "d:not-a-date", "x"]),
      cursor(["date", "desc", "not a date", "x"]), // a text for a date column: was a 500 before the fix
      cursor(["date", "desc", 12, "x"]),
      "%%%not-base64%%%",
      "A".repeat(1001),
    ];
    for (const c of forged) {
      for (const param of ["after", "before"]) {
        const res = await page.request.get(`/api/actions?size=10&${param}=${encodeURIComponent(c)}`);
        expect(res.status(), `${param}=${c.slice(0, 40)}`).toBe(200);
        const body = await res.json();
        expect(
          body.rows.map((r: { id: string }) => r.id),
          `${param}=${c.slice(0, 40)}: the first page`,
        ).toEqual(first.rows.map((r: { id: string }) => r.id));
      }
    }
    // a well-formed cursor positioned on the restricted record: the page after it holds no hidden row
    const atHidden = cursor(["date", "desc", `d:${new Date().toISOString().slice(0, 10)}T00:00:00.000Z`, w.action.id]);
    const res = await page.request.get(`/api/actions?size=100&after=${atHidden}`);
    expect(res.status()).toBe(200);
    expect(await res.text()).not.toContain(w.token);
  });

  test("[SECURITY] page-size abuse on every list, API and page: at most 100 rows", async ({ page }) => {
    for (const list of ["actions", "outcomes"]) {
      for (const size of ["1000000", "1e9", "9999999999999999999999", "-1", "0", "abc", "100.5"]) {
        const res = await page.request.get(`/api/${list}?size=${size}`);
        expect(res.status(), `${list} size=${size}`).toBe(200);
        const body = await res.json();
        expect(body.size, `${list} size=${size}`).toBeLessThanOrEqual(100);
        expect(body.rows.length, `${list} size=${size}`).toBeLessThanOrEqual(100);
      }
      const deep = await page.request.get(`/api/${list}?page=1000000&size=100`);
      expect(deep.status(), `${list} page=1000000`).toBe(200);
      expect((await deep.json()).rows).toEqual([]);
    }
    for (const path of ["/actions", "/outcomes", "/campaigns", "/organizations"]) {
      const res = await page.goto(
        `${path}?size=1000000&sort=${encodeURIComponent("title;DROP TABLE x")}&dir=sideways&page=-3&q[$ne]=1`,
      );
      expect(res?.status(), path).toBe(200);
      await expect(page.getByRole("table"), path).toBeVisible();
      expect(await page.getByRole("table").locator("tbody tr").count(), path).toBeLessThanOrEqual(100);
    }
  });
});
