import { getLocale } from "next-intl/server";
import { exportAuditEvents } from "@/lib/audit-log/export";
import { contentDisposition } from "@/lib/exports/disposition";
import { downloadStartedCookie } from "@/lib/exports/download-token";
import { publicOrigin } from "@/lib/exports/http";
import { errorResponse, plainQuery } from "@/lib/http";
import { requireActor } from "@/lib/session";

export const runtime = "nodejs";

// GET /api/exports/audit.csv – stream the filtered, sorted audit events (all pages) as CSV (UTF-8 with BOM); same params as /audit
export async function GET(req: Request) {
  try {
    const url = new URL(req.url);
    const file = exportAuditEvents({
      actor: await requireActor(),
      params: plainQuery(url.searchParams),
      baseUrl: publicOrigin(req),
      locale: await getLocale().catch(() => undefined),
    });
    const headers = new Headers({
      "Content-Type": file.contentType,
      "Content-Disposition": contentDisposition(file.filename),
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
      "X-Accel-Buffering": "no",
    });
    const cookie = downloadStartedCookie(url);
    if (cookie) headers.append("Set-Cookie", cookie);
    return new Response(file.stream, { headers });
  } catch (error) {
    return errorResponse(error, "GET /api/exports/audit.csv");
  }
}
