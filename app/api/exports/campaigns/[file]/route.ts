import { dossierRoute } from "@/lib/exports/http";

export const runtime = "nodejs";

// GET /api/exports/campaigns/[id].pdf – the campaign's PDF dossier (title, summary, timeline, linked records, sources)
export const GET = dossierRoute("campaign");
