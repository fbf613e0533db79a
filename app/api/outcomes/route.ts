import { NextResponse } from "next/server";
import { createOutcome } from "@/lib/outcomes/mutations";
import { findOutcomes } from "@/lib/outcomes/queries";
import { OUTCOME_SORT_KEYS, ZOutcomeListParams } from "@/lib/outcomes/schemas";
import { jsonRoute, readCreateJson, strictListQuery } from "@/lib/http";
import { requireActor } from "@/lib/session";

// GET /api/outcomes – one page of the outcomes the caller may see (same params as the /outcomes URL)
export const GET = jsonRoute("GET /api/outcomes", async (req) => {
  const params = strictListQuery(new URL(req.url).searchParams, {
    keys: Object.keys(ZOutcomeListParams.shape),
    sortKeys: OUTCOME_SORT_KEYS,
  });
  return NextResponse.json(await findOutcomes({ actor: await requireActor(), params }));
});

// POST /api/outcomes – create an outcome from JSON (same fields as the form)
export const POST = jsonRoute("POST /api/outcomes", async (req) => {
  const actor = await requireActor();
  return NextResponse.json(await createOutcome({ actor, input: await readCreateJson(req) }), { status: 201 });
});
