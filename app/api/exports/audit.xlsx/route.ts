import { auditExportRoute } from "@/lib/exports/http";

export const runtime = "nodejs";

// GET /api/exports/audit.xlsx – stream the filtered, sorted audit events (all pages) as XLSX; same params as /audit
export const GET = auditExportRoute("xlsx");
