import { ArrowRight, ListChecks } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import Link from "next/link";
import { RecordDate } from "@/components/records/record-date";
import { TermLabel } from "@/components/records/term-label";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { daysBetween, startOfYear } from "@/lib/dashboard/period";
import { segmentsOf, statusOn, type StatusAnswer, type StatusTrack, type TrackEntry } from "@/lib/status-history/derive";
import { cn } from "@/lib/utils";

type Props = {
  tracks: StatusTrack[];
  /** The day asked about (?on=YYYY-MM-DD), or today. */
  on: string;
  today: string;
  /** The page's path, for the date form. */
  path: string;
  /** ?on= was given but is not a date. */
  invalidOn?: boolean;
};

// How a status reads at a glance. Presentational only: the words themselves are always shown.
const NEGATIVE = /^(none|no|not|excluded|expelled|revoked|suspended|withdrawn|withdrew|lapsed|denounced|removed)\b/i;
const PENDING = /pending|deferred|review/i;
const POSITIVE = /^(a|member|party|board member|accredited|ratified)\b/i;
const toneOf = (status: string | null) =>
  !status
    ? "bg-slate-100 text-slate-600"
    : NEGATIVE.test(status)
      ? "bg-red-100 text-red-900"
      : PENDING.test(status)
        ? "bg-amber-100 text-amber-900"
        : POSITIVE.test(status)
          ? "bg-green-100 text-green-900"
          : "bg-indigo-100 text-indigo-900";

const HATCHED = "bg-[repeating-linear-gradient(135deg,#fbbf24_0_3px,#fef3c7_3px_7px)] text-amber-900";

const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);

function useTrackName() {
  const t = useTranslations("dashboard.statusHistory");
  return (track: StatusTrack) =>
    track.body ? t("track", { category: track.category, body: track.body.acronym ?? track.body.name }) : t("trackNoBody", { category: track.category });
}

/**
 * The standing of a body over time, derived from the outcomes where it is the subject: the answer
 * for a chosen day, a bar per kind of standing, and each change with the outcome and the actions
 * behind it. Dates known only to the month (or year, or estimated) show as such.
 */
