import { NextResponse } from "next/server";
import { jsonRoute } from "@/lib/http";
import { undoImport } from "@/lib/import/mutations";
import { requireActor } from "@/lib/session";

// POST /api/import/:id/undo – remove everything the import created, unless it was touched since
export const POST = jsonRoute("POST /api/import/[id]/undo", async (_req, ctx: { params: Promise<{ id: string }> }) => {
  const actor = await requireActor();
  await undoImport({ actor, batchId: (await ctx.params).id });
  return NextResponse.json({ ok: true });
});
