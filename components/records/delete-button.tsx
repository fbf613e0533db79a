"use client";

import { Trash2 } from "lucide-react";
import { useActionState } from "react";
import { FormMessage } from "@/components/forms/fields";
import { Button } from "@/components/ui/button";
import { INITIAL_FORM_STATE, type FormState } from "@/lib/form-state";

/** Deletes a record after the user confirms; the server action redirects on success. */
export function DeleteButton({ action, label, confirmText }: { action: (s: FormState) => Promise<FormState>; label: string; confirmText: string }) {
  const [state, formAction, pending] = useActionState(action, INITIAL_FORM_STATE);
  return (
    <form
      action={formAction}
      onSubmit={(e) => {
        if (!window.confirm(confirmText)) e.preventDefault();
      }}
    >
      <FormMessage state={state} />
      <Button type="submit" variant="outline" disabled={pending} className="text-destructive">
        <Trash2 aria-hidden className="size-4" />
        {label}
      </Button>
    </form>
  );
}
