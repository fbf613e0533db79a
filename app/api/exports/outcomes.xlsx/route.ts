import { listExportRoute } from "@/lib/exports/http";

export const runtime = "nodejs";

// GET /api/exports/outcomes.xlsx – stream the filtered, sorted outcomes (all pages) as an Excel workbook; same params as /outcomes
export const GET = listExportRoute("outcomes", "xlsx");
