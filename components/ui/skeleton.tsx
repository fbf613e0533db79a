import * as React from "react";
import { cn } from "@/lib/utils";

/** A decorative loading placeholder; pair it with a <Spinner label> or other status text for screen readers. */
export function Skeleton({ className, ...props }: React.ComponentProps<"div">) {
  return (
    <div
      data-slot="skeleton"
      aria-hidden="true"
      className={cn("rounded-md bg-slate-200/70 motion-safe:animate-pulse", className)}
      {...props}
    />
  );
}
