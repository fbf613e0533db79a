import { auditExportRoute } from "@/lib/exports/http";

export const runtime = "nodejs";

// GET /api/exports/audit.csv – stream the filtered, sorted audit events (all pages) as CSV (UTF-8 with BOM); same params as /audit
export const GET = auditExportRoute("csv");
