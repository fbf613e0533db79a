import { listExportRoute } from "@/lib/exports/http";

export const runtime = "nodejs";

// GET /api/exports/organizations.xlsx – stream the filtered, sorted organizations (all pages) as an Excel workbook; same params as /organizations
export const GET = listExportRoute("organizations", "xlsx");
