import { History, ListChecks, Target } from "lucide-react";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { RecordDate } from "@/components/records/record-date";
import { TermLabel } from "@/components/records/term-label";
import { EmptyState } from "@/components/ui/empty-state";
import type { CampaignTimelineItem } from "@/lib/campaigns/queries";
import { cn } from "@/lib/utils";

type Props = {
  items: CampaignTimelineItem[];
  /** id of the heading that names the list */
  labelledBy: string;
  /** The items are a filtered selection: an empty list says so. */
  filtered?: boolean;
};

/**
 * The campaign's actions and outcomes in date order, as an ordered list: each entry says in words
 * whether it is an action or an outcome (the icon only repeats it), and each outcome lists the
 * actions linked to it with the contribution claimed.
 */
export function CampaignTimeline({ items, labelledBy, filtered = false }: Props) {
  const t = useTranslations("campaigns.timeline");
  const tf = useTranslations("dashboard.timelineFilters");
  if (!items.length && filtered)
    return <EmptyState icon={<History aria-hidden className="size-6" />} titleAs="p" title={tf("emptyTitle")} description={tf("emptyDescription")} />;
  if (!items.length)
    return <EmptyState icon={<History aria-hidden className="size-6" />} titleAs="p" title={t("emptyTitle")} description={t("emptyDescription")} />;

  return (
    <ol aria-labelledby={labelledBy} className="relative" data-testid="campaign-timeline">
      {items.map((item, index) => {
        const isAction = item.kind === "action";
        const Icon = isAction ? ListChecks : Target;
        const href = `/${isAction ? "actions" : "outcomes"}/${item.id}`;
        const last = index === items.length - 1;
        return (
          <li key={`${item.kind}-${item.id}`} className="relative flex gap-3 pb-6 last:pb-0" data-kind={item.kind}>
            {!last && <span aria-hidden className="absolute top-9 bottom-1 left-4 w-px -translate-x-1/2 bg-border" />}
            <span
              aria-hidden
              className={cn(
                "flex size-8 shrink-0 items-center justify-center rounded-full border",
                isAction ? "border-slate-200 bg-slate-50 text-slate-700" : "border-indigo-200 bg-info-muted text-info",
              )}
            >
              <Icon className="size-4" />
            </span>
            <div className="min-w-0 flex-1 space-y-1.5 pt-1">
              <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-muted-foreground">
                <span className={cn("font-semibold tracking-wide uppercase", !isAction && "text-info")}>
                  {isAction ? t("action") : t("outcome")}
                </span>
                <span aria-hidden>·</span>
                <RecordDate date={item.date} precision={item.datePrecision} />
                <span aria-hidden>·</span>
                <TermLabel term={item.type} />
              </p>
              <h3 className="text-sm leading-snug font-medium break-words">
                <Link href={href} className="hover:underline">
                  {item.title}
                </Link>
              </h3>
              <p className="flex flex-wrap items-center gap-2 text-xs text-muted-foreground">
                <span className="sr-only">{isAction ? t("status") : t("verification")}</span>
                <TermLabel term={item.kind === "action" ? item.status : item.verification} badge />
              </p>
              {item.kind === "outcome" && <OutcomeLinks links={item.links} />}
            </div>
          </li>
        );
      })}
    </ol>
  );
}

function OutcomeLinks({ links }: { links: Extract<CampaignTimelineItem, { kind: "outcome" }>["links"] }) {
  const t = useTranslations("campaigns.timeline");
  if (!links.length) return <p className="text-xs text-muted-foreground">{t("noLinks")}</p>;
  return (
    <div className="rounded-md border bg-muted/40 px-3 py-2">
      <p className="text-xs font-medium text-muted-foreground">{t("ledTo")}</p>
      <ul className="mt-1 space-y-1.5">
        {links.map((l) => (
          <li key={l.actionId} className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm">
            <ListChecks aria-hidden className="size-3.5 shrink-0 text-muted-foreground" />
            <Link href={`/actions/${l.actionId}`} className="min-w-0 break-words hover:underline">
              {l.actionTitle}
            </Link>
            <span className="sr-only">{t("contribution")}</span>
            <TermLabel term={l.contribution} badge />
          </li>
        ))}
      </ul>
    </div>
  );
}
