import { NextResponse } from "next/server";
import { jsonRoute, readCreateJson } from "@/lib/http";
import { createLink } from "@/lib/links/mutations";
import { requireActor } from "@/lib/session";

// POST /api/links – link an action to an outcome: { actionId, outcomeId, contribution, evidenceNote? }
export const POST = jsonRoute("POST /api/links", async (req) => {
  const actor = await requireActor();
  return NextResponse.json(await createLink({ actor, input: await readCreateJson(req) }), { status: 201 });
});
