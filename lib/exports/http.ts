import "server-only";
import { getLocale } from "next-intl/server";
import { exportAuditEvents } from "@/lib/audit-log/export";
import { AppError } from "@/lib/errors";
import { errorResponse, plainQuery } from "@/lib/http";
import { requireActor } from "@/lib/session";
import { contentDisposition } from "./disposition";
import { downloadStartedCookie } from "./download-token";
import { exportDossier, type DossierKind } from "./dossiers";
import { exportList, type ExportFormat, type ExportList } from "./lists";

// The route handlers of /api/exports/… are one line each; what they share lives here: the actor,
// the public origin for record links, the requester's language, file headers, and JSON errors
// (401/403/404) for anything that fails before the first byte.

/** Record links point at the configured public URL; behind no configuration, at the request's origin. */
export const publicOrigin = (req: Request): string => (process.env.NEXTAUTH_URL || new URL(req.url).origin).replace(/\/+$/, "");

async function requestLocale(): Promise<string | undefined> {
  try {
    return await getLocale();
  } catch {
    return undefined;
  }
}

function fileHeaders(req: Request, contentType: string, disposition: string): Headers {
  const headers = new Headers({
    "Content-Type": contentType,
    "Content-Disposition": disposition,
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
    // Proxies must pass a long export through as it is produced, not buffer it.
    "X-Accel-Buffering": "no",
  });
  // Tells the page that asked for it that the file has started ("Preparing export…" ends).
  const cookie = downloadStartedCookie(new URL(req.url));
  if (cookie) headers.append("Set-Cookie", cookie);
  return headers;
}

type StreamedFile = { stream: ReadableStream<Uint8Array>; contentType: string; filename: string };
type ExportArgs = {
  actor: Awaited<ReturnType<typeof requireActor>>;
  format: ExportFormat;
  params: Record<string, string>;
  baseUrl: string;
  locale?: string;
};

/** GET handler streaming a file that `produce` makes from the page's own URL params (filters, search, sort). */
const streamedExportRoute =
  (name: string, format: ExportFormat, produce: (args: ExportArgs) => StreamedFile) => async (req: Request) => {
    try {
      const url = new URL(req.url);
      const file = produce({
        actor: await requireActor(),
        format,
        params: plainQuery(url.searchParams),
        baseUrl: publicOrigin(req),
        locale: await requestLocale(),
      });
      return new Response(file.stream, { headers: fileHeaders(req, file.contentType, contentDisposition(file.filename)) });
    } catch (error) {
      return errorResponse(error, `GET /api/exports/${name}.${format}`);
    }
  };

/** GET handler streaming one list as CSV or XLSX with the list page's own URL params. */
export const listExportRoute = (list: ExportList, format: ExportFormat) =>
  streamedExportRoute(list, format, (args) => exportList({ ...args, list }));

/** GET handler streaming the audit trail (/audit's filters, search and sort) as CSV or XLSX. */
export const auditExportRoute = (format: ExportFormat) => streamedExportRoute("audit", format, exportAuditEvents);

type DossierContext = { params: Promise<{ file: string }> };

/** GET handler for /api/exports/<area>/<id>.pdf: one record's PDF dossier. */
export const dossierRoute = (kind: DossierKind) => async (req: Request, ctx: DossierContext) => {
  try {
    const actor = await requireActor();
    const { file } = await ctx.params;
    const match = /^([A-Za-z0-9_-]{1,64})\.pdf$/.exec(file);
    if (!match) throw new AppError("NOT_FOUND");
    const pdf = await exportDossier({ actor, kind, id: match[1], baseUrl: publicOrigin(req), locale: await requestLocale() });
    const headers = fileHeaders(req, pdf.contentType, contentDisposition(pdf.filename, pdf.asciiFilename));
    headers.set("Content-Length", String(pdf.body.byteLength));
    return new Response(pdf.body as BodyInit, { headers });
  } catch (error) {
    return errorResponse(error, `GET /api/exports/${kind}s/[id].pdf`);
  }
};
