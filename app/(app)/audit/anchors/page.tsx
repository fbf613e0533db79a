import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { AnchorsTable } from "@/components/audit/anchors-table";
import { PrintButton } from "@/components/audit/print-button";
import { Forbidden } from "@/components/records/forbidden";
import { Breadcrumbs, PageHeader } from "@/components/ui/page-header";
import { denyPage } from "@/lib/access-denied";
import { listAnchors } from "@/lib/audit-log/chain";
import { can } from "@/lib/permissions";
import { requirePageActor } from "@/lib/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("audit.anchors"))("printTitle") };
}

const PRINTED = 366;

// The anchors as a document to print and file: the app's navigation is hidden in print (app-shell's
// print: classes), the hashes are printed in full.
export default async function AuditAnchorsPage() {
  const actor = await requirePageActor();
  if (!can(actor, "audit.read")) {
    await denyPage(actor, "audit.read", "page /audit/anchors");
    return <Forbidden />;
  }
  const [t, tc, anchors] = await Promise.all([
    getTranslations("audit"),
    getTranslations("common"),
    listAnchors({ actor, take: PRINTED }),
  ]);
  const now = new Date().toISOString().replace("T", " ").replace(/Z$/, "");
  return (
    <>
      <PageHeader
        title={t("anchors.printTitle")}
        breadcrumbs={
          <div className="print:hidden">
            <Breadcrumbs
              label={tc("nav.breadcrumbs")}
              items={[{ label: t("title"), href: "/audit" }, { label: t("anchors.title") }]}
            />
          </div>
        }
        description={
          <>
            {t("anchors.description")} {t("anchors.printedAt", { time: now, name: actor.name })}{" "}
            {anchors.length > 0 && t("anchors.latest", { count: anchors.length })}
          </>
        }
        actions={<PrintButton label={t("anchors.print")} />}
      />
      <AnchorsTable anchors={anchors} />
      <p className="mt-6 print:hidden">
        <Link href="/audit" className="text-sm font-medium text-primary hover:underline">
          {t("anchors.back")}
        </Link>
      </p>
    </>
  );
}
