import { listExportRoute } from "@/lib/exports/http";

export const runtime = "nodejs";

// GET /api/exports/campaigns.csv – stream the filtered, sorted campaigns (all pages) as CSV (UTF-8 with BOM); same params as /campaigns
export const GET = listExportRoute("campaigns", "csv");
