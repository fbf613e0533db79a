import { NextResponse, type NextRequest } from "next/server";

// Not a security boundary (every page and lib/ function checks the session itself). It only tells the
// server-rendered pages which path was asked for, so that a visitor sent to the sign-in page comes back
// to it afterwards (lib/session.ts → /login?callbackUrl=…; the login page follows same-site paths only).
export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set("x-request-path", `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return NextResponse.next({ request: { headers } });
}

export const config = { matcher: ["/((?!api/|_next/|favicon|login|enrol).*)"] };
