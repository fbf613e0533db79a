import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import type { Role } from "@/generated/prisma/enums";
import { recordAudit } from "./audit";
import { db, type Tx } from "./db";
import { dummyPasswordHash, verifyPassword } from "./passwords";
import { ipFromHeader } from "./security/client-ip";
import { authConfig } from "./security/config";
import { randomToken } from "./security/crypto";
import { consumeRecoveryCode, verifyTotp } from "./security/mfa";
import { cookieOptions } from "./security/cookies";
import { createAuthSession, endSession } from "./security/sessions";
import { clearAccountFailures, lockAccount, recordFailure, retryAfterMs } from "./security/throttle";
import { normalizePassword } from "./users/schemas";

const ZPasswordStep = z.strictObject({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(1024).transform(normalizePassword),
});
const ZCodeStep = z.strictObject({
  challenge: z.string().min(20).max(100),
  code: z.string().trim().min(1).max(40),
});

/** A second step is valid this long after the right password. */
const CHALLENGE_MS = 5 * 60_000;

type SignedIn = { id: string; email: string; name: string; role: Role; sid: string; sv: number };
export type SignInResult =
  | { ok: true; user: SignedIn }
  | { ok: false; error: "invalid" }
  | { ok: false; error: "rate_limited"; retryAfterSeconds: number }
  | { ok: false; error: "code_required"; challenge: string };

type Meta = { ip?: string | null; userAgent?: string | null };

const limited = (ms: number) => ({ ok: false as const, error: "rate_limited" as const, retryAfterSeconds: Math.ceil(ms / 1000) });
const INVALID = { ok: false as const, error: "invalid" as const };

async function startSession(tx: Tx, user: Omit<SignedIn, "sid" | "sv">, meta: Meta, secondFactor: string | null): Promise<SignInResult> {
  const current = await tx.user.findUniqueOrThrow({ where: { id: user.id }, select: { sessionVersion: true } });
  const sid = await createAuthSession(tx, { userId: user.id, ip: meta.ip, userAgent: meta.userAgent });
  await clearAccountFailures(tx, user.email);
  await recordAudit(tx, {
    actor: { ...user, ip: meta.ip, userAgent: meta.userAgent },
    event: "auth.signin.succeeded",
    entity: "User",
    entityId: user.id,
    after: secondFactor ? { secondFactor } : null,
  });
  return { ok: true, user: { ...user, sid, sv: current.sessionVersion } };
}

/**
 * The first sign-in step: email and password. Unknown email and wrong password take the same path (a
 * hash is verified either way), count against the same limits and give the same answer. With a second
 * factor, a right password yields a short-lived challenge instead of a session.
 */
async function passwordStep(input: z.infer<typeof ZPasswordStep>, meta: Meta): Promise<SignInResult> {
  const { email, password } = input;
  const keys = { account: email, ip: meta.ip ?? null };
  return db.$transaction(async (tx) => {
    await lockAccount(tx, email);
    const wait = await retryAfterMs(tx, keys);
    if (wait > 0) {
      await recordAudit(tx, { actor: null, event: "auth.signin.throttled", entity: "User", after: { email, retryAfterSeconds: Math.ceil(wait / 1000) }, ip: meta.ip, userAgent: meta.userAgent });
      return limited(wait);
    }
    const user = await tx.user.findUnique({
      where: { email },
      select: { id: true, email: true, name: true, role: true, active: true, passwordHash: true, totpEnabledAt: true },
    });
    const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
    if (!user || !user.active || !ok) {
      await recordFailure(tx, keys);
      // the attempted email says who was targeted; the password is never recorded
      await recordAudit(tx, { actor: null, event: "auth.signin.failed", entity: "User", entityId: user?.id ?? null, after: { email }, ip: meta.ip, userAgent: meta.userAgent });
      return INVALID;
    }
    const who = { id: user.id, email: user.email, name: user.name, role: user.role };
    if (!user.totpEnabledAt) return startSession(tx, who, meta, null);
    const challenge = randomToken();
    await tx.authChallenge.create({ data: { id: challenge, userId: user.id, expiresAt: new Date(Date.now() + CHALLENGE_MS) } });
    return { ok: false, error: "code_required", challenge };
  });
}

