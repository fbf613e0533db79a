// Unit tests: cookie names and flags over https (production) and http (development, tests).
import { describe, expect, it } from "vitest";
import { safeRedirect } from "@/lib/auth";
import { cookieOptions } from "./cookies";

describe("[AUTH] cookies", () => {
  it("over https: __Host- session and CSRF cookies, __Secure- others; Secure, HttpOnly, SameSite=Lax", () => {
    const { cookies, useSecureCookies } = cookieOptions({ NEXTAUTH_URL: "https://tracker.example.org" } as unknown as NodeJS.ProcessEnv);
    expect(useSecureCookies).toBe(true);
    expect(cookies?.sessionToken).toEqual({ name: "__Host-advocacy.session-token", options: { httpOnly: true, sameSite: "lax", path: "/", secure: true } });
    expect(cookies?.csrfToken?.name).toBe("__Host-advocacy.csrf-token");
    expect(cookies?.callbackUrl?.name).toBe("__Secure-advocacy.callback-url");
    for (const c of Object.values(cookies ?? {})) expect(c.options).toMatchObject({ secure: true, httpOnly: true, sameSite: "lax" });
  });

  it("over http (development, end-to-end tests): plain names, not Secure (a browser would drop them)", () => {
    const { cookies, useSecureCookies } = cookieOptions({ NEXTAUTH_URL: "http://127.0.0.1:3100" } as unknown as NodeJS.ProcessEnv);
    expect(useSecureCookies).toBe(false);
    expect(cookies?.sessionToken?.name).toBe("advocacy.session-token");
    expect(cookies?.sessionToken?.options).toMatchObject({ secure: false, httpOnly: true, sameSite: "lax" });
    expect(cookieOptions({ NEXTAUTH_URL: "http://x", AUTH_SECURE_COOKIES: "true" } as unknown as NodeJS.ProcessEnv).useSecureCookies).toBe(true);
  });
});

describe("[AUTH] callback URLs", () => {
  const base = "https://tracker.example.org";
  it.each([
    ["/outcomes?q=1", `${base}/outcomes?q=1`],
    [`${base}/actions`, `${base}/actions`],
    ["https://evil.example/x", base],
    ["//evil.example/x", base],
    ["/\\evil.example", base],
    ["https://tracker.example.org.evil.example/", base],
    ["javascript:alert(1)", base],
  ])("%s → %s", (url, expected) => {
    expect(safeRedirect(url, base)).toBe(expected);
  });
});
