"use server";

// Next.js server actions for organizations: thin wrappers that get the actor, pass the raw input to
// lib/organizations and map the result. All checks live in lib/.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { FormState } from "@/lib/form-state";
import { createOrganization, updateOrganization } from "@/lib/organizations/mutations";
import { toFormState } from "@/lib/server-action";
import { requireActor } from "@/lib/session";
import { formDataToObject } from "@/lib/validation";

export async function createOrganizationAction(_: FormState, fd: FormData): Promise<FormState> {
  const input = formDataToObject(fd);
  let id: string;
  try {
    ({ id } = await createOrganization({ actor: await requireActor(), input }));
  } catch (e) {
    return toFormState(e, input, "createOrganization");
  }
  revalidatePath("/organizations");
  redirect(`/organizations/${id}?saved=created`);
}

export async function updateOrganizationAction(id: string, _: FormState, fd: FormData): Promise<FormState> {
  const input = formDataToObject(fd);
  try {
    await updateOrganization({ actor: await requireActor(), id, input });
  } catch (e) {
    return toFormState(e, input, "updateOrganization");
  }
  revalidatePath("/organizations");
  redirect(`/organizations/${id}?saved=updated`);
}
