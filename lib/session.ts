import "server-only";
import { getServerSession } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { authOptions } from "./auth";
import { db } from "./db";
import { AppError } from "./errors";
import type { Actor } from "./permissions";

/** The session's user row (active or not), read from the database once per request. */
const loadSessionUser = cache(async () => {
  const session = await getServerSession(authOptions);
  const userId = (session as { userId?: string } | null)?.userId;
  if (!userId) return null;
  return db.user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, name: true, role: true, active: true, locale: true },
  });
});

/**
 * The interface language the signed-in, active user saved, or null (nobody signed in). i18n/request.ts
 * prefers it over the cookie, so the choice follows the person to every device.
 */
export async function getSavedLocale(): Promise<string | null> {
  const user = await loadSessionUser();
  return user?.active ? user.locale : null;
}

/** The signed-in, active user of this request, or null. Read from the database once per request. */
export const getActor = cache(async (): Promise<Actor | null> => {
  const user = await loadSessionUser();
  if (!user?.active) return null;
  const h = await headers();
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    ip: h.get("x-forwarded-for")?.split(",")[0]?.trim() ?? null,
    userAgent: h.get("user-agent"),
  };
});

/** For server actions and route handlers: no session is an expected error (401). */
export async function requireActor(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) throw new AppError("UNAUTHENTICATED");
  return actor;
}

/** For pages: no session sends the visitor to the sign-in page. */
export async function requirePageActor(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect("/login");
  return actor;
}
