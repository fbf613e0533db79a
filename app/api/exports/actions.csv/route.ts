import { listExportRoute } from "@/lib/exports/http";

export const runtime = "nodejs";

// GET /api/exports/actions.csv – stream the filtered, sorted actions (all pages) as CSV (UTF-8 with BOM); same params as /actions
export const GET = listExportRoute("actions", "csv");
