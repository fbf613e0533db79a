import * as React from "react";
import { ChevronDown } from "lucide-react";
import { cn } from "@/lib/utils";
import { controlClasses } from "./input";

/** A styled native `<select>`: the most robust, accessible single-select on every device. */
export function NativeSelect({ className, ...props }: React.ComponentProps<"select">) {
  return (
    <div data-slot="native-select" className="relative w-full">
      <select
        className={cn(
          controlClasses,
          "h-9 appearance-none py-1 pr-9 pl-3",
          props.multiple && "h-auto py-2 pr-3",
          className,
        )}
        {...props}
      />
      {!props.multiple && (
        <ChevronDown
          aria-hidden="true"
          className="pointer-events-none absolute top-1/2 right-3 size-4 -translate-y-1/2 text-muted-foreground"
        />
      )}
    </div>
  );
}
