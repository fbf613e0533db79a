// GET /api/health – liveness and database reachability, for load balancers and monitoring (no session)
import { NextResponse } from "next/server";
import { checkDatabase } from "@/lib/health";

export const dynamic = "force-dynamic";

export async function GET() {
  const dbOk = await checkDatabase();
  return NextResponse.json(
    { status: dbOk ? "ok" : "degraded", db: dbOk ? "ok" : "down" },
    { status: dbOk ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
