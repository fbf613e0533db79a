"use server";

// Next.js server actions for one's own account (/account, /enrol): thin wrappers over lib/account.
import { redirect } from "next/navigation";
import {
  changeOwnPassword,
  confirmTotpEnrolment,
  disableTotp,
  regenerateRecoveryCodes,
  setEmailReminders,
  signOutEverywhere,
  startTotpEnrolment,
} from "@/lib/account/mutations";
import { AppError } from "@/lib/errors";
import type { FormState } from "@/lib/form-state";
import { toFormState } from "@/lib/server-action";
import { getEnrollingActor, requireActor } from "@/lib/session";
import { formDataToObject } from "@/lib/validation";

/** Second-factor set-up is the one thing a person who must enrol may do. */
async function requireEnrollingActor() {
  const actor = await getEnrollingActor();
  if (!actor) throw new AppError("UNAUTHENTICATED");
  const { sid: _sid, enrolmentRequired: _e, ...rest } = actor;
  return rest;
}

export async function changePasswordAction(_: FormState, fd: FormData): Promise<FormState> {
  try {
    await changeOwnPassword({ actor: await requireActor(), input: formDataToObject(fd) });
  } catch (e) {
    // passwords are never sent back to the browser
    return toFormState(e, {}, "changePassword");
  }
  redirect("/login?reason=passwordChanged");
}

export async function signOutEverywhereAction(): Promise<FormState> {
  try {
    await signOutEverywhere({ actor: await requireActor() });
  } catch (e) {
    return toFormState(e, {}, "signOutEverywhere");
  }
  redirect("/login?reason=signedOut");
}

export type TotpSetup = { ok: true; qrDataUrl: string; manualKey: string } | { ok: false; state: FormState };
export type RecoveryCodesState = FormState & { recoveryCodes?: string[] };

export async function startTotpAction(): Promise<TotpSetup> {
  try {
    return { ok: true, ...(await startTotpEnrolment({ actor: await requireEnrollingActor() })) };
  } catch (e) {
    return { ok: false, state: await toFormState(e, {}, "startTotp") };
  }
}

export async function confirmTotpAction(_: RecoveryCodesState, fd: FormData): Promise<RecoveryCodesState> {
  try {
    const { recoveryCodes } = await confirmTotpEnrolment({ actor: await requireEnrollingActor(), input: formDataToObject(fd) });
    return { ok: true, recoveryCodes, submission: Date.now() };
  } catch (e) {
    return toFormState(e, {}, "confirmTotp");
  }
}

export async function regenerateRecoveryCodesAction(_: RecoveryCodesState, fd: FormData): Promise<RecoveryCodesState> {
  try {
    const { recoveryCodes } = await regenerateRecoveryCodes({ actor: await requireActor(), input: formDataToObject(fd) });
    return { ok: true, recoveryCodes, submission: Date.now() };
  } catch (e) {
    return toFormState(e, {}, "regenerateRecoveryCodes");
  }
}

export async function disableTotpAction(_: FormState, fd: FormData): Promise<FormState> {
  try {
    await disableTotp({ actor: await requireActor(), input: formDataToObject(fd) });
  } catch (e) {
    return toFormState(e, {}, "disableTotp");
  }
  redirect("/account?saved=mfaDisabled");
}

export async function setEmailRemindersAction(_: FormState, fd: FormData): Promise<FormState> {
  const input = formDataToObject(fd);
  try {
    await setEmailReminders({ actor: await requireActor(), input });
  } catch (e) {
    return toFormState(e, input, "setEmailReminders");
  }
  return { ok: true, submission: Date.now(), values: input };
}
