import { NextResponse } from "next/server";
import { jsonRoute } from "@/lib/http";
import { readImportForm } from "@/lib/import/form";
import { dryRunImport } from "@/lib/import/mutations";
import { requireActor } from "@/lib/session";

export const runtime = "nodejs";

// POST /api/import/dry-run – check a file (multipart: file, request) and report every row; writes no records
export const POST = jsonRoute("POST /api/import/dry-run", async (req) => {
  const actor = await requireActor();
  const { file, input } = await readImportForm(req);
  return NextResponse.json(await dryRunImport({ actor, file, input }));
});
