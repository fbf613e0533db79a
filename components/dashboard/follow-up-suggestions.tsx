import { CalendarPlus, Scale } from "lucide-react";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { RecordDate } from "@/components/records/record-date";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { FollowUpSuggestion } from "@/lib/deadlines/queries";
import { newActionHref } from "@/lib/deadlines/links";

type Props = { suggestions: FollowUpSuggestion[]; recordTitle: string; canCreate: boolean };

/** Deadlines the record implies under the rules (lib/deadlines/rules.ts), each offered as a follow-up action. */
export function FollowUpSuggestions({ suggestions, recordTitle, canCreate }: Props) {
  const t = useTranslations("dashboard.deadlines");
  if (!suggestions.length) return null;
  return (
    <Card role="region" aria-labelledby="deadlines-heading" data-testid="follow-up-suggestions">
      <CardHeader>
        <CardTitle id="deadlines-heading" className="flex items-center gap-2">
          <Scale aria-hidden className="size-4 text-muted-foreground" />
          {t("title")}
        </CardTitle>
        <CardDescription>{t("description")}</CardDescription>
      </CardHeader>
      <CardContent>
        <ul className="divide-y">
          {suggestions.map((s) => {
            const years = s.offset?.months ? Math.round(s.offset.months / 12) : 0;
            const title = t(`actionTitle.${s.ruleId}`, { title: recordTitle }).slice(0, 300);
            return (
              <li key={s.ruleId} className="flex flex-col gap-3 py-3 first:pt-0 last:pb-0 sm:flex-row sm:items-start sm:justify-between">
                <div className="min-w-0 space-y-1 text-sm">
                  <p className="font-medium">
                    {t(`kind.${s.kind}`)}:{" "}
                    {s.due === s.latest ? (
                      <RecordDate date={s.due} />
                    ) : (
                      t.rich("range", { from: () => <RecordDate date={s.due} />, to: () => <RecordDate date={s.latest} /> })
                    )}
                    {s.approximate && (
                      <span className="ml-1 font-normal text-muted-foreground">
                        ({s.ruleId === "treatyDenunciation" && s.due === s.latest ? t("earliest") : t("approximate")})
                      </span>
                    )}
                  </p>
                  <p className="text-muted-foreground">
                    {t(`rule.${s.ruleId}`, { years, months: s.offset?.months ?? 0, basis: s.basis ?? "none" })}
                  </p>
                  {s.passed && <p className="text-xs text-muted-foreground">{t("passed")}</p>}
                </div>
                {canCreate && !s.passed && (
                  <Button asChild variant="outline" size="sm" className="self-start">
                    <Link
                      href={newActionHref({
                        title,
                        type: s.actionType,
                        followUpDue: s.due,
                        organizationIds: s.organizationIds,
                        campaignIds: s.campaignIds,
                      })}
                    >
                      <CalendarPlus aria-hidden />
                      {t("create")}
                    </Link>
                  </Button>
                )}
              </li>
            );
          })}
        </ul>
      </CardContent>
    </Card>
  );
}
