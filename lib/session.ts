import "server-only";
import { getServerSession } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { authOptions } from "./auth";
import { AppError } from "./errors";
import type { Actor } from "./permissions";
import { ipFromHeader } from "./security/client-ip";
import { resolveSession } from "./security/sessions";

type Claims = { userId?: string; sid?: string; sv?: number };

/**
 * The session's user, read from the database once per request, when the session is still valid: its
 * row is open, the person's session version matches the token's (it is bumped to end every session),
 * the person is active, and neither the idle nor the absolute timeout has passed. Records activity.
 */
const loadSessionUser = cache(async () => {
  const session = (await getServerSession(authOptions)) as Claims | null;
  const { userId, sid, sv } = session ?? {};
  if (!userId || !sid || typeof sv !== "number") return null;
  return resolveSession({ userId, sid, sv });
});

/**
 * The interface language the signed-in, active user saved, or null (nobody signed in). i18n/request.ts
 * prefers it over the cookie, so the choice follows the person to every device.
 */
export async function getSavedLocale(): Promise<string | null> {
  const user = await loadSessionUser();
  return user?.locale ?? null;
}

const actorOf = async (user: NonNullable<Awaited<ReturnType<typeof loadSessionUser>>>): Promise<Actor> => {
  const h = await headers();
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    ip: ipFromHeader(h.get("x-forwarded-for")),
    userAgent: h.get("user-agent"),
  };
};

/**
 * The signed-in user of this request, or null. Null too for someone who must first enrol a second
 * factor (an administrator or auditor without one): such a person can do nothing but enrol.
 */
export const getActor = cache(async (): Promise<Actor | null> => {
  const user = await loadSessionUser();
  if (!user || user.enrolmentRequired) return null;
  return actorOf(user);
});

/** For the enrolment page and its server actions: the signed-in user even before enrolment. */
export const getEnrollingActor = cache(async (): Promise<(Actor & { sid: string; enrolmentRequired: boolean }) | null> => {
  const user = await loadSessionUser();
  if (!user) return null;
  return { ...(await actorOf(user)), sid: user.sid, enrolmentRequired: user.enrolmentRequired };
});

/** The id of this request's session (to keep it when signing out everywhere else). */
export const currentSessionId = async () => (await loadSessionUser())?.sid ?? null;

/** For server actions and route handlers: no session is an expected error (401). */
export async function requireActor(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) throw new AppError("UNAUTHENTICATED");
  return actor;
}

/** For pages: no session sends the visitor to the sign-in page; a pending enrolment to enrolment. */
export async function requirePageActor(): Promise<Actor> {
  const actor = await getActor();
  if (actor) return actor;
  if ((await loadSessionUser())?.enrolmentRequired) redirect("/enrol");
  // back to the page asked for after signing in (proxy.ts names it; the login page checks it again)
  const path = (await headers()).get("x-request-path");
  redirect(path && /^\/(?![/\\])/.test(path) && path !== "/" ? `/login?callbackUrl=${encodeURIComponent(path)}` : "/login");
}
