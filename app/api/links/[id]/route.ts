import { NextResponse } from "next/server";
import { jsonRoute, readJson } from "@/lib/http";
import { deleteLink, updateLink } from "@/lib/links/mutations";
import { requireActor } from "@/lib/session";

type Ctx = { params: Promise<{ id: string }> };

// PUT /api/links/:id – change a link's contribution or evidence note
export const PUT = jsonRoute("PUT /api/links/:id", async (req, { params }: Ctx) => {
  const actor = await requireActor();
  await updateLink({ actor, id: (await params).id, input: await readJson(req) });
  return new NextResponse(null, { status: 204 });
});

// DELETE /api/links/:id – remove a link
export const DELETE = jsonRoute("DELETE /api/links/:id", async (_req, { params }: Ctx) => {
  await deleteLink({ actor: await requireActor(), id: (await params).id });
  return new NextResponse(null, { status: 204 });
});
