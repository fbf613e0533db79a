"use server";

// Next.js server actions for comments and notifications: thin wrappers that get the actor, pass the
// raw input to lib/comments or lib/notifications and map the result. All checks live in lib/.
import { revalidatePath } from "next/cache";
import { createComment, deleteComment, updateComment } from "@/lib/comments/mutations";
import type { FormState } from "@/lib/form-state";
import { markNotificationsRead } from "@/lib/notifications/mutations";
import { toFormState } from "@/lib/server-action";
import { requireActor } from "@/lib/session";

/** The record's page, revalidated so its thread and History show the change. */
const pathOf = (recordType: string, recordId: string) =>
  `/${recordType === "Action" ? "actions" : recordType === "Outcome" ? "outcomes" : "campaigns"}/${recordId}`;

export async function createCommentAction(recordType: string, recordId: string, _: FormState, fd: FormData): Promise<FormState> {
  const input = { recordType, recordId, body: String(fd.get("body") ?? "") };
  try {
    await createComment({ actor: await requireActor(), input });
  } catch (e) {
    return toFormState(e, { body: fd.get("text") ?? input.body }, "createComment");
  }
  revalidatePath(pathOf(recordType, recordId));
  return { ok: true, submission: Date.now() };
}

export async function updateCommentAction(id: string, path: string, _: FormState, fd: FormData): Promise<FormState> {
  const input = { body: String(fd.get("body") ?? "") };
  try {
    await updateComment({ actor: await requireActor(), id, input });
  } catch (e) {
    return toFormState(e, { body: fd.get("text") ?? input.body }, "updateComment");
  }
  revalidatePath(path);
  return { ok: true, submission: Date.now() };
}

export async function deleteCommentAction(id: string, path: string, _: FormState): Promise<FormState> {
  try {
    await deleteComment({ actor: await requireActor(), id });
  } catch (e) {
    return toFormState(e, undefined, "deleteComment");
  }
  revalidatePath(path);
  return { ok: true, submission: Date.now() };
}

export async function markNotificationsReadAction(id?: string): Promise<{ ok: boolean }> {
  try {
    await markNotificationsRead({ actor: await requireActor(), input: id ? { id } : {} });
  } catch (e) {
    toFormState(e, undefined, "markNotificationsRead");
    return { ok: false };
  }
  revalidatePath("/", "layout");
  return { ok: true };
}
