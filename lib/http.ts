import "server-only";
import { NextResponse } from "next/server";
import { MESSAGES } from "@/i18n/messages";
import { auditDenial } from "./access-denied";
import { AppError, httpStatusOf, logUnexpected, toAppError } from "./errors";

/** English text of a catalogue key, for JSON API clients ("errors.notFound" → "…"). */
export function englishMessage(key: string, values: Record<string, string> = {}): string {
  const text = key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], MESSAGES.en);
  return typeof text === "string" ? text.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? "") : key;
}

/**
 * Maps any error to a JSON response: expected ones with their code, others as 500 with a reference.
 * A permission refusal is recorded in the audit trail here (access.denied), once, for every route.
 */
export async function errorResponse(error: unknown, context: string): Promise<NextResponse> {
  await auditDenial(error, context);
  const expected = toAppError(error);
  if (expected) {
    const fieldErrors = expected.fieldErrors
      ? Object.fromEntries(Object.entries(expected.fieldErrors).map(([f, keys]) => [f, keys.map((k) => englishMessage(k))]))
      : undefined;
    return NextResponse.json(
      { error: { code: expected.code, message: englishMessage(expected.key), ...(fieldErrors ? { fieldErrors } : {}) } },
      { status: httpStatusOf(expected.code) },
    );
  }
  const ref = logUnexpected(error, context);
  return NextResponse.json(
    { error: { code: "INTERNAL", message: englishMessage("errors.unexpected", { ref }), ref } },
    { status: 500 },
  );
}

/** Reads a JSON body; a malformed one is a validation error, not a crash. */
export async function readJson(req: Request): Promise<unknown> {
  try {
    return await req.json();
  } catch {
    throw new AppError("VALIDATION", "errors.badJson");
  }
}

/**
 * Wraps a route handler: whatever it throws becomes a JSON error (401/403/404/409/422, or 500 with a
 * reference). The handler itself gets the actor and calls lib/ like every other entry point.
 */
export const jsonRoute =
  <C>(context: string, handler: (req: Request, ctx: C) => Promise<Response>) =>
  async (req: Request, ctx: C): Promise<Response> => {
    try {
      return await handler(req, ctx);
    } catch (e) {
      return errorResponse(e, context);
    }
  };
