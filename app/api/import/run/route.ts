import { NextResponse } from "next/server";
import { jsonRoute } from "@/lib/http";
import { readImportForm } from "@/lib/import/form";
import { startImportJob } from "@/lib/import/jobs";
import { requireActor } from "@/lib/session";

export const runtime = "nodejs";

// POST /api/import/run – start importing a checked file (multipart: file, request) in the background; 202 {jobId}
export const POST = jsonRoute("POST /api/import/run", async (req) => {
  const actor = await requireActor();
  const { file, input } = await readImportForm(req);
  return NextResponse.json(await startImportJob({ actor, file, input }), { status: 202 });
});
