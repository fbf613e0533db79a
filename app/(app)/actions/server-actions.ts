"use server";

// Next.js server actions for advocacy actions: thin wrappers that get the actor, pass the raw input
// to lib/actions and map the result. All checks live in lib/.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { createAction, deleteAction, updateAction } from "@/lib/actions/mutations";
import { ACTION_MULTI_FIELDS } from "@/lib/actions/schemas";
import type { FormState } from "@/lib/form-state";
import { toFormState } from "@/lib/server-action";
import { requireActor } from "@/lib/session";
import { formDataToObject } from "@/lib/validation";

export async function createActionAction(_: FormState, fd: FormData): Promise<FormState> {
  const input = formDataToObject(fd, ACTION_MULTI_FIELDS);
  let id: string;
  try {
    ({ id } = await createAction({ actor: await requireActor(), input }));
  } catch (e) {
    return toFormState(e, input, "createAction");
  }
  revalidatePath("/actions");
  redirect(`/actions/${id}?saved=created`);
}

export async function updateActionAction(id: string, _: FormState, fd: FormData): Promise<FormState> {
  const input = formDataToObject(fd, ACTION_MULTI_FIELDS);
  try {
    await updateAction({ actor: await requireActor(), id, input });
  } catch (e) {
    return toFormState(e, input, "updateAction");
  }
  revalidatePath("/actions");
  redirect(`/actions/${id}?saved=updated`);
}

export async function deleteActionAction(id: string, _: FormState): Promise<FormState> {
  try {
    await deleteAction({ actor: await requireActor(), id });
  } catch (e) {
    return toFormState(e, undefined, "deleteAction");
  }
  revalidatePath("/actions");
  redirect("/actions?deleted=1");
}
