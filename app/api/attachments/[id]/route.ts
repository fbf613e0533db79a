import { Readable } from "node:stream";
import { NextResponse } from "next/server";
import { deleteAttachment, openAttachment } from "@/lib/attachments/attachments";
import { contentDisposition } from "@/lib/attachments/disposition";
import { errorResponse, jsonRoute } from "@/lib/http";
import { requireActor } from "@/lib/session";

export const runtime = "nodejs";

type Ctx = { params: Promise<{ id: string }> };

// GET /api/attachments/[id][?inline=1] – the file, to those who may see it and its record (else 404);
// inline only for PDF and images, always with nosniff and a sandbox CSP so nothing in it can run.
export async function GET(req: Request, { params }: Ctx) {
  try {
    const actor = await requireActor();
    const { id } = await params;
    const file = await openAttachment({ actor, id, inline: new URL(req.url).searchParams.get("inline") === "1" });
    return new Response(Readable.toWeb(file.stream) as ReadableStream, {
      headers: {
        "Content-Type": file.mimeType,
        "Content-Length": String(file.size),
        "Content-Disposition": contentDisposition(file.inline ? "inline" : "attachment", file.fileName),
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'",
        "Cache-Control": "private, no-store",
      },
    });
  } catch (e) {
    return errorResponse(e, "GET /api/attachments/[id]");
  }
}

// DELETE /api/attachments/[id] – soft-deletes the document this version belongs to (audited)
export const DELETE = jsonRoute("DELETE /api/attachments/[id]", async (_req: Request, { params }: Ctx) => {
  const actor = await requireActor();
  const { id } = await params;
  await deleteAttachment({ actor, id });
  return new NextResponse(null, { status: 204 });
});
