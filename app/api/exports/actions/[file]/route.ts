import { dossierRoute } from "@/lib/exports/http";

export const runtime = "nodejs";

// GET /api/exports/actions/[id].pdf – the action's PDF dossier (title, summary, timeline, linked records, sources)
export const GET = dossierRoute("action");