export function StatusHistory({ tracks, on, today, path, invalidOn }: Props) {
  const t = useTranslations("dashboard.statusHistory");
  const format = useFormatter();
  const trackName = useTrackName();
  const longDate = (iso: string) => format.dateTime(utc(iso), { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

  if (!tracks.length)
    return (
      <Card id="status-history" role="region" aria-labelledby="status-history-heading">
        <CardHeader>
          <CardTitle id="status-history-heading">{t("title")}</CardTitle>
          <CardDescription>{t("description")}</CardDescription>
        </CardHeader>
        <CardContent>
          <p className="text-sm text-muted-foreground">{t("empty")}</p>
        </CardContent>
      </Card>
    );

  const firstDay = tracks.flatMap((tr) => tr.entries.map((e) => e.window.from)).sort()[0]!;
  const lastDay = [today, on, ...tracks.flatMap((tr) => tr.entries.map((e) => e.window.to))].sort().at(-1)!;
  const axis = { from: startOfYear(firstDay < on ? firstDay : on), to: lastDay };

  return (
    <Card id="status-history" role="region" aria-labelledby="status-history-heading" data-testid="status-history">
      <CardHeader>
        <CardTitle id="status-history-heading">{t("title")}</CardTitle>
        <CardDescription>{t("description")}</CardDescription>
      </CardHeader>
      <CardContent className="space-y-6">
        <div className="space-y-3 rounded-lg border bg-muted/40 p-3 sm:p-4">
          <form action={`${path}#status-history`} method="get" className="flex flex-wrap items-end gap-2">
            <div className="grid gap-1.5">
              <label htmlFor="status-on" className="text-sm font-medium">
                {t("onDate.label")}
              </label>
              <Input
                id="status-on"
                name="on"
                type="date"
                required
                defaultValue={on}
                className="h-9 w-44 bg-background"
                aria-invalid={invalidOn || undefined}
                aria-describedby={invalidOn ? "status-on-error" : undefined}
              />
            </div>
            <Button type="submit" variant="outline">
              {t("onDate.submit")}
            </Button>
            {invalidOn && (
              <p id="status-on-error" className="basis-full text-sm text-destructive">
                {t("onDate.invalid")}
              </p>
            )}
          </form>
          <StatusOnTable tracks={tracks} on={on} caption={t("onDate.title", { date: longDate(on) })} />
        </div>

        <p className="flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-muted-foreground" aria-hidden>
          <span className="inline-flex items-center gap-1.5">
            <span className="inline-block h-3.5 w-0.5 bg-foreground/70" />
            {t("legendMarker", { date: longDate(on) })}
          </span>
          <span className="inline-flex items-center gap-1.5">
            <span className={cn("inline-block h-3.5 w-4 rounded-sm", HATCHED)} />
            {t("legendUncertain")}
          </span>
        </p>

        {tracks.map((track) => (
          <section key={track.key} aria-labelledby={`track-${track.key}`} className="space-y-3" data-testid="status-track">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h3 id={`track-${track.key}`} className="text-sm font-semibold">
                {trackName(track)}
              </h3>
              <CurrentStatus answer={statusOn(track, today)} />
            </div>
            <TrackBar track={track} axis={axis} on={on} today={today} name={trackName(track)} />
            <ChangeList entries={track.entries} />
          </section>
        ))}
      </CardContent>
    </Card>
  );
}

function CurrentStatus({ answer }: { answer: StatusAnswer }) {
  const t = useTranslations("dashboard.statusHistory");
  const text =
    answer.kind === "known"
      ? (answer.status ?? t("onDate.notRecorded"))
      : answer.kind === "uncertain"
        ? t("onDate.uncertain", { before: answer.before ?? t("onDate.notRecorded"), after: answer.after ?? t("onDate.notRecorded") })
        : t("onDate.unknown");
  const status = answer.kind === "known" ? answer.status : answer.kind === "uncertain" ? answer.after : null;
  return (
    <span className="text-xs text-muted-foreground">
      {t("now")}: <span className={cn("ml-1 rounded-md px-1.5 py-0.5 text-xs font-medium", toneOf(status))}>{text}</span>
    </span>
  );
}

function StatusOnTable({ tracks, on, caption }: { tracks: StatusTrack[]; on: string; caption: string }) {
  const t = useTranslations("dashboard.statusHistory");
  const trackName = useTrackName();
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm" data-testid="status-on">
        <caption className="mb-2 text-left text-sm font-semibold text-foreground">{caption}</caption>
        <thead>
          <tr className="border-b text-left text-xs text-muted-foreground">
            <th scope="col" className="py-2 pr-3 font-medium">
              {t("onDate.standing")}
            </th>
            <th scope="col" className="py-2 pr-3 font-medium">
              {t("onDate.status")}
            </th>
            <th scope="col" className="hidden py-2 font-medium sm:table-cell">
              {t("onDate.basis")}
            </th>
          </tr>
        </thead>
        <tbody>
          {tracks.map((track) => {
            const answer = statusOn(track, on);
            return (
              <tr key={track.key} className="border-b align-top last:border-0">
                <th scope="row" className="py-2 pr-3 text-left font-medium">
                  {trackName(track)}
                </th>
                <td className="py-2 pr-3">
                  <AnswerText answer={answer} />
                  {/* On phones the third column folds in here. */}
                  <span className="mt-1 block text-muted-foreground sm:hidden">
                    <AnswerBasis answer={answer} />
                  </span>
                </td>
                <td className="hidden py-2 text-muted-foreground sm:table-cell">
                  <AnswerBasis answer={answer} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function AnswerText({ answer }: { answer: StatusAnswer }) {
  const t = useTranslations("dashboard.statusHistory.onDate");
  if (answer.kind === "unknown") return <span className="text-muted-foreground">{t("unknown")}</span>;
  if (answer.kind === "known")
    return <span className={cn("rounded-md px-1.5 py-0.5 font-medium", toneOf(answer.status))}>{answer.status ?? t("notRecorded")}</span>;
  return (
    <span className="space-y-1">
      <span className="rounded-md bg-amber-100 px-1.5 py-0.5 font-medium text-amber-900">
        {t("uncertain", { before: answer.before ?? t("notRecorded"), after: answer.after ?? t("notRecorded") })}
      </span>
      <span className="mt-1 block text-xs text-muted-foreground">
        {t.rich("uncertainNote", { window: () => <RecordDate date={answer.change.date} precision={answer.change.datePrecision} /> })}
      </span>
    </span>
  );
}

function AnswerBasis({ answer }: { answer: StatusAnswer }) {
  const t = useTranslations("dashboard.statusHistory.onDate");
  if (answer.kind === "unknown") return <>—</>;
  const entry = answer.kind === "known" ? (answer.since ?? answer.firstChange) : answer.change;
  if (!entry) return <>—</>;
  return (
    <span className="space-y-0.5">
      <span className="block text-xs">
        {answer.kind === "known" && !answer.since
          ? t.rich("before", { date: () => <RecordDate date={entry.date} precision={entry.datePrecision} /> })
          : answer.kind === "known"
            ? t.rich("since", { date: () => <RecordDate date={entry.date} precision={entry.datePrecision} /> })
            : null}
      </span>
      <Link href={`/outcomes/${entry.id}`} className="text-foreground hover:underline">
        {entry.title}
      </Link>
    </span>
  );
}

function TrackBar({ track, axis, on, today, name }: { track: StatusTrack; axis: { from: string; to: string }; on: string; today: string; name: string }) {
  const t = useTranslations("dashboard.statusHistory");
  const format = useFormatter();
  const monthYear = (iso: string) => format.dateTime(utc(iso), { month: "short", year: "numeric", timeZone: "UTC" });
  const span = Math.max(1, daysBetween(axis.from, axis.to) + 1);
  const pos = (iso: string) => (Math.min(Math.max(daysBetween(axis.from, iso), 0), span) / span) * 100;
  const segments = segmentsOf(track, axis.from, axis.to);
  const years: string[] = [];
  for (let y = Number(axis.from.slice(0, 4)); y <= Number(axis.to.slice(0, 4)); y++) years.push(String(y));
  const describe = segments
    .map((s) =>
      s.uncertain
        ? t("segmentUncertain", { before: s.before ?? "—", after: s.status ?? "—", from: monthYear(s.from), to: monthYear(s.to) })
        : t("segment", { status: s.status ?? "—", from: monthYear(s.from), to: monthYear(s.to) }),
    )
    .join("; ");
  return (
    <div role="img" aria-label={t("chart", { track: name, summary: describe })} className="space-y-1">
      <div className="relative h-8 overflow-hidden rounded-md border bg-slate-50">
        {segments.map((s) => {
          const left = pos(s.from);
          const width = Math.max(pos(s.to) + 100 / span - left, 0.4);
          return (
            <div
              key={s.from}
              title={s.uncertain ? `${s.before ?? "—"} → ${s.status ?? "—"}` : (s.status ?? "—")}
              className={cn(
                "absolute inset-y-0 flex items-center overflow-hidden border-r border-white px-1.5 text-xs font-medium whitespace-nowrap",
                s.uncertain ? HATCHED : toneOf(s.status),
              )}
              style={{ left: `${left}%`, width: `${width}%` }}
            >
              {!s.uncertain && width > 9 ? (s.status ?? "—") : ""}
            </div>
          );
        })}
        <div className="absolute inset-y-0 w-0.5 bg-foreground/70" style={{ left: `${pos(on)}%` }} />
        {on !== today && <div className="absolute inset-y-0 w-px bg-slate-400" style={{ left: `${pos(today)}%` }} />}
      </div>
      <div className="relative h-4 text-[11px] text-muted-foreground">
        {years.map((y, i) =>
          years.length <= 8 || i % Math.ceil(years.length / 8) === 0 ? (
            <span key={y} className="absolute -translate-x-1/2 first:translate-x-0" style={{ left: `${pos(`${y}-01-01`)}%` }}>
              {y}
            </span>
          ) : null,
        )}
      </div>
    </div>
  );
}

function ChangeList({ entries }: { entries: TrackEntry[] }) {
  const t = useTranslations("dashboard.statusHistory");
  const changes = new Set(entries.filter((e) => e.isChange && !e.superseded).map((e) => e.id));
  // The status the previous change left, for explaining a mismatch.
  const previousAfter = new Map<string, string | null>();
  let last: string | null = null;
  for (const e of entries) {
    previousAfter.set(e.id, last);
    if (changes.has(e.id)) last = e.statusAfter;
  }
  return (
    <ol className="space-y-3 border-l pl-4" aria-label={t("changes")}>
      {entries.map((e) => {
        const prev = previousAfter.get(e.id);
        return (
          <li key={e.id} className="relative space-y-1 text-sm">
            <span
              aria-hidden
              className={cn(
                "absolute top-1.5 -left-[1.3rem] size-2.5 rounded-full border-2 border-background",
                e.isChange && !e.superseded ? "bg-primary" : "bg-slate-300",
              )}
            />
            <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-muted-foreground">
              <RecordDate date={e.date} precision={e.datePrecision} />
              {e.datePrecision !== "DAY" && <span>({t("window")})</span>}
              <span aria-hidden>·</span>
              <TermLabel term={e.type} />
              <TermLabel term={e.verification} badge />
            </p>
            {e.isChange ? (
              <p className={cn("font-medium", e.superseded && "text-muted-foreground line-through")}>
                <span className="sr-only">{t("changeSr", { before: e.statusBefore ?? "—", after: e.statusAfter ?? "—" })}</span>
                <span aria-hidden className="inline-flex flex-wrap items-center gap-1.5">
                  <span className={cn("rounded px-1.5 py-0.5", toneOf(e.statusBefore))}>{e.statusBefore ?? "—"}</span>
                  <ArrowRight className="size-3.5 text-muted-foreground" />
                  <span className={cn("rounded px-1.5 py-0.5", toneOf(e.statusAfter))}>{e.statusAfter ?? "—"}</span>
                </span>
              </p>
            ) : (
              <p className="text-xs text-muted-foreground">{t("milestone")}</p>
            )}
            {e.superseded && <p className="text-xs text-muted-foreground">{t("superseded")}</p>}
            {e.mismatch && prev && <p className="text-xs text-warning">{t("mismatch", { before: e.statusBefore ?? "—", previous: prev })}</p>}
            <Link href={`/outcomes/${e.id}`} className="block break-words hover:underline">
              {e.title}
            </Link>
            {e.actions.length > 0 ? (
              <div className="rounded-md border bg-muted/40 px-3 py-2">
                <p className="text-xs font-medium text-muted-foreground">{t("actions")}</p>
                <ul className="mt-1 space-y-1">
                  {e.actions.map((a) => (
                    <li key={a.id} className="flex items-start gap-2">
                      <ListChecks aria-hidden className="mt-1 size-3.5 shrink-0 text-muted-foreground" />
                      <span className="min-w-0">
                        <Link href={`/actions/${a.id}`} className="mr-2 break-words hover:underline">
                          {a.title}
                        </Link>
                        <TermLabel term={a.contribution} badge />
                      </span>
                    </li>
                  ))}
                </ul>
              </div>
            ) : e.isChange ? (
              <p className="text-xs text-muted-foreground">{t("noActions")}</p>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}

