import * as React from "react";
import { cn } from "@/lib/utils";
import { controlClasses } from "./input";

export function Textarea({ className, ...props }: React.ComponentProps<"textarea">) {
  return (
    <textarea
      data-slot="textarea"
      className={cn(
        controlClasses,
        "field-sizing-content min-h-20 px-3 py-2 leading-relaxed read-only:bg-muted/50",
        className,
      )}
      {...props}
    />
  );
}
