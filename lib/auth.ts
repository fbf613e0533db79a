import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { recordAudit } from "./audit";
import { db } from "./db";
import { dummyPasswordHash, verifyPassword } from "./passwords";

const ZCredentials = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(1024),
});

const headerOf = (req: { headers?: unknown } | undefined, name: string): string | null => {
  const h = req?.headers as Record<string, string | string[] | undefined> | Headers | undefined;
  if (!h) return null;
  const v = typeof (h as Headers).get === "function" ? (h as Headers).get(name) : (h as Record<string, unknown>)[name];
  return Array.isArray(v) ? String(v[0]) : v ? String(v) : null;
};

/**
 * Checks an email and password. Unknown email and wrong password take the same path (a hash is
 * verified either way) and give the same answer; both are audited.
 */
export async function authenticate(
  raw: unknown,
  meta: { ip?: string | null; userAgent?: string | null } = {},
): Promise<{ id: string; email: string; name: string; role: string } | null> {
  const parsed = ZCredentials.safeParse(raw);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, role: true, active: true, passwordHash: true },
  });
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
  const success = !!user && user.active && ok;
  await db.$transaction((tx) =>
    recordAudit(tx, {
      actor: success ? { id: user.id, email: user.email, name: user.name, role: user.role } : null,
      event: success ? "auth.signin.succeeded" : "auth.signin.failed",
      entity: "User",
      entityId: user?.id ?? null,
      // the attempted email says who was targeted; the password is never recorded
      after: success ? null : { email },
      ip: meta.ip,
      userAgent: meta.userAgent,
    }),
  );
  return success ? { id: user.id, email: user.email, name: user.name, role: user.role } : null;
}

export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/login" },
  providers: [
    CredentialsProvider({
      name: "Email",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      authorize: (credentials, req) =>
        authenticate(credentials, {
          ip: headerOf(req, "x-forwarded-for")?.split(",")[0]?.trim() ?? null,
          userAgent: headerOf(req, "user-agent"),
        }),
    }),
  ],
  callbacks: {
    // The token carries only the user id; role and active state are read from the database on
    // every request (lib/session.ts), so a role change or deactivation takes effect at once.
    jwt: ({ token, user }) => {
      if (user) token.sub = user.id;
      return token;
    },
    session: ({ session, token }) => ({ ...session, userId: token.sub }),
    // Only same-origin callback URLs.
    redirect: ({ url, baseUrl }) => {
      if (url.startsWith("/") && !url.startsWith("//")) return `${baseUrl}${url}`;
      try {
        if (new URL(url).origin === baseUrl) return url;
      } catch {}
      return baseUrl;
    },
  },
  secret: process.env.NEXTAUTH_SECRET,
};
