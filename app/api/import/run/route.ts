import { NextResponse } from "next/server";
import { jsonRoute } from "@/lib/http";
import { readImportForm } from "@/lib/import/form";
import { runImport } from "@/lib/import/mutations";
import { requireActor } from "@/lib/session";

export const runtime = "nodejs";

// POST /api/import/run – import a checked file (multipart: file, request) in one transaction
export const POST = jsonRoute("POST /api/import/run", async (req) => {
  const actor = await requireActor();
  const { file, input } = await readImportForm(req);
  return NextResponse.json(await runImport({ actor, file, input }), { status: 201 });
});
