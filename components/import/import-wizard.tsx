"use client";
// The import page's steps: choose a file → match columns → check the rows (and confirm new names)
// → import → done, with undo. Every step asks the server (app/api/import/*); nothing is decided here.
// The import runs in the background on the server: the wizard polls its job for progress, and the
// job's id stays in the URL (?job=) so that a reload or a visit elsewhere does not lose it.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import * as React from "react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { Spinner } from "@/components/ui/spinner";
import { fieldsOf, proposalKey, type DryRunReport, type ImportKind, type Mapping } from "@/lib/import/schemas";
import { ImportReport } from "./import-report";

type Problem = { key: string; values?: Record<string, string> };
type Done = { batchId: string; created: number; updated?: number; skipped: number; firstIds: string[] };
type Job = {
  status: "queued" | "running" | "done" | "failed";
  kind?: ImportKind;
  done: number;
  total: number;
  result?: Done;
  errorKey?: string;
  errorValues?: Record<string, string>;
};

/** How often the wizard asks for the job's progress. */
const POLL_MS = 700;

async function post(url: string, body?: FormData): Promise<{ ok: true; data: unknown } | { ok: false; problem: Problem }> {
  try {
    const res = await fetch(url, { method: "POST", body });
    const data = (await res.json()) as { error?: Problem };
    if (res.ok) return { ok: true, data };
    return { ok: false, problem: data.error?.key ? data.error : { key: "errors.unexpected", values: { ref: "" } } };
  } catch {
    return { ok: false, problem: { key: "errors.unexpected", values: { ref: "" } } };
  }
}

async function getJob(id: string): Promise<{ ok: true; job: Job } | { ok: false; problem: Problem | null }> {
  try {
    const res = await fetch(`/api/import/jobs/${encodeURIComponent(id)}`, { cache: "no-store" });
    const data = (await res.json()) as Job & { error?: Problem };
    if (res.ok) return { ok: true, job: data };
    return { ok: false, problem: data.error?.key ? data.error : { key: "errors.unexpected", values: { ref: "" } } };
  } catch {
    // the network hiccupped: ask again at the next tick
    return { ok: false, problem: null };
  }
}

