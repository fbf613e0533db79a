"use server";

// Next.js server actions of /audit: thin wrappers. lib/audit-log checks the permission, records the
// verification in the trail and anchors the head.
import { revalidatePath } from "next/cache";
import { verifyAuditChain, type ChainReport } from "@/lib/audit-log/chain";
import type { FormState } from "@/lib/form-state";
import { toFormState } from "@/lib/server-action";
import { requireActor } from "@/lib/session";

export type VerifyState = FormState & { report?: ChainReport; checkedAt?: string };

export async function verifyAuditChainAction(_: VerifyState): Promise<VerifyState> {
  let report: ChainReport;
  try {
    report = await verifyAuditChain({ actor: await requireActor() });
  } catch (e) {
    return toFormState(e, undefined, "verifyAuditChain");
  }
  // a new audit.verified event and (when intact) a new anchor
  revalidatePath("/audit");
  return { ok: true, report, checkedAt: new Date().toISOString() };
}
