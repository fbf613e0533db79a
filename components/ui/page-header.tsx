import * as React from "react";
import Link from "next/link";
import { ChevronRight } from "lucide-react";
import { cn } from "@/lib/utils";

type PageHeaderProps = Omit<React.ComponentProps<"header">, "title"> & {
  title: React.ReactNode;
  description?: React.ReactNode;
  /** Buttons or links shown beside the title (below it on phones). */
  actions?: React.ReactNode;
  /** Usually a <Breadcrumbs>, shown above the title. */
  breadcrumbs?: React.ReactNode;
};

export function PageHeader({ title, description, actions, breadcrumbs, className, ...props }: PageHeaderProps) {
  return (
    <header data-slot="page-header" className={cn("mb-6 grid gap-3", className)} {...props}>
      {breadcrumbs}
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
        <div className="grid min-w-0 gap-1">
          <h1 className="text-2xl leading-tight font-semibold tracking-tight break-words">{title}</h1>
          {description && <p className="max-w-prose text-sm text-muted-foreground">{description}</p>}
        </div>
        {actions && <div className="flex shrink-0 flex-wrap items-center gap-2">{actions}</div>}
      </div>
    </header>
  );
}

export type BreadcrumbItem = { label: React.ReactNode; href?: string };

/** A breadcrumb trail; the last item is the current page. `label` names the landmark, e.g. t("nav.breadcrumbs"). */
export function Breadcrumbs({
  label,
  items,
  className,
}: {
  label: string;
  items: BreadcrumbItem[];
  className?: string;
}) {
  return (
    <nav aria-label={label} className={cn("min-w-0", className)}>
      <ol className="flex flex-wrap items-center gap-1 text-sm text-muted-foreground">
        {items.map((item, index) => {
          const last = index === items.length - 1;
          return (
            <li key={index} className="inline-flex min-w-0 items-center gap-1">
              {item.href && !last ? (
                <Link href={item.href} className="rounded-sm hover:text-foreground hover:underline underline-offset-4">
                  {item.label}
                </Link>
              ) : (
                <span aria-current={last ? "page" : undefined} className={cn("truncate", last && "text-foreground")}>
                  {item.label}
                </span>
              )}
              {!last && <ChevronRight aria-hidden="true" className="size-3.5 shrink-0" />}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
