import { NextResponse } from "next/server";
import { createAction } from "@/lib/actions/mutations";
import { findActions } from "@/lib/actions/queries";
import { ACTION_SORT_KEYS, ZActionListParams } from "@/lib/actions/schemas";
import { jsonRoute, readCreateJson, strictListQuery } from "@/lib/http";
import { requireActor } from "@/lib/session";

// GET /api/actions – one page of the actions the caller may see (same params as the /actions URL)
export const GET = jsonRoute("GET /api/actions", async (req) => {
  const params = strictListQuery(new URL(req.url).searchParams, {
    keys: Object.keys(ZActionListParams.shape),
    sortKeys: ACTION_SORT_KEYS,
  });
  return NextResponse.json(await findActions({ actor: await requireActor(), params }));
});

// POST /api/actions – create an action from JSON (same fields as the form)
export const POST = jsonRoute("POST /api/actions", async (req) => {
  const actor = await requireActor();
  return NextResponse.json(await createAction({ actor, input: await readCreateJson(req) }), { status: 201 });
});
