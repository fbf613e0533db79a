import type { NextAuthOptions } from "next-auth";

// Cookie names and flags. Served over HTTPS (NEXTAUTH_URL https://…, or AUTH_SECURE_COOKIES=true),
// the session and CSRF cookies are `__Host-` (Secure, Path=/, no Domain: only this exact host gets them)
// and the callback URL cookie `__Secure-`; all HttpOnly and SameSite=Lax except the CSRF cookie's
// HttpOnly, which next-auth needs as is. Over plain http (development, the end-to-end tests) a browser
// refuses Secure cookies, so the names are plain.
export function secureCookies(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.AUTH_SECURE_COOKIES === "true") return true;
  if (env.AUTH_SECURE_COOKIES === "false") return false;
  return (env.NEXTAUTH_URL ?? "").startsWith("https://");
}

export function cookieOptions(env: NodeJS.ProcessEnv = process.env): Pick<NextAuthOptions, "cookies" | "useSecureCookies"> {
  const secure = secureCookies(env);
  const host = secure ? "__Host-" : "";
  const base = { httpOnly: true, sameSite: "lax" as const, path: "/", secure };
  return {
    useSecureCookies: secure,
    cookies: {
      sessionToken: { name: `${host}advocacy.session-token`, options: base },
      csrfToken: { name: `${host}advocacy.csrf-token`, options: base },
      callbackUrl: { name: `${secure ? "__Secure-" : ""}advocacy.callback-url`, options: base },
      state: { name: `${secure ? "__Secure-" : ""}advocacy.state`, options: { ...base, maxAge: 900 } },
      pkceCodeVerifier: { name: `${secure ? "__Secure-" : ""}advocacy.pkce.code_verifier`, options: { ...base, maxAge: 900 } },
      nonce: { name: `${secure ? "__Secure-" : ""}advocacy.nonce`, options: base },
    },
  };
}
