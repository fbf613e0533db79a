import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { RunJobButton } from "@/components/jobs/run-job-button";
import { Forbidden } from "@/components/records/forbidden";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { denyPage } from "@/lib/access-denied";
import { jobKey, jobResultMessage } from "@/lib/jobs/format";
import { listJobs } from "@/lib/jobs/queries";
import { can } from "@/lib/permissions";
import { requirePageActor } from "@/lib/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("jobs"))("title") };
}

export default async function JobsPage() {
  const actor = await requirePageActor();
  if (!can(actor, "jobs.manage")) {
    await denyPage(actor, "jobs.manage", "page /admin/jobs");
    return <Forbidden />;
  }
  const [t, format, { jobs, smtp }] = await Promise.all([getTranslations("jobs"), getFormatter(), listJobs({ actor })]);
  const when = (iso: string | null) =>
    iso ? <time dateTime={iso}>{format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short" })}</time> : t("never");
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <p className="mb-4 flex flex-wrap items-center gap-2 rounded-lg border bg-card px-4 py-3 text-sm">
        <Badge variant={smtp ? "success" : "neutral"}>SMTP</Badge>
        {smtp ? t("smtpOn") : t("smtpOff")}
      </p>
      <div className="overflow-x-auto rounded-lg border bg-card">
        <Table>
          <caption className="sr-only">{t("title")}</caption>
          <TableHeader>
            <TableRow>
              <TableHead>{t("columns.job")}</TableHead>
              <TableHead>{t("columns.every")}</TableHead>
              <TableHead>{t("columns.lastRun")}</TableHead>
              <TableHead>{t("columns.result")}</TableHead>
              <TableHead>{t("columns.nextRun")}</TableHead>
              <TableHead>
                <span className="sr-only">{t("runNow")}</span>
              </TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {jobs.map((job) => {
              const message = jobResultMessage(job.name, job.lastResult, job.lastError);
              return (
                <TableRow key={job.name}>
                  <TableCell className="max-w-sm align-top">
                    <div className="font-medium">{t(`names.${jobKey(job.name)}`)}</div>
                    <div className="text-xs whitespace-normal text-muted-foreground">{t(`descriptions.${jobKey(job.name)}`)}</div>
                  </TableCell>
                  <TableCell className="align-top">{t("every", { minutes: job.everyMinutes })}</TableCell>
                  <TableCell className="align-top">{job.running ? <Badge>{t("running")}</Badge> : when(job.lastFinishedAt)}</TableCell>
                  <TableCell className={job.lastError ? "align-top text-destructive" : "align-top"}>
                    {message ? t(message.key as never, message.values as never) : "—"}
                  </TableCell>
                  <TableCell className="align-top">{when(job.nextRunAt)}</TableCell>
                  <TableCell className="align-top">
                    <RunJobButton name={job.name} label={t(`names.${jobKey(job.name)}`)} />
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </div>
    </>
  );
}
