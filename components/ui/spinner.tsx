import * as React from "react";
import { LoaderCircle } from "lucide-react";
import { cn } from "@/lib/utils";

type SpinnerProps = Omit<React.ComponentProps<"span">, "children"> & {
  /** Screen-reader text, e.g. t("buttons.loading"). Without it the spinner is decorative (inside a labelled button). */
  label?: string;
};

export function Spinner({ label, className, ...props }: SpinnerProps) {
  return (
    <span
      data-slot="spinner"
      className={cn("inline-flex items-center", className)}
      {...(label ? { role: "status" } : { "aria-hidden": true })}
      {...props}
    >
      <LoaderCircle aria-hidden="true" className="size-4 animate-spin" />
      {label && <span className="sr-only">{label}</span>}
    </span>
  );
}
