import { describe, expect, it } from "vitest";
import { checkOrigin } from "./origin";

const h = (entries: Record<string, string>) => new Headers(entries);
const URL_ = "http://127.0.0.1:3000/api/actions";
const PUBLIC = "https://tracker.example.org";

describe("checkOrigin", () => {
  it("lets safe methods through whatever their origin", () => {
    expect(checkOrigin("GET", h({ origin: "https://evil.example", "sec-fetch-site": "cross-site" }), URL_, PUBLIC)).toEqual({
      ok: true,
    });
  });

  it("accepts a POST from the app's own origin (the Host it was sent to, or the public URL)", () => {
    expect(
      checkOrigin(
        "POST",
        h({ host: "127.0.0.1:3000", origin: "http://127.0.0.1:3000", "sec-fetch-site": "same-origin" }),
        URL_,
        PUBLIC,
      ).ok,
    ).toBe(true);
    expect(checkOrigin("PUT", h({ host: "10.0.0.5:3000", origin: "https://tracker.example.org" }), URL_, PUBLIC).ok).toBe(true);
  });

  it("refuses a foreign, a null and a look-alike origin", () => {
    for (const origin of [
      "https://evil.example",
      "http://127.0.0.1:3001",
      "https://tracker.example.org.evil.example",
      "http://tracker.example.org",
    ])
      expect(checkOrigin("POST", h({ host: "127.0.0.1:3000", origin }), URL_, PUBLIC)).toEqual({
        ok: false,
        reason: "foreign-origin",
      });
    expect(checkOrigin("DELETE", h({ host: "127.0.0.1:3000", origin: "null" }), URL_, PUBLIC)).toEqual({
      ok: false,
      reason: "null-origin",
    });
  });

  it("refuses a cross-site or same-site fetch even without an Origin header", () => {
    for (const site of ["cross-site", "same-site"])
      expect(checkOrigin("PATCH", h({ host: "127.0.0.1:3000", "sec-fetch-site": site }), URL_, PUBLIC)).toEqual({
        ok: false,
        reason: "cross-site-fetch",
      });
  });

  it("lets a non-browser client (no Origin, no Sec-Fetch-Site) through to the session checks", () => {
    expect(checkOrigin("POST", h({ host: "127.0.0.1:3000" }), URL_, PUBLIC).ok).toBe(true);
  });
});
