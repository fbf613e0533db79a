// Runs before every request but static files (Next 16's successor to middleware.ts). It is NOT a
// security boundary for access control (lib/ checks every permission); it sets what must differ per
// request or per route: the Content-Security-Policy with a fresh nonce, `Cache-Control: no-store` on
// pages and API answers, and the asked-for path (x-request-path) so that a visitor sent to the sign-in
// page comes back to it afterwards (lib/session.ts → /login?callbackUrl=…; the login page follows
// same-site paths only). The fixed headers (nosniff, HSTS …) are in next.config.js.
import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, isCacheableAsset, newNonce } from "@/lib/security/headers";

export function proxy(request: NextRequest) {
  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === "development" });
  // Next reads the nonce for its own scripts from the request's CSP header; x-nonce is for our code.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  requestHeaders.set("x-request-path", `${request.nextUrl.pathname}${request.nextUrl.search}`);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  // Evidence files carry their own, stricter policy (a sandbox: nothing in a file may run).
  if (!request.nextUrl.pathname.startsWith("/api/attachments/")) response.headers.set("Content-Security-Policy", csp);
  if (!isCacheableAsset(request.nextUrl.pathname)) response.headers.set("Cache-Control", "no-store, max-age=0");
  return response;
}

export const config = {
  // Static chunks are content-hashed and hold no data; everything else, pages and API alike, passes here.
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico).*)" }],
};
