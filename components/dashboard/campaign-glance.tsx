import { CircleCheck, Circle } from "lucide-react";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { TermLabel } from "@/components/records/term-label";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { CampaignGlance } from "@/lib/dashboard/types";

/** Sub-goals as a progress bar and one mark per sub-goal (GANHRI ✓ ENNHRI ✓ …). */
export function SubGoalProgress({ subGoals, compact = false }: { subGoals: CampaignGlance["subGoals"]; compact?: boolean }) {
  const t = useTranslations("dashboard");
  const achieved = subGoals.filter((s) => s.achieved).length;
  const total = subGoals.length;
  if (!total) return <p className="text-xs text-muted-foreground">{t("campaigns.noSubGoals")}</p>;
  return (
    <div className="space-y-2" data-testid="sub-goal-progress">
      <div className="flex items-center gap-3">
        <div
          role="progressbar"
          aria-valuemin={0}
          aria-valuemax={total}
          aria-valuenow={achieved}
          aria-valuetext={t("progress.summary", { achieved, total })}
          aria-label={t("progress.title")}
          className="h-2 flex-1 overflow-hidden rounded-full bg-slate-200"
        >
          <div className="h-full rounded-full bg-success" style={{ width: `${(achieved / total) * 100}%` }} />
        </div>
        <span className="shrink-0 text-xs font-medium text-muted-foreground">{t("progress.summary", { achieved, total })}</span>
      </div>
      <ul className="flex flex-wrap gap-1.5">
        {subGoals.map((s) => (
          <li key={s.id}>
            <Link
              href={`/campaigns/${s.id}`}
              title={s.title}
              className={
                "inline-flex items-center gap-1 rounded-md border px-2 py-0.5 text-xs font-medium hover:underline " +
                (s.achieved ? "border-green-200 bg-success-muted text-success" : "border-slate-200 bg-slate-50 text-slate-700")
              }
            >
              {s.achieved ? <CircleCheck aria-hidden className="size-3.5" /> : <Circle aria-hidden className="size-3.5" />}
              {s.label}
              <span className="sr-only">
                {compact ? "" : ` – ${s.title}`}: {s.achieved ? t("campaigns.achieved") : t("campaigns.notAchieved")}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function CampaignsCard({ campaigns }: { campaigns: CampaignGlance[] }) {
  const t = useTranslations("dashboard.campaigns");
  return (
    <Card role="region" aria-labelledby="campaigns-heading" data-testid="campaigns-glance">
      <CardHeader className="grid-cols-[1fr_auto]">
        <CardTitle id="campaigns-heading">{t("title")}</CardTitle>
        <Link href="/campaigns" className="col-start-2 row-span-2 row-start-1 text-sm font-medium text-primary hover:underline">
          {t("all")}
        </Link>
        <CardDescription>{t("description")}</CardDescription>
      </CardHeader>
      <CardContent>
        {campaigns.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t("empty")}</p>
        ) : (
          <ul className="divide-y">
            {campaigns.map((c) => (
              <li key={c.id} className="grid gap-2 py-3 first:pt-0 last:pb-0 md:grid-cols-[minmax(0,1fr)_minmax(0,18rem)] md:gap-6">
                <div className="min-w-0 space-y-1">
                  <Link href={`/campaigns/${c.id}`} className="font-medium break-words hover:underline">
                    {c.title}
                  </Link>
                  <div className="flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-muted-foreground">
                    <TermLabel term={c.status} badge />
                    {c.owner && <span>{t("owner", { name: c.owner.name })}</span>}
                  </div>
                </div>
                <SubGoalProgress subGoals={c.subGoals} compact />
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
