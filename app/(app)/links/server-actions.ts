"use server";

// Next.js server actions for action↔outcome links, used from both detail pages.
import { revalidatePath } from "next/cache";
import { searchActionsForLink } from "@/lib/actions/queries";
import type { FormState } from "@/lib/form-state";
import { createLink, deleteLink } from "@/lib/links/mutations";
import { searchOutcomesForLink } from "@/lib/outcomes/queries";
import { toFormState } from "@/lib/server-action";
import { requireActor } from "@/lib/session";
import { formDataToObject } from "@/lib/validation";

const refresh = (actionId: unknown, outcomeId: unknown) => {
  revalidatePath(`/actions/${String(actionId)}`);
  revalidatePath(`/outcomes/${String(outcomeId)}`);
};

export async function createLinkAction(_: FormState, fd: FormData): Promise<FormState> {
  // Only the link's own fields: the dialog's search and radio controls are not part of the record.
  const { actionId, outcomeId, contribution, evidenceNote } = formDataToObject(fd);
  const input = { actionId, outcomeId, contribution, evidenceNote };
  try {
    await createLink({ actor: await requireActor(), input });
  } catch (e) {
    return toFormState(e, input, "createLink");
  }
  refresh(input.actionId, input.outcomeId);
  return { ok: true, submission: Date.now() };
}

export async function deleteLinkAction(
  linkId: string,
  paths: { actionId: string; outcomeId: string },
  _: FormState,
): Promise<FormState> {
  try {
    await deleteLink({ actor: await requireActor(), id: linkId });
  } catch (e) {
    return toFormState(e, undefined, "deleteLink");
  }
  refresh(paths.actionId, paths.outcomeId);
  return { ok: true, submission: Date.now() };
}

/** Records the user may link to, found by title (for the link dialog's search). */
export async function searchLinkTargetsAction(kind: "action" | "outcome", q: string) {
  const actor = await requireActor();
  const query = typeof q === "string" ? q.slice(0, 200) : "";
  return kind === "action" ? searchActionsForLink({ actor, q: query }) : searchOutcomesForLink({ actor, q: query });
}
