import { NextResponse } from "next/server";
import { deleteAction, updateAction } from "@/lib/actions/mutations";
import { getAction } from "@/lib/actions/queries";
import { jsonRoute, readVersionedJson } from "@/lib/http";
import { requireActor } from "@/lib/session";

type Ctx = { params: Promise<{ id: string }> };

// GET /api/actions/:id – one action with its linked outcomes
export const GET = jsonRoute("GET /api/actions/:id", async (_req, { params }: Ctx) =>
  NextResponse.json(await getAction({ actor: await requireActor(), id: (await params).id })),
);

// PUT /api/actions/:id – replace an action's fields (the whole form's worth, with the expectedVersion it was read at)
export const PUT = jsonRoute("PUT /api/actions/:id", async (req, { params }: Ctx) => {
  const actor = await requireActor();
  return NextResponse.json(await updateAction({ actor, id: (await params).id, input: await readVersionedJson(req) }));
});

// DELETE /api/actions/:id – soft-delete an action
export const DELETE = jsonRoute("DELETE /api/actions/:id", async (_req, { params }: Ctx) => {
  await deleteAction({ actor: await requireActor(), id: (await params).id });
  return new NextResponse(null, { status: 204 });
});
