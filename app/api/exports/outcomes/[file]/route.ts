import { dossierRoute } from "@/lib/exports/http";

export const runtime = "nodejs";

// GET /api/exports/outcomes/[id].pdf – the outcome's PDF dossier (title, summary, timeline, linked records, sources)
export const GET = dossierRoute("outcome");
