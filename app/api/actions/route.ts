import { NextResponse } from "next/server";
import { createAction } from "@/lib/actions/mutations";
import { findActions } from "@/lib/actions/queries";
import { jsonRoute, readJson } from "@/lib/http";
import { flattenSearchParams } from "@/lib/list-params";
import { requireActor } from "@/lib/session";

// GET /api/actions – one page of the actions the caller may see (same params as the /actions URL)
export const GET = jsonRoute("GET /api/actions", async (req) => {
  const params = flattenSearchParams(new URL(req.url).searchParams);
  return NextResponse.json(await findActions({ actor: await requireActor(), params }));
});

// POST /api/actions – create an action from JSON (same fields as the form)
export const POST = jsonRoute("POST /api/actions", async (req) => {
  const actor = await requireActor();
  return NextResponse.json(await createAction({ actor, input: await readJson(req) }), { status: 201 });
});
