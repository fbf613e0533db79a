"use server";

// Next.js server actions for outcomes: thin wrappers over lib/outcomes.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { FormState } from "@/lib/form-state";
import { createOutcome, deleteOutcome, updateOutcome } from "@/lib/outcomes/mutations";
import { OUTCOME_MULTI_FIELDS } from "@/lib/outcomes/schemas";
import { toFormState } from "@/lib/server-action";
import { requireActor } from "@/lib/session";
import { formDataToObject } from "@/lib/validation";

export async function createOutcomeAction(_: FormState, fd: FormData): Promise<FormState> {
  const input = formDataToObject(fd, OUTCOME_MULTI_FIELDS);
  let id: string;
  try {
    ({ id } = await createOutcome({ actor: await requireActor(), input }));
  } catch (e) {
    return toFormState(e, input, "createOutcome");
  }
  revalidatePath("/outcomes");
  redirect(`/outcomes/${id}?saved=created`);
}

export async function updateOutcomeAction(id: string, _: FormState, fd: FormData): Promise<FormState> {
  const input = formDataToObject(fd, OUTCOME_MULTI_FIELDS);
  try {
    await updateOutcome({ actor: await requireActor(), id, input });
  } catch (e) {
    return toFormState(e, input, "updateOutcome");
  }
  revalidatePath("/outcomes");
  redirect(`/outcomes/${id}?saved=updated`);
}

export async function deleteOutcomeAction(id: string, _: FormState): Promise<FormState> {
  try {
    await deleteOutcome({ actor: await requireActor(), id });
  } catch (e) {
    return toFormState(e, undefined, "deleteOutcome");
  }
  revalidatePath("/outcomes");
  redirect("/outcomes?deleted=1");
}
