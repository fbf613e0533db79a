import "server-only";
import { recordAudit } from "./audit";
import { db } from "./db";
import { isAppError, logUnexpected, type Denial } from "./errors";
import type { Actor, Permission } from "./permissions";

// A refusal is an audited event too ("access.denied"). It cannot be written in the refused
// transaction (that one rolls back with the error), so the places that turn errors into answers
// (lib/server-action.ts, lib/http.ts, the pages that show "not allowed") record it here, each in a
// transaction of its own, once per refusal.

/** Writes one access.denied row: who, which permission, which record if any, from which entry point. */
export async function recordDenial(denial: Denial, where: string): Promise<void> {
  await db.$transaction((tx) =>
    recordAudit(tx, {
      actor: denial.actor,
      event: "access.denied",
      entity: denial.entity ?? "Permission",
      entityId: denial.entityId ?? null,
      after: { permission: denial.permission, where },
    }),
  );
}

/**
 * Records the refusal an error carries (a FORBIDDEN AppError made by `forbidden()`), if any and not
 * yet recorded. Never throws: a failure to audit is logged, and the caller still answers 403.
 */
export async function auditDenial(error: unknown, where: string): Promise<void> {
  if (!isAppError(error) || error.code !== "FORBIDDEN" || !error.denial || error.denial.recorded) return;
  error.denial.recorded = true;
  try {
    await recordDenial(error.denial, where);
  } catch (e) {
    logUnexpected(e, `audit of access.denied at ${where}`);
  }
}

/** For pages that check a permission themselves before showing "not allowed": records the refusal. */
export async function denyPage(
  actor: Actor,
  permission: Permission,
  where: string,
  target?: { entity: string; id: string },
): Promise<void> {
  try {
    await recordDenial({ actor, permission, entity: target?.entity, entityId: target?.id }, where);
  } catch (e) {
    logUnexpected(e, `audit of access.denied at ${where}`);
  }
}
