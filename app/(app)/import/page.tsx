import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { ImportWizard } from "@/components/import/import-wizard";
import { UndoImportButton } from "@/components/import/undo-import-button";
import { Forbidden } from "@/components/records/forbidden";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { denyPage } from "@/lib/access-denied";
import { findImportBatches } from "@/lib/import/queries";
import { can } from "@/lib/permissions";
import { requirePageActor } from "@/lib/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("import"))("title") };
}

// The import of past logs (issue 8): the steps, then the past imports with their undo.
// ?job=<id>: an import started here and running in the background; the wizard follows it again after
// a reload or a visit elsewhere in the app.
export default async function ImportPage({ searchParams }: { searchParams: Promise<{ job?: string | string[] }> }) {
  const actor = await requirePageActor();
  if (!can(actor, "import.run")) {
    await denyPage(actor, "import.run", "page /import");
    return <Forbidden />;
  }
  const [t, format, batches] = await Promise.all([getTranslations("import"), getFormatter(), findImportBatches({ actor })]);
  const { job } = await searchParams;
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <ImportWizard resumeJobId={typeof job === "string" ? job : undefined} />
      <section className="mt-10 space-y-3" aria-labelledby="past-imports">
        <h2 id="past-imports" className="text-lg font-semibold">
          {t("past.title")}
        </h2>
        {batches.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t("past.empty")}</p>
        ) : (
          <Table scrollLabel={t("past.title")}>
            <TableHeader>
              <TableRow>
                <TableHead>{t("past.file")}</TableHead>
                <TableHead>{t("kind.label")}</TableHead>
                <TableHead>{t("past.by")}</TableHead>
                <TableHead>{t("past.at")}</TableHead>
                <TableHead>{t("past.counts")}</TableHead>
                <TableHead>{t("past.state")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {batches.map((b) => (
                <TableRow key={b.id}>
                  <TableCell className="break-all">{b.fileName}</TableCell>
                  <TableCell>{b.kind === "action" ? t("kind.action") : t("kind.outcome")}</TableCell>
                  <TableCell>{b.by}</TableCell>
                  <TableCell>{format.dateTime(new Date(b.at), { dateStyle: "medium", timeStyle: "short" })}</TableCell>
                  <TableCell>
                    {b.created} / {b.updated} / {b.skipped}
                  </TableCell>
                  <TableCell>
                    {b.undoneAt ? (
                      `${t("past.undoneAt")} ${format.dateTime(new Date(b.undoneAt), { dateStyle: "medium" })}`
                    ) : (
                      <span className="flex flex-wrap items-center gap-2">
                        {t("past.active")} <UndoImportButton batchId={b.id} />
                      </span>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </section>
    </>
  );
}
