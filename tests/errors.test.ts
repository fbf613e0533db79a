// What a user or an API client is told when something fails: expected errors keep their message and
// field errors; unexpected ones become a reference id, logged, without leaking their message.
import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { AppError, httpStatusOf, toAppError, type ErrorCode } from "@/lib/errors";
import { englishMessage, errorResponse, jsonRoute, readJson } from "@/lib/http";
import { toFormState } from "@/lib/server-action";
import { makeUser } from "@/prisma/factories";

afterEach(() => {
  vi.restoreAllMocks();
});

const SECRET = "connection to 10.0.0.5 failed: password authentication failed for user advocacy";

describe("toFormState", () => {
  it("keeps an expected error's message key and field errors, and the values typed", async () => {
    const spy = vi.spyOn(console, "error").mockImplementation(() => {});
    const values = { title: "", date: "2023-02-31" };
    const state = await toFormState(
      new AppError("VALIDATION", "errors.validation", { title: ["validation.required"], date: ["validation.date"] }),
      values,
    );
    expect(state).toMatchObject({
      ok: false,
      messageKey: "errors.validation",
      fieldErrors: { title: ["validation.required"], date: ["validation.date"] },
      values,
    });
    expect(state.ref).toBeUndefined();
    expect(spy).not.toHaveBeenCalled();
  });

  it.each<[ErrorCode, string]>([
    ["FORBIDDEN", "errors.forbidden"],
    ["NOT_FOUND", "errors.notFound"],
    ["UNAUTHENTICATED", "errors.unauthenticated"],
  ])("gives %s its default message key", async (code, key) => {
    expect((await toFormState(new AppError(code))).messageKey).toBe(key);
  });

  it("turns a unique-constraint violation from the database into 'duplicate', not a crash", async () => {
    const user = await makeUser(db);
    const error = await db.user.create({ data: { email: user.email, name: "Dup", passwordHash: "x" } }).catch((e: unknown) => e);
    expect(toAppError(error)).toMatchObject({ code: "CONFLICT", key: "errors.duplicate" });
    expect((await toFormState(error)).messageKey).toBe("errors.duplicate");
  });

  it("hides an unexpected error behind a reference id and logs it with that reference", async () => {
    const spy = vi.spyOn(console, "error").mockImplementation(() => {});
    const state = await toFormState(new Error(SECRET), { title: "x" }, "createAction");

    expect(state.ok).toBe(false);
    expect(state.messageKey).toBe("errors.unexpected");
    expect(state.ref).toMatch(/^[0-9A-F]{8}$/);
    expect(state.fieldErrors).toBeUndefined();
    expect(JSON.stringify(state)).not.toContain(SECRET);
    expect(spy).toHaveBeenCalledTimes(1);
    expect(String(spy.mock.calls[0][0])).toContain(state.ref);
    expect(String(spy.mock.calls[0][0])).toContain("createAction");
    expect((spy.mock.calls[0][1] as Error).message).toBe(SECRET);
  });

  it("gives every submission a new number (so the form remounts) and every unexpected error a new ref", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const a = await toFormState(new Error("x"));
    const b = await toFormState(new Error("x"));
    expect(a.submission).not.toBe(b.submission);
    expect(a.ref).not.toBe(b.ref);
  });
});

describe("errorResponse and jsonRoute", () => {
  it.each<[ErrorCode, number, string]>([
    ["UNAUTHENTICATED", 401, "Your session has ended. Sign in again."],
    ["FORBIDDEN", 403, "Your role does not allow this. Ask a manager or an administrator if you need it."],
    ["NOT_FOUND", 404, "This record does not exist, or you do not have access to it."],
    ["CONFLICT", 409, "Someone changed this record at the same time. Reload and try again."],
    ["VALIDATION", 422, "Some fields need attention. Check the messages below each field."],
    ["RATE_LIMITED", 429, "Too many requests. Wait a moment and try again."],
  ])("maps %s to HTTP %i with its English message", async (code, status, message) => {
    expect(httpStatusOf(code)).toBe(status);
    const res = await errorResponse(new AppError(code), "test");
    expect(res.status).toBe(status);
    // the key lets a browser client show the message in the user's language
    expect(await res.json()).toEqual({ error: { code, message, key: expect.stringMatching(/^errors\./) } });
  });

  it("gives field errors in English", async () => {
    const res = await errorResponse(
      new AppError("VALIDATION", "errors.validation", { date: ["validation.date"], title: ["validation.required"] }),
      "t",
    );
    expect(await res.json()).toEqual({
      error: {
        code: "VALIDATION",
        message: "Some fields need attention. Check the messages below each field.",
        key: "errors.validation",
        fieldErrors: { date: ["Enter a real date (YYYY-MM-DD)."], title: ["Fill this in."] },
      },
    });
  });

  it("a route handler's expected errors become their status, e.g. linkExists → 409", async () => {
    const route = jsonRoute("POST /api/links", async () => {
      throw new AppError("CONFLICT", "errors.linkExists");
    });
    const res = await route(new Request("http://localhost/api/links", { method: "POST" }), {});
    expect(res.status).toBe(409);
    expect((await res.json()).error.message).toBe("These two records are already linked. Edit the existing link instead.");
  });

  it("an unexpected throw becomes a 500 with a reference, without the message or a stack", async () => {
    const spy = vi.spyOn(console, "error").mockImplementation(() => {});
    const route = jsonRoute("GET /api/actions", async () => {
      throw new Error(SECRET);
    });
    const res = await route(new Request("http://localhost/api/actions"), {});
    expect(res.status).toBe(500);
    const text = await res.text();
    const body = JSON.parse(text);
    expect(body.error.code).toBe("INTERNAL");
    expect(body.error.ref).toMatch(/^[0-9A-F]{8}$/);
    expect(body.error.message).toContain(`(ref ${body.error.ref})`);
    expect(text).not.toContain(SECRET);
    expect(text).not.toMatch(/\bat .*\.ts:\d+/);
    expect(text).not.toContain("stack");
    expect(String(spy.mock.calls[0][0])).toContain(body.error.ref);
  });

  it("passes a handler's own response through", async () => {
    const route = jsonRoute("GET /api/health", async () => Response.json({ ok: true }, { status: 200 }));
    const res = await route(new Request("http://localhost/api/health"), {});
    expect([res.status, await res.json()]).toEqual([200, { ok: true }]);
  });

  it("a malformed JSON body is a 400, not a crash", async () => {
    const spy = vi.spyOn(console, "error").mockImplementation(() => {});
    const route = jsonRoute("POST /api/actions", async (req: Request) => Response.json(await readJson(req)));
    const res = await route(
      new Request("http://localhost/api/actions", {
        method: "POST",
        body: "{not json",
        headers: { "content-type": "application/json" },
      }),
      {},
    );
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toBe("The request body is not valid JSON. Send a JSON object.");
    expect(spy).not.toHaveBeenCalled();
  });
});

describe("englishMessage", () => {
  it("fills placeholders and falls back to the key for an unknown message", () => {
    expect(englishMessage("errors.unexpected", { ref: "ABCD1234" })).toContain("(ref ABCD1234)");
    expect(englishMessage("errors.noSuchKey")).toBe("errors.noSuchKey");
  });
});
