// Expected errors carry a code and a message key from the catalogue (messages/*/errors.json), so the
// user reads them in their language. Everything else is unexpected: it is logged with a reference id
// and the user sees only "Something went wrong (ref …)".
import { randomBytes } from "node:crypto";
import type { Actor } from "./permissions";

export type ErrorCode = "UNAUTHENTICATED" | "FORBIDDEN" | "NOT_FOUND" | "CONFLICT" | "VALIDATION" | "RATE_LIMITED";

/** Field name → message keys (e.g. "validation.required"). */
export type FieldErrors = Record<string, string[]>;

const DEFAULT_KEYS: Record<ErrorCode, string> = {
  UNAUTHENTICATED: "errors.unauthenticated",
  FORBIDDEN: "errors.forbidden",
  NOT_FOUND: "errors.notFound",
  CONFLICT: "errors.conflict",
  VALIDATION: "errors.validation",
  RATE_LIMITED: "errors.rateLimited",
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
  readonly denial?: Denial;
  constructor(code: ErrorCode, key?: string, fieldErrors?: FieldErrors, denial?: Denial) {
    const k = key ?? DEFAULT_KEYS[code];
    super(k);
    this.name = "AppError";
    this.code = code;
    this.key = k;
    this.fieldErrors = fieldErrors;
    this.denial = denial;
  }
}

/** A FORBIDDEN error that says who was refused what (audited by the entry point as access.denied). */
export const forbidden = (actor: Actor, permission: string, target?: { entity: string; id?: string | null }) =>
  new AppError("FORBIDDEN", undefined, undefined, { actor, permission, entity: target?.entity, entityId: target?.id ?? null });

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;

const HTTP_STATUS: Record<ErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  VALIDATION: 422,
  RATE_LIMITED: 429,
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
  return null;
}
