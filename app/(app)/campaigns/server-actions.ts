"use server";

// Next.js server actions for campaigns: thin wrappers that get the actor, pass the raw input to
// lib/campaigns and map the result. All checks live in lib/.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { createCampaign, updateCampaign } from "@/lib/campaigns/mutations";
import type { FormState } from "@/lib/form-state";
import { toFormState } from "@/lib/server-action";
import { requireActor } from "@/lib/session";
import { formDataToObject } from "@/lib/validation";

export async function createCampaignAction(_: FormState, fd: FormData): Promise<FormState> {
  const input = formDataToObject(fd);
  let id: string;
  try {
    ({ id } = await createCampaign({ actor: await requireActor(), input }));
  } catch (e) {
    return toFormState(e, input, "createCampaign");
  }
  revalidatePath("/campaigns");
  redirect(`/campaigns/${id}?saved=created`);
}

export async function updateCampaignAction(id: string, _: FormState, fd: FormData): Promise<FormState> {
  const input = formDataToObject(fd);
  try {
    await updateCampaign({ actor: await requireActor(), id, input });
  } catch (e) {
    return toFormState(e, input, "updateCampaign");
  }
  revalidatePath("/campaigns");
  redirect(`/campaigns/${id}?saved=updated`);
}
