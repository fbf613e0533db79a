import { listExportRoute } from "@/lib/exports/http";

export const runtime = "nodejs";

// GET /api/exports/campaigns.xlsx – stream the filtered, sorted campaigns (all pages) as an Excel workbook; same params as /campaigns
export const GET = listExportRoute("campaigns", "xlsx");
