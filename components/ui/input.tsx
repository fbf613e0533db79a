import * as React from "react";
import { cn } from "@/lib/utils";

/** Shared look of text-like form controls (input, textarea, native select). */
export const controlClasses =
  "w-full min-w-0 rounded-md border border-input bg-background text-sm text-foreground shadow-xs transition-colors " +
  "placeholder:text-muted-foreground " +
  "focus-visible:border-ring focus-visible:outline-1 focus-visible:outline-offset-0 focus-visible:outline-ring " +
  "aria-invalid:border-destructive aria-invalid:focus-visible:outline-destructive " +
  "disabled:cursor-not-allowed disabled:bg-muted disabled:opacity-60";

export function Input({ className, type = "text", ...props }: React.ComponentProps<"input">) {
  return (
    <input
      type={type}
      data-slot="input"
      className={cn(
        controlClasses,
        "h-9 px-3 py-1 read-only:bg-muted/50 file:mr-3 file:border-0 file:bg-transparent file:text-sm file:font-medium file:text-foreground",
        className,
      )}
      {...props}
    />
  );
}
