import * as React from "react";
import { CircleAlert } from "lucide-react";
import { cn } from "@/lib/utils";
import { Label } from "./label";

export const fieldLabelId = (id: string) => `${id}-label`;
export const fieldHintId = (id: string) => `${id}-hint`;
export const fieldErrorId = (id: string) => `${id}-error`;

/**
 * The `aria-describedby` value for the control `id` inside a <FormField>: the ids of the hint and
 * error messages that are actually rendered, or undefined when there are none.
 *   <Input id="title" aria-describedby={fieldDescribedBy("title", { hint, errors })} aria-invalid={!!errors?.length} />
 */
export function fieldDescribedBy(id: string, { hint, errors }: { hint?: React.ReactNode; errors?: string[] } = {}) {
  const ids = [hint ? fieldHintId(id) : null, errors?.length ? fieldErrorId(id) : null].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

type FormFieldProps = {
  label: React.ReactNode;
  /** The id of the control passed as child. */
  htmlFor: string;
  hint?: React.ReactNode;
  errors?: string[];
  /** Shows a visual required marker; the control itself should carry `required`/`aria-required`. */
  required?: boolean;
  className?: string;
  children: React.ReactNode;
};

export function FormField({ label, htmlFor, hint, errors, required, className, children }: FormFieldProps) {
  const hasErrors = !!errors?.length;
  return (
    <div data-slot="form-field" data-invalid={hasErrors || undefined} className={cn("grid gap-2", className)}>
      <Label htmlFor={htmlFor} id={fieldLabelId(htmlFor)}>
        {label}
        {required && (
          <span aria-hidden="true" className="text-destructive">
            *
          </span>
        )}
      </Label>
      {children}
      {hint && (
        <p id={fieldHintId(htmlFor)} className="text-[13px] leading-snug text-muted-foreground">
          {hint}
        </p>
      )}
      {hasErrors && (
        <div id={fieldErrorId(htmlFor)} className="grid gap-1">
          {errors.map((error, i) => (
            <p key={i} className="flex items-start gap-1.5 text-[13px] leading-snug font-medium text-destructive">
              <CircleAlert aria-hidden="true" className="mt-px size-3.5 shrink-0" />
              {error}
            </p>
          ))}
        </div>
      )}
    </div>
  );
}
