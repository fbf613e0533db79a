import { NextResponse } from "next/server";
import { uploadAttachment } from "@/lib/attachments/attachments";
import { errorResponse, refuseForeignOrigin } from "@/lib/http";
import { requireActor } from "@/lib/session";

export const runtime = "nodejs";

// POST /api/attachments?recordType=action&recordId=…&fileName=…&sourceType=…&confidentiality=…[&documentId=…]
// – the body is the file itself (not multipart), so that it can be streamed to disk and counted
// without ever being buffered; lib/attachments refuses it past the size limit.
export async function POST(req: Request) {
  try {
    const refused = await refuseForeignOrigin(req, "POST /api/attachments");
    if (refused) return refused;
    const actor = await requireActor();
    const input = Object.fromEntries(new URL(req.url).searchParams);
    const length = req.headers.get("content-length");
    const created = await uploadAttachment({ actor, input, body: req.body, contentLength: length ? Number(length) : null });
    return NextResponse.json(created, { status: 201 });
  } catch (e) {
    const res = await errorResponse(e, "POST /api/attachments");
    // "too large" is 413 for HTTP clients; the JSON still carries the message key and values
    const body = (await res.clone().json()) as { error?: { key?: string } };
    if (body.error?.key?.startsWith("attachments.errors.tooLarge")) return new NextResponse(res.body, { status: 413, headers: res.headers });
    return res;
  }
}
