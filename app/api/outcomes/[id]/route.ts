import { NextResponse } from "next/server";
import { deleteOutcome, updateOutcome } from "@/lib/outcomes/mutations";
import { getOutcome } from "@/lib/outcomes/queries";
import { jsonRoute, readVersionedJson } from "@/lib/http";
import { requireActor } from "@/lib/session";

type Ctx = { params: Promise<{ id: string }> };

// GET /api/outcomes/:id – one outcome with its linked actions
export const GET = jsonRoute("GET /api/outcomes/:id", async (_req, { params }: Ctx) =>
  NextResponse.json(await getOutcome({ actor: await requireActor(), id: (await params).id })),
);

// PUT /api/outcomes/:id – replace an outcome's fields (the whole form's worth, with the expectedVersion it was read at)
export const PUT = jsonRoute("PUT /api/outcomes/:id", async (req, { params }: Ctx) => {
  const actor = await requireActor();
  return NextResponse.json(await updateOutcome({ actor, id: (await params).id, input: await readVersionedJson(req) }));
});

// DELETE /api/outcomes/:id – soft-delete an outcome
export const DELETE = jsonRoute("DELETE /api/outcomes/:id", async (_req, { params }: Ctx) => {
  await deleteOutcome({ actor: await requireActor(), id: (await params).id });
  return new NextResponse(null, { status: 204 });
});
