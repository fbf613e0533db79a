// Expected errors carry a code and a message key from the catalogue (messages/*/errors.json), so the
// user reads them in their language. Everything else is unexpected: it is logged with a reference id
// and the user sees only "Something went wrong (ref …)".
import { randomBytes } from "node:crypto";
import type { Actor } from "./permissions";

export type ErrorCode =
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "CONFLICT"
  | "VALIDATION"
  | "RATE_LIMITED"
  // issue 5 (hardening): malformed requests, oversized bodies, the database away for a moment
  | "BAD_REQUEST"
  | "TOO_LARGE"
  | "UNAVAILABLE";

/** Field name → message keys (e.g. "validation.required"). */
export type FieldErrors = Record<string, string[]>;

const DEFAULT_KEYS: Record<ErrorCode, string> = {
  UNAUTHENTICATED: "errors.unauthenticated",
  FORBIDDEN: "errors.forbidden",
  NOT_FOUND: "errors.notFound",
  CONFLICT: "errors.conflict",
  VALIDATION: "errors.validation",
  RATE_LIMITED: "errors.rateLimited",
  BAD_REQUEST: "security.badRequest",
  TOO_LARGE: "security.tooLarge",
  UNAVAILABLE: "security.dbUnavailable",
};

/**
 * Who was refused what (a FORBIDDEN error's details), so that whichever entry point maps the error
 * records the refusal in the audit trail (lib/access-denied.ts): the refused transaction rolls back.
 */
export type Denial = {
  actor: Actor;
  /** the permission or rule that refused, e.g. "export.run", "record.edit" */
  permission: string;
  entity?: string;
  entityId?: string | null;
  /** set once the refusal has been audited, so that it is recorded once */
  recorded?: boolean;
};

export class AppError extends Error {
  readonly code: ErrorCode;
  /** A message key; `message` holds the same key so that logs stay readable. */
  readonly key: string;
  readonly fieldErrors?: FieldErrors;
  /** Placeholder values of the message (e.g. the parameter a request got wrong). */
  readonly values?: Record<string, string>;
  /** Anything else a client needs to act on the error (e.g. the fields of an edit conflict). */
  readonly details?: Record<string, unknown>;
  /** Who was refused what (FORBIDDEN only): the entry point records it as access.denied. */
  readonly denial?: Denial;
  constructor(
    code: ErrorCode,
    key?: string,
    fieldErrors?: FieldErrors,
    extra: { values?: Record<string, string>; details?: Record<string, unknown>; denial?: Denial } = {},
  ) {
    const k = key ?? DEFAULT_KEYS[code];
    super(k);
    this.name = "AppError";
    this.code = code;
    this.key = k;
    this.fieldErrors = fieldErrors;
    this.values = extra.values;
    this.details = extra.details;
    this.denial = extra.denial;
  }
}

/** A FORBIDDEN error that says who was refused what (audited by the entry point as access.denied). */
export const forbidden = (actor: Actor, permission: string, target?: { entity: string; id?: string | null }) =>
  new AppError("FORBIDDEN", undefined, undefined, {
    denial: { actor, permission, entity: target?.entity, entityId: target?.id ?? null },
  });

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;

const HTTP_STATUS: Record<ErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  VALIDATION: 422,
  RATE_LIMITED: 429,
  BAD_REQUEST: 400,
  TOO_LARGE: 413,
  UNAVAILABLE: 503,
};

export const httpStatusOf = (code: ErrorCode) => HTTP_STATUS[code];

export const newErrorRef = () => randomBytes(4).toString("hex").toUpperCase();

/** Logs an unexpected error under a short reference the user can quote to support. */
export function logUnexpected(error: unknown, context: string): string {
  const ref = newErrorRef();
  console.error(`[error ref=${ref}] ${context}:`, error);
  return ref;
}

/**
 * Turns what can be expected of a database (a unique or foreign-key violation, a row gone meanwhile)
 * into an AppError; anything else stays unexpected.
 */
export function toAppError(error: unknown): AppError | null {
  if (isAppError(error)) return error;
  const code = (error as { code?: string } | null)?.code;
  if (code === "P2002") return new AppError("CONFLICT", "errors.duplicate");
  if (code === "P2003" || code === "P2025") return new AppError("NOT_FOUND", "errors.referenceGone");
  // text PostgreSQL cannot store (a NUL byte): the client's input, not our fault
  if (hasCode(error, (c) => c === "22021" || c === "22P05")) return new AppError("BAD_REQUEST", "security.invalidCharacter");
  if (isDatabaseUnavailable(error)) {
    // still logged: an operator wants to know how often and how long the database was away
    logUnexpected(error, "database unavailable");
    return new AppError("UNAVAILABLE", "security.dbUnavailable");
  }
  return null;
}

// Connection-level failures: refused or reset connections, PostgreSQL shutting down or starting
// up (SQLSTATE class 08 and 57P01–57P03), Prisma's "can't reach the server" and pool timeouts. The
// transaction did not commit, so "nothing was saved, try again" is true.
const UNAVAILABLE_CODES = new Set([
  "P1001",
  "P1002",
  "P1017",
  "P2024",
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "57P01",
  "57P02",
  "57P03",
]);
const UNAVAILABLE_TEXT =
  /Connection terminated|connection (?:is )?closed|terminating connection|the database system is (?:starting up|shutting down)|Can't reach database server|ECONNREFUSED|ECONNRESET|Connection refused/i;

/** Whether the error or one of its causes carries a code (Prisma's, the driver's or a SQLSTATE) that matches. */
function hasCode(error: unknown, match: (code: string) => boolean, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 4) return false;
  const e = error as { code?: unknown; originalCode?: unknown; cause?: unknown };
  for (const c of [e.code, e.originalCode]) if (typeof c === "string" && match(c)) return true;
  return hasCode(e.cause, match, depth + 1);
}

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 4) return false;
  const e = error as { code?: unknown; message?: unknown; cause?: unknown; originalCode?: unknown; kind?: unknown };
  for (const c of [e.code, e.originalCode]) {
    if (typeof c === "string" && (UNAVAILABLE_CODES.has(c) || /^08/.test(c))) return true;
  }
  if (typeof e.message === "string" && UNAVAILABLE_TEXT.test(e.message)) return true;
  return isDatabaseUnavailable(e.cause, depth + 1);
}
