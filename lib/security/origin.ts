// Cross-site request forgery: a state-changing request must come from one of the app's own pages.
// Browsers send `Origin` on every POST/PUT/PATCH/DELETE and `Sec-Fetch-Site` on every request; a page
// on another site cannot forge either. A request with neither is not from a browser (curl, a script
// with its own credentials) and cannot ride on a victim's cookies, so it passes to the usual checks.
// Pure functions: lib/http.ts applies them to every route handler.

export const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export type OriginVerdict = { ok: true } | { ok: false; reason: "foreign-origin" | "null-origin" | "cross-site-fetch" };

type HeaderSource = { get(name: string): string | null };

/** The origins the app answers on: NEXTAUTH_URL's, and the Host the request was sent to. */
export function allowedOrigins(headers: HeaderSource, requestUrl: string, publicUrl = process.env.NEXTAUTH_URL): Set<string> {
  const origins = new Set<string>();
  if (publicUrl) {
    try {
      origins.add(new URL(publicUrl).origin);
    } catch {}
  }
  const url = new URL(requestUrl);
  const host = headers.get("host");
  origins.add(host ? `${url.protocol}//${host}` : url.origin);
  return origins;
}

export function checkOrigin(method: string, headers: HeaderSource, requestUrl: string, publicUrl?: string): OriginVerdict {
  if (SAFE_METHODS.has(method.toUpperCase())) return { ok: true };
  const site = headers.get("sec-fetch-site");
  // "none": typed by the user (a bookmark); "same-origin": our own page. "same-site" is a sibling
  // subdomain, which may be someone else's app: refused too.
  if (site && site !== "same-origin" && site !== "none") return { ok: false, reason: "cross-site-fetch" };
  const origin = headers.get("origin");
  if (origin == null) return { ok: true };
  if (origin === "null") return { ok: false, reason: "null-origin" };
  return allowedOrigins(headers, requestUrl, publicUrl ?? process.env.NEXTAUTH_URL).has(origin)
    ? { ok: true }
    : { ok: false, reason: "foreign-origin" };
}
