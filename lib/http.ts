import "server-only";
import { NextResponse } from "next/server";
import { MESSAGES } from "@/i18n/messages";
import { recordAudit } from "./audit";
import { VERSION_FIELD } from "./concurrency";
import { db } from "./db";
import { auditDenial } from "./access-denied";
import { AppError, httpStatusOf, logUnexpected, toAppError } from "./errors";
import { IDEMPOTENCY_FIELD } from "./idempotency";
import { checkOrigin } from "./security/origin";
import { getActor } from "./session";

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
      {
        error: {
          code: expected.code,
          message: englishMessage(expected.key, expected.values),
          // the key and its values let a browser client show the message in the user's language
          key: expected.key,
          ...(expected.values ? { values: expected.values } : {}),
          ...(fieldErrors ? { fieldErrors } : {}),
          ...(expected.details ?? {}),
        },
      },
      { status: httpStatusOf(expected.code) },
    );
  }
  const ref = logUnexpected(error, context);
  return NextResponse.json(
    { error: { code: "INTERNAL", message: englishMessage("errors.unexpected", { ref }), ref } },
    { status: 500 },
  );
}

/** The largest JSON body a route handler reads: a whole action form is far below it. */
export const MAX_JSON_BYTES = 1024 * 1024;

const tooLarge = (limit: number) =>
  new AppError("TOO_LARGE", "security.tooLarge", undefined, { values: { limit: `${Math.round(limit / 1024)} KiB` } });

/**
 * Reads a JSON object body. Refused with a clear message: a body over the limit (413, without
 * reading past it), another content type (400: a form post from another site is a "simple"
 * cross-site request), malformed JSON or anything but an object (400).
 */
export async function readJson(req: Request, limit = MAX_JSON_BYTES): Promise<unknown> {
  const declared = Number(req.headers.get("content-length") ?? 0);
  if (declared > limit) throw tooLarge(limit);
  const type = req.headers.get("content-type") ?? "";
  if (!/^application\/(?:[\w.+-]+\+)?json(?:;|$)/i.test(type.trim())) throw new AppError("BAD_REQUEST", "security.badJson");
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (req.body) {
    const reader = req.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        await reader.cancel();
        throw tooLarge(limit);
      }
      chunks.push(value);
    }
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    throw new AppError("BAD_REQUEST", "security.badJson");
  }
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) throw new AppError("BAD_REQUEST", "security.badJson");
  return parsed;
}

/**
 * Reads the JSON body of a create; an `Idempotency-Key` header joins it as its idempotency key, so a
 * client's retry of the same request makes one record (lib/idempotency.ts).
 */
export async function readCreateJson(req: Request): Promise<unknown> {
  const body = (await readJson(req)) as Record<string, unknown>;
  const key = req.headers.get("idempotency-key");
  return key ? { ...body, [IDEMPOTENCY_FIELD]: key } : body;
}

/**
 * Reads the JSON body of an edit, which must name the version it is based on (`expectedVersion`, as
 * GET returned it): an API client cannot overwrite someone's change without having seen it.
 */
export async function readVersionedJson(req: Request): Promise<unknown> {
  const body = (await readJson(req)) as Record<string, unknown>;
  if (!(VERSION_FIELD in body)) throw new AppError("BAD_REQUEST", "security.versionMissing");
  return body;
}

/**
 * Refuses a state-changing request from another site (403), and records the attempt in the audit
 * trail with whoever's session it tried to ride on. Returns null when the request may go on.
 */
export async function refuseForeignOrigin(req: Request, context: string): Promise<Response | null> {
  const verdict = checkOrigin(req.method, req.headers, req.url);
  if (verdict.ok) return null;
  try {
    const actor = await getActor().catch(() => null);
    await db.$transaction((tx) =>
      recordAudit(tx, {
        actor,
        event: "security.csrf.refused",
        entity: "Request",
        entityId: new URL(req.url).pathname.slice(0, 200),
        after: {
          method: req.method,
          route: context,
          reason: verdict.reason,
          origin: req.headers.get("origin")?.slice(0, 200) ?? null,
          secFetchSite: req.headers.get("sec-fetch-site"),
        },
        ip: req.headers.get("x-forwarded-for")?.split(",")[0]?.trim() ?? null,
        userAgent: req.headers.get("user-agent"),
      }),
    );
  } catch (e) {
    logUnexpected(e, `${context}: recording a refused cross-site request`);
  }
  return errorResponse(new AppError("FORBIDDEN", "security.foreignOrigin"), context);
}

/** Wraps a handler that is not ours (next-auth's) with the same cross-site check as jsonRoute. */
export const sameOriginRoute =
  <C>(context: string, handler: (req: Request, ctx: C) => Promise<Response>) =>
  async (req: Request, ctx: C): Promise<Response> =>
    (await refuseForeignOrigin(req, context)) ?? handler(req, ctx);

/**
 * Wraps a route handler: a cross-site state-changing request is refused (403, audited); whatever the
 * handler throws becomes a JSON error (400/401/403/404/409/413/422/503, or 500 with a reference).
 * The handler itself gets the actor and calls lib/ like every other entry point.
 */
export const jsonRoute =
  <C>(context: string, handler: (req: Request, ctx: C) => Promise<Response>) =>
  async (req: Request, ctx: C): Promise<Response> => {
    try {
      const refused = await refuseForeignOrigin(req, context);
      if (refused) return refused;
      return await handler(req, ctx);
    } catch (e) {
      return errorResponse(e, context);
    }
  };

// ---------------------------------------------------------------------------------------------------
// Query strings of the JSON API. The list pages forgive a bad parameter (they fall back to the
// defaults: a person followed a stale link); an API client gets a 400 that says what to fix, so
// that an injection attempt (`?sort=title;DROP…`, `?sort[$ne]=`, `?q[contains]=`) never looks like
// it half worked. Values are always plain strings for zod, never objects for Prisma.

const OPERATOR_KEY = /[[\]$.]|__proto__|constructor|prototype/;

/** Refuses bracket/operator keys and repeated keys; returns the plain key → value map. */
export function plainQuery(searchParams: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of searchParams) {
    const shown = name.slice(0, 60);
    if (OPERATOR_KEY.test(name))
      throw new AppError("BAD_REQUEST", "security.operatorParam", undefined, { values: { name: shown } });
    if (Object.hasOwn(out, name))
      throw new AppError("BAD_REQUEST", "security.repeatedParam", undefined, { values: { name: shown } });
    out[name] = value;
  }
  return out;
}

/** A list API's query: plain, only the schema's own keys, sort and dir from their allowlists. */
export function strictListQuery(
  searchParams: URLSearchParams,
  { keys, sortKeys }: { keys: readonly string[]; sortKeys: readonly string[] },
): Record<string, string> {
  const params = plainQuery(searchParams);
  for (const name of Object.keys(params)) {
    if (!keys.includes(name))
      throw new AppError("BAD_REQUEST", "security.unknownParam", undefined, {
        values: { name: name.slice(0, 60), allowed: keys.join(", ") },
      });
  }
  const bad = (name: string, hint: string) =>
    new AppError("BAD_REQUEST", "security.badParam", undefined, { values: { name, hint } });
  if (params.sort !== undefined && !sortKeys.includes(params.sort))
    throw bad("sort", englishMessage("security.sortHint", { allowed: sortKeys.join(", ") }));
  if (params.dir !== undefined && params.dir !== "asc" && params.dir !== "desc")
    throw bad("dir", englishMessage("security.dirHint"));
  return params;
}
