import { redirect } from "next/navigation";
import { requirePageActor } from "@/lib/session";

// The landing page: staff start from their own work, managers, auditors and administrators from the
// office's dashboard.
export default async function Home() {
  const actor = await requirePageActor();
  redirect(actor.role === "STAFF" ? "/my-work" : "/dashboard");
}
