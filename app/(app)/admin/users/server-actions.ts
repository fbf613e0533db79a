"use server";

// Next.js server actions for user administration: thin wrappers over lib/users.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { FormState } from "@/lib/form-state";
import { toFormState } from "@/lib/server-action";
import { requireActor } from "@/lib/session";
import { createUser, endUserSessions, setMfaRequiredForAll, updateUser } from "@/lib/users/mutations";
import { formDataToObject } from "@/lib/validation";

export async function createUserAction(_: FormState, fd: FormData): Promise<FormState> {
  const input = formDataToObject(fd);
  try {
    await createUser({ actor: await requireActor(), input });
  } catch (e) {
    // the password is never sent back to the browser
    return toFormState(e, { ...input, password: "" }, "createUser");
  }
  revalidatePath("/admin/users");
  redirect("/admin/users?saved=created");
}

export async function updateUserAction(id: string, _: FormState, fd: FormData): Promise<FormState> {
  const input = { ...formDataToObject(fd), active: fd.get("active") === "on" };
  try {
    await updateUser({ actor: await requireActor(), id, input });
  } catch (e) {
    return toFormState(e, input, "updateUser");
  }
  revalidatePath("/admin/users");
  return { ok: true, submission: Date.now() };
}

export async function endUserSessionsAction(id: string, _: FormState): Promise<FormState> {
  try {
    await endUserSessions({ actor: await requireActor(), id });
  } catch (e) {
    return toFormState(e, {}, "endUserSessions");
  }
  revalidatePath("/admin/users");
  return { ok: true, submission: Date.now() };
}

export async function setMfaRequiredForAllAction(_: FormState, fd: FormData): Promise<FormState> {
  try {
    await setMfaRequiredForAll({ actor: await requireActor(), input: { required: fd.get("required") === "on" } });
  } catch (e) {
    return toFormState(e, {}, "setMfaRequiredForAll");
  }
  revalidatePath("/admin/users");
  return { ok: true, submission: Date.now() };
}
