// Helpers for the adversarial specs (adv-*.spec.ts): records made through the JSON API by the
// person who owns them, each carrying a canary token that must never reach someone outside their
// audience, and the requests an attacker sends (a page's HTML, its RSC payload, a JSON route).
import type { APIRequestContext, APIResponse, Page } from "@playwright/test";
import { expect } from "../fixtures";

export const today = () => new Date().toISOString().slice(0, 10);

/** A token no page shows unless it leaks; one per world. */
export const canary = () => `CANARY${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`.toUpperCase();

/** A minimal PDF the upload accepts (its bytes start with %PDF). */
export const pdfBytes = (note: string) =>
  Buffer.from(`%PDF-1.4\n% ${note}\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n`, "latin1");

async function created(res: APIResponse, what: string): Promise<{ id: string }> {
  expect(res.status(), `${what}: ${await res.text()}`).toBe(201);
  return (await res.json()) as { id: string };
}

export const postAction = async (request: APIRequestContext, fields: Record<string, unknown>) =>
  created(
    await request.post("/api/actions", { data: { type: "LETTER_APPEAL", status: "SENT", date: today(), ...fields } }),
    `create action ${String(fields.title)}`,
  );

export const postOutcome = async (request: APIRequestContext, fields: Record<string, unknown>) =>
  created(
    await request.post("/api/outcomes", {
      data: { type: "RESOLUTION_ADOPTED", verification: "REPORTED", date: today(), ...fields },
    }),
    `create outcome ${String(fields.title)}`,
  );

export const postLink = async (request: APIRequestContext, fields: Record<string, unknown>) =>
  created(await request.post("/api/links", { data: { contribution: "CONTRIBUTORY", ...fields } }), "create link");

export async function postAttachment(
  request: APIRequestContext,
  params: { recordType: "action" | "outcome"; recordId: string; fileName: string; confidentiality?: string },
) {
  const query = new URLSearchParams({ sourceType: "OFFICIAL_LETTER", confidentiality: "INTERNAL", ...params });
  return created(
    await request.post(`/api/attachments?${query}`, {
      data: pdfBytes(params.fileName),
      headers: { "content-type": "application/pdf" },
    }),
    `upload ${params.fileName}`,
  );
}

/**
 * A manager's restricted world: a restricted action and a restricted outcome linked to each other,
 * with a restricted evidence file, the canary in every text; and, if `staffOutcomeId` is given, the
 * restricted action also linked to that (visible) outcome of the staff member.
 */
export async function restrictedWorld(manager: Page, opts: { staffOutcomeId?: string } = {}) {
  const token = canary();
  const action = await postAction(manager.request, {
    title: `Restricted action ${token}`,
    summary: `Names of detainees ${token}`,
    referenceNumber: `REF-${token}`.slice(0, 100),
    confidentiality: "RESTRICTED",
  });
  const outcome = await postOutcome(manager.request, {
    title: `Restricted outcome ${token}`,
    sourceCitation: `Diplomatic note ${token}`,
    confidentiality: "RESTRICTED",
  });
  const link = await postLink(manager.request, { actionId: action.id, outcomeId: outcome.id, evidenceNote: `Evidence ${token}` });
  const attachment = await postAttachment(manager.request, {
    recordType: "action",
    recordId: action.id,
    fileName: `Letter ${token}.pdf`,
    confidentiality: "RESTRICTED",
  });
  const staffLink = opts.staffOutcomeId
    ? await postLink(manager.request, {
        actionId: action.id,
        outcomeId: opts.staffOutcomeId,
        evidenceNote: `Cross link ${token}`,
      })
    : null;
  return { token, action, outcome, link, attachment, staffLink };
}

/**
 * What would betray the restricted records: their texts (each holds the canary) and their ids. The
 * bare canary (or an id) is not enough where the request names it and the page echoes it back (the
 * search box, the URL).
 */
export const hiddenTraces = (w: Awaited<ReturnType<typeof restrictedWorld>>, more: string[] = []) => [
  `Restricted action ${w.token}`,
  `Names of detainees ${w.token}`,
  `REF-${w.token}`,
  `Restricted outcome ${w.token}`,
  `Diplomatic note ${w.token}`,
  `Evidence ${w.token}`,
  `Letter ${w.token}.pdf`,
  `Cross link ${w.token}`,
  w.action.id,
  w.outcome.id,
  ...more,
];

/** Asserts that `text` carries none of the traces; where the request did not ask for the canary, not even it. */
export function expectNoTrace(text: string, traces: string[], what: string, token?: string) {
  // what the request itself names (an id in the path) comes back in the URL and the router state
  for (const trace of traces) if (!what.includes(trace)) expect(text, `${what}: ${trace}`).not.toContain(trace);
  if (token && !what.includes(token)) expect(text, `${what}: the canary`).not.toContain(token);
}

/** A page's HTML and its RSC payload (what client navigation fetches), as one text. */
export async function pageAndPayload(request: APIRequestContext, path: string) {
  const html = await request.get(path);
  const rsc = await request.get(path, { headers: { RSC: "1" } });
  return { status: html.status(), rscStatus: rsc.status(), text: `${await html.text()}\n${await rsc.text()}` };
}

/** A fake id shaped like a real one (cuid): out of scope and absent must look the same. */
export const FAKE_ID = "cnotarealid0000000000000";
