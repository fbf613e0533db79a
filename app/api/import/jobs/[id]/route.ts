import { NextResponse } from "next/server";
import { jsonRoute } from "@/lib/http";
import { getImportJob } from "@/lib/import/jobs";
import { requireActor } from "@/lib/session";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// GET /api/import/jobs/:id – a background import's progress, and its result or error once over (owner only)
export const GET = jsonRoute("GET /api/import/jobs/[id]", async (_req, ctx: { params: Promise<{ id: string }> }) => {
  const actor = await requireActor();
  const job = await getImportJob({ actor, id: (await ctx.params).id });
  return NextResponse.json(
    {
      status: job.status,
      kind: job.kind,
      done: job.done,
      total: job.total,
      ...(job.result ? { result: job.result } : {}),
      ...(job.errorKey ? { errorKey: job.errorKey, errorValues: job.errorValues } : {}),
    },
    { headers: { "Cache-Control": "no-store" } },
  );
});