/** The second step: a TOTP code or a recovery code for the challenge of the first. */
async function codeStep(input: z.infer<typeof ZCodeStep>, meta: Meta): Promise<SignInResult> {
  const found = await db.authChallenge.findUnique({
    where: { id: input.challenge },
    select: { userId: true, expiresAt: true, usedAt: true, user: { select: { email: true } } },
  });
  if (!found || found.usedAt || found.expiresAt < new Date()) return INVALID;
  const keys = { account: found.user.email, ip: meta.ip ?? null };
  return db.$transaction(async (tx) => {
    await lockAccount(tx, keys.account);
    const wait = await retryAfterMs(tx, keys);
    if (wait > 0) {
      await recordAudit(tx, { actor: null, event: "auth.signin.throttled", entity: "User", entityId: found.userId, after: { email: keys.account, retryAfterSeconds: Math.ceil(wait / 1000) }, ip: meta.ip, userAgent: meta.userAgent });
      return limited(wait);
    }
    const user = await tx.user.findUniqueOrThrow({
      where: { id: found.userId },
      select: { id: true, email: true, name: true, role: true, active: true, totpSecret: true, totpEnabledAt: true, totpLastStep: true },
    });
    // the challenge is used up only by the right code (a mistyped code may be corrected)
    const claimed = await tx.authChallenge.updateMany({ where: { id: input.challenge, usedAt: null }, data: { usedAt: new Date() } });
    let method: "totp" | "recovery_code" | null = null;
    if (claimed.count === 1 && user.active && user.totpEnabledAt && user.totpSecret) {
      const step = await verifyTotp(user.totpSecret, input.code, user.totpLastStep);
      if (step != null) {
        await tx.user.update({ where: { id: user.id }, data: { totpLastStep: step } });
        method = "totp";
      } else if (await consumeRecoveryCode(tx, user.id, input.code)) method = "recovery_code";
    }
    if (!method) {
      if (claimed.count === 1) await tx.authChallenge.update({ where: { id: input.challenge }, data: { usedAt: null } });
      await recordFailure(tx, keys);
      await recordAudit(tx, { actor: null, event: "auth.mfa.failed", entity: "User", entityId: user.id, after: { email: user.email }, ip: meta.ip, userAgent: meta.userAgent });
      return INVALID;
    }
    return startSession(tx, { id: user.id, email: user.email, name: user.name, role: user.role }, meta, method);
  });
}

/** One sign-in step (password, or code after a challenge). Every attempt is audited. */
export async function signInStep(raw: unknown, meta: Meta = {}): Promise<SignInResult> {
  const body = raw && typeof raw === "object" ? Object.fromEntries(Object.entries(raw).filter(([k, v]) => v !== undefined && v !== "" && k !== "csrfToken" && k !== "callbackUrl" && k !== "json" && k !== "redirect")) : raw;
  const code = ZCodeStep.safeParse(body);
  if (code.success) return codeStep(code.data, meta);
  const password = ZPasswordStep.safeParse(body);
  if (password.success) return passwordStep(password.data, meta);
  return INVALID;
}

const headerOf = (req: { headers?: unknown } | undefined, name: string): string | null => {
  const h = req?.headers as Record<string, string | string[] | undefined> | Headers | undefined;
  if (!h) return null;
  const v = typeof (h as Headers).get === "function" ? (h as Headers).get(name) : (h as Record<string, unknown>)[name];
  return Array.isArray(v) ? String(v[0]) : v ? String(v) : null;
};

/** Errors the sign-in form understands (next-auth passes the message to the client as `error`). */
export const SIGN_IN_ERRORS = { rateLimited: "RATE_LIMITED", codeRequired: "CODE_REQUIRED" } as const;

export const authOptions: NextAuthOptions = {
  // The token outlives neither the absolute timeout nor its session row (lib/session.ts checks both).
  session: { strategy: "jwt", maxAge: Math.ceil(authConfig.absoluteMs / 1000) },
  pages: { signIn: "/login", error: "/login" },
  ...cookieOptions(),
  providers: [
    CredentialsProvider({
      name: "Email",
      credentials: { email: { type: "email" }, password: { type: "password" }, challenge: { type: "text" }, code: { type: "text" } },
      authorize: async (credentials, req) => {
        const result = await signInStep(credentials, { ip: ipFromHeader(headerOf(req, "x-forwarded-for")), userAgent: headerOf(req, "user-agent") });
        if (result.ok) return result.user;
        if (result.error === "rate_limited") throw new Error(`${SIGN_IN_ERRORS.rateLimited}:${result.retryAfterSeconds}`);
        if (result.error === "code_required") throw new Error(`${SIGN_IN_ERRORS.codeRequired}:${result.challenge}`);
        return null;
      },
    }),
  ],
  callbacks: {
    // The token carries the user id, the session id and the session version; role and active state
    // are read from the database on every request (lib/session.ts).
    jwt: ({ token, user }) => {
      if (user) {
        const u = user as unknown as SignedIn;
        token.sub = u.id;
        token.sid = u.sid;
        token.sv = u.sv;
      }
      return token;
    },
    session: ({ session, token }) => ({ ...session, userId: token.sub, sid: token.sid, sv: token.sv }),
    // Only same-origin callback URLs: anything else goes to the start page.
    redirect: ({ url, baseUrl }) => safeRedirect(url, baseUrl),
  },
  events: {
    // Sign-out ends the session row too, so a copy of the token is worthless afterwards.
    signOut: async ({ token }) => {
      const sid = typeof token?.sid === "string" ? token.sid : null;
      const userId = typeof token?.sub === "string" ? token.sub : null;
      if (!sid || !userId) return;
      await db.$transaction(async (tx) => {
        if (!(await endSession(tx, sid, "signout"))) return;
        const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, email: true, name: true, role: true } });
        if (user) await recordAudit(tx, { actor: user, event: "auth.signout", entity: "User", entityId: user.id });
      });
    },
  },
  secret: process.env.NEXTAUTH_SECRET,
};

/** `url` when it stays on this site (a path or the same origin), else the site's root. */
export function safeRedirect(url: string, baseUrl: string): string {
  if (url.startsWith("/") && !url.startsWith("//") && !url.startsWith("/\\")) return `${baseUrl}${url}`;
  try {
    if (new URL(url).origin === new URL(baseUrl).origin) return url;
  } catch {}
  return baseUrl;
}
