import { redirect } from "next/navigation";
import { requirePageActor } from "@/lib/session";

// The landing page is the actions list until the dashboard arrives.
export default async function Home() {
  await requirePageActor();
  redirect("/actions");
}
