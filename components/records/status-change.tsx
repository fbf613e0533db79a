import { ArrowRight } from "lucide-react";

/** "A → none": a third party's standing before and after an outcome. */
export function StatusChange({ before, after }: { before: string | null; after: string | null }) {
  if (!before && !after) return null;
  return (
    <span className="inline-flex items-center gap-1">
      <span>{before ?? "—"}</span>
      <ArrowRight aria-label="→" className="size-3" />
      <span className="font-medium text-foreground">{after ?? "—"}</span>
    </span>
  );
}
