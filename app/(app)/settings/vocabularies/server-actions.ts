"use server";

// Next.js server actions for the vocabulary editor: thin wrappers over lib/vocabularies.
import { revalidatePath } from "next/cache";
import type { FormState } from "@/lib/form-state";
import { toFormState } from "@/lib/server-action";
import { requireActor } from "@/lib/session";
import { formDataToObject } from "@/lib/validation";
import { createTerm, moveTerm, setTermActive, updateTermLabels } from "@/lib/vocabularies/mutations";

const PATH = "/settings/vocabularies";

export async function createTermAction(_: FormState, fd: FormData): Promise<FormState> {
  const input = formDataToObject(fd);
  try {
    await createTerm({ actor: await requireActor(), input });
  } catch (e) {
    return toFormState(e, input, "createTerm");
  }
  revalidatePath(PATH);
  return { ok: true, submission: Date.now() };
}

export async function updateTermAction(id: string, _: FormState, fd: FormData): Promise<FormState> {
  const input = formDataToObject(fd);
  try {
    await updateTermLabels({ actor: await requireActor(), id, input });
  } catch (e) {
    return toFormState(e, input, "updateTerm");
  }
  revalidatePath(PATH);
  return { ok: true, values: input, submission: Date.now() };
}

export async function moveTermAction(id: string, direction: "up" | "down"): Promise<FormState> {
  try {
    await moveTerm({ actor: await requireActor(), id, input: { direction } });
  } catch (e) {
    return toFormState(e, undefined, "moveTerm");
  }
  revalidatePath(PATH);
  return { ok: true };
}

export async function setTermActiveAction(id: string, active: boolean): Promise<FormState> {
  try {
    await setTermActive({ actor: await requireActor(), id, input: { active } });
  } catch (e) {
    return toFormState(e, undefined, "setTermActive");
  }
  revalidatePath(PATH);
  return { ok: true };
}
