import { listExportRoute } from "@/lib/exports/http";

export const runtime = "nodejs";

// GET /api/exports/actions.xlsx – stream the filtered, sorted actions (all pages) as an Excel workbook; same params as /actions
export const GET = listExportRoute("actions", "xlsx");