export function ImportWizard({ resumeJobId }: { resumeJobId?: string }) {
  const t = useTranslations("import");
  const tRoot = useTranslations();
  const router = useRouter();
  const [kind, setKind] = React.useState<ImportKind>("action");
  const [file, setFile] = React.useState<File | null>(null);
  const [report, setReport] = React.useState<DryRunReport | null>(null);
  const [mapping, setMapping] = React.useState<Mapping>({});
  const [confirmed, setConfirmed] = React.useState<Set<string>>(new Set());
  const [busy, setBusy] = React.useState<"check" | "import" | "undo" | null>(resumeJobId ? "import" : null);
  const [problem, setProblem] = React.useState<Problem | null>(null);
  const [done, setDone] = React.useState<Done | null>(null);
  const [undone, setUndone] = React.useState(false);
  const [jobId, setJobId] = React.useState<string | null>(resumeJobId ?? null);
  const [progress, setProgress] = React.useState<{ done: number; total: number } | null>(null);

  // Follow the running job until it is over: then the report, or the reason it failed.
  React.useEffect(() => {
    if (!jobId) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = async () => {
      const r = await getJob(jobId);
      if (stopped) return;
      if (!r.ok && !r.problem) {
        timer = setTimeout(tick, POLL_MS);
        return;
      }
      const finish = (p: Problem | null, result?: Done) => {
        setJobId(null);
        setProgress(null);
        setBusy(null);
        if (p) setProblem(p);
        if (result) {
          setDone(result);
          router.refresh();
        }
      };
      if (!r.ok) return finish(r.problem);
      const job = r.job;
      if (job.kind) setKind(job.kind);
      if (job.status === "done" && job.result) return finish(null, job.result);
      if (job.status === "failed")
        return finish({ key: job.errorKey ?? "errors.unexpected", values: job.errorValues ?? { ref: "" } });
      setProgress({ done: job.done, total: job.total });
      timer = setTimeout(tick, POLL_MS);
    };
    void tick();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [jobId, router]);

  const form = (extra: Record<string, unknown>) => {
    const fd = new FormData();
    fd.set("file", file!);
    fd.set("request", JSON.stringify({ kind, mapping: report ? mapping : {}, confirmed: [...confirmed], ...extra }));
    return fd;
  };

  async function check(e?: React.FormEvent) {
    e?.preventDefault();
    if (!file) return setProblem({ key: "import.errors.noFile" });
    setBusy("check");
    setProblem(null);
    const r = await post("/api/import/dry-run", form({}));
    setBusy(null);
    if (!r.ok) return setProblem(r.problem);
    const rep = r.data as DryRunReport;
    setReport(rep);
    setMapping(rep.mapping);
  }

  async function runImport(skipBad: boolean) {
    setBusy("import");
    setProblem(null);
    const r = await post("/api/import/run", form({ skipBad }));
    if (!r.ok) {
      setBusy(null);
      return setProblem(r.problem);
    }
    const { jobId: id } = r.data as { jobId: string };
    setProgress({ done: 0, total: 0 });
    setJobId(id);
    router.replace(`/import?job=${encodeURIComponent(id)}`, { scroll: false });
  }

  async function undo() {
    setBusy("undo");
    setProblem(null);
    const r = await post(`/api/import/${done!.batchId}/undo`);
    setBusy(null);
    if (!r.ok) return setProblem(r.problem);
    setUndone(true);
    router.refresh();
  }

  function reset() {
    if (jobId || resumeJobId) router.replace("/import", { scroll: false });
    setJobId(null);
    setProgress(null);
    setFile(null);
    setReport(null);
    setMapping({});
    setConfirmed(new Set());
    setDone(null);
    setUndone(false);
    setProblem(null);
  }

  const alert = problem && (
    <Alert variant="destructive" data-testid="import-problem">
      <AlertDescription>
        {tRoot.has(problem.key) ? tRoot(problem.key, problem.values) : tRoot("errors.unexpected", { ref: "" })}
      </AlertDescription>
    </Alert>
  );
  const listHref = kind === "action" ? "/actions" : "/outcomes";
  const toWrite = report ? report.toCreate + report.toUpdate : 0;

  const progressBar = jobId && (
    <section className="space-y-2" aria-labelledby="import-progress">
      <h2 id="import-progress" className="text-lg font-semibold">
        {t("importing")}
      </h2>
      <div
        role="progressbar"
        aria-labelledby="import-progress"
        aria-valuemin={0}
        aria-valuemax={progress?.total || undefined}
        aria-valuenow={progress?.total ? progress.done : undefined}
        aria-valuetext={progress?.total ? t("progress.rows", progress) : t("progress.checking")}
        className="h-2 overflow-hidden rounded bg-muted"
      >
        <div
          className="h-full bg-primary transition-[width]"
          style={{ width: progress?.total ? `${Math.round((progress.done / progress.total) * 100)}%` : "0%" }}
        />
      </div>
      <p className="text-sm" aria-live="polite" data-testid="import-progress-text">
        {progress?.total ? t("progress.rows", progress) : t("progress.checking")}
      </p>
      <p className="text-sm text-muted-foreground">{t("progress.background")}</p>
    </section>
  );

  // Back to a running import (?job=) after a reload: no file and no report here, only its progress.
  if (jobId && !report)
    return (
      <div className="space-y-6">
        {progressBar}
        {alert}
      </div>
    );

  if (done)
    return (
      <section className="space-y-4" aria-labelledby="import-done">
        <h2 id="import-done" className="text-lg font-semibold">
          {t("steps.done")}
        </h2>
        <p role="status">{undone ? t("undone") : t("done", { created: done.created, updated: done.updated ?? 0, skipped: done.skipped })}</p>
        {alert}
        <div className="flex flex-wrap gap-2">
          {!undone && (
            <>
              <Button asChild variant="outline">
                <Link href={listHref}>{t("openList")}</Link>
              </Button>
              {done.firstIds[0] && (
                <Button asChild variant="outline">
                  <Link href={`${listHref}/${done.firstIds[0]}`}>{t("openRecord")}</Link>
                </Button>
              )}
              <Button variant="destructive" onClick={undo} disabled={busy !== null}>
                {busy === "undo" && <Spinner />} {t("undo")}
              </Button>
            </>
          )}
          <Button variant="secondary" onClick={reset}>
            {t("startOver")}
          </Button>
        </div>
      </section>
    );

  return (
    <div className="space-y-6">
      <form onSubmit={check} className="space-y-3" aria-labelledby="import-upload">
        <h2 id="import-upload" className="text-lg font-semibold">
          {t("steps.upload")}
        </h2>
        <div className="grid gap-3 sm:grid-cols-2">
          <div className="space-y-1">
            <Label htmlFor="import-kind">{t("kind.label")}</Label>
            <NativeSelect id="import-kind" value={kind} onChange={(e) => (reset(), setKind(e.target.value as ImportKind))}>
              <option value="action">{t("kind.action")}</option>
              <option value="outcome">{t("kind.outcome")}</option>
            </NativeSelect>
          </div>
          <div className="space-y-1">
            <Label htmlFor="import-file">{t("file")}</Label>
            <input
              id="import-file"
              type="file"
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              className="block w-full text-sm file:mr-3 file:rounded-md file:border file:bg-background file:px-3 file:py-1.5"
              onChange={(e) => {
                const f = e.target.files?.[0] ?? null;
                reset();
                setFile(f);
              }}
            />
          </div>
        </div>
        {!report && (
          <Button type="submit" disabled={!file || busy !== null}>
            {busy === "check" && <Spinner />} {busy === "check" ? t("checking") : t("check")}
          </Button>
        )}
      </form>
      {alert}

      {report && (
        <section className="space-y-3" aria-labelledby="import-map">
          <h2 id="import-map" className="text-lg font-semibold">
            {t("steps.map")}
          </h2>
          <p className="text-sm text-muted-foreground">{t("mapHint")}</p>
          <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
            {fieldsOf(kind).map((field) => (
              <div key={field} className="space-y-1">
                <Label htmlFor={`map-${field}`}>{t(`fields.${field}`)}</Label>
                <NativeSelect
                  id={`map-${field}`}
                  value={mapping[field] ?? ""}
                  onChange={(e) => setMapping((m) => ({ ...m, [field]: e.target.value || undefined }))}
                >
                  <option value="">{t("notImported")}</option>
                  {report.headers.map((h) => (
                    <option key={h} value={h}>
                      {h}
                    </option>
                  ))}
                </NativeSelect>
              </div>
            ))}
          </div>
        </section>
      )}

      {report && report.proposals.length > 0 && (
        <fieldset className="space-y-2 rounded-md border p-3">
          <legend className="px-1 font-semibold">{t("proposals.title")}</legend>
          <p className="text-sm text-muted-foreground">{t("proposals.hint")}</p>
          {report.proposals.map((p) => {
            const key = proposalKey(p);
            return (
              <label key={key} className="flex items-start gap-2 text-sm">
                <input
                  type="checkbox"
                  className="mt-0.5 size-4"
                  checked={confirmed.has(key)}
                  onChange={(e) =>
                    setConfirmed((s) => {
                      const next = new Set(s);
                      if (e.target.checked) next.add(key);
                      else next.delete(key);
                      return next;
                    })
                  }
                />
                {p.kind === "org"
                  ? t("proposals.org", { name: p.name, rows: p.rows })
                  : t("proposals.campaign", { name: p.name, rows: p.rows })}
              </label>
            );
          })}
        </fieldset>
      )}

      {report && (
        <section className="space-y-3" aria-labelledby="import-report">
          <h2 id="import-report" className="text-lg font-semibold">
            {t("steps.report")}
          </h2>
          <p role="status" data-testid="import-summary">
            {t("summary", {
              total: report.total,
              toCreate: report.toCreate,
              toUpdate: report.toUpdate,
              unchanged: report.unchanged,
              errors: report.errors,
            })}
          </p>
          <p className="text-sm text-muted-foreground">
            {report.kind === "action" ? t("updatesHint") : t("outcomesOnlyCreate")}
          </p>
          <div className="flex flex-wrap gap-2">
            <Button variant="outline" onClick={() => check()} disabled={busy !== null}>
              {busy === "check" && <Spinner />} {busy === "check" ? t("checking") : t("checkAgain")}
            </Button>
            <Button onClick={() => runImport(false)} disabled={busy !== null || report.errors > 0 || toWrite === 0}>
              {busy === "import" && <Spinner />} {busy === "import" ? t("importing") : t("import", { count: toWrite })}
            </Button>
            {report.errors > 0 && toWrite > 0 && (
              <Button variant="secondary" onClick={() => runImport(true)} disabled={busy !== null}>
                {t("skipBad", { count: report.errors })}
              </Button>
            )}
          </div>
          {progressBar}
          <ImportReport report={report} />
        </section>
      )}
    </div>
  );
}
