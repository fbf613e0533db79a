import { listExportRoute } from "@/lib/exports/http";

export const runtime = "nodejs";

// GET /api/exports/outcomes.csv – stream the filtered, sorted outcomes (all pages) as CSV (UTF-8 with BOM); same params as /outcomes
export const GET = listExportRoute("outcomes", "csv");
