import { listExportRoute } from "@/lib/exports/http";

export const runtime = "nodejs";

// GET /api/exports/organizations.csv – stream the filtered, sorted organizations (all pages) as CSV (UTF-8 with BOM); same params as /organizations
export const GET = listExportRoute("organizations", "csv");
