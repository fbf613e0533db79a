import { Printer } from "lucide-react";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { AnchorsTable } from "@/components/audit/anchors-table";
import { AuditTable } from "@/components/audit/audit-table";
import { ExportMenu } from "@/components/exports/export-menu";
import { VerifyPanel } from "@/components/audit/verify-panel";
import { ListToolbar } from "@/components/data-table/list-toolbar";
import { Pagination } from "@/components/data-table/pagination";
import { Forbidden } from "@/components/records/forbidden";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { denyPage } from "@/lib/access-denied";
import { listAnchors } from "@/lib/audit-log/chain";
import { findAuditEvents, listAuditFilterOptions } from "@/lib/audit-log/queries";
import { SYSTEM_ACTOR, ZAuditListParams } from "@/lib/audit-log/schemas";
import { flattenSearchParams } from "@/lib/list-params";
import { can } from "@/lib/permissions";
import { requirePageActor } from "@/lib/session";
import { verifyAuditChainAction } from "./server-actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("audit"))("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const RECENT_ANCHORS = 5;

export default async function AuditPage({ searchParams }: Props) {
  const actor = await requirePageActor();
  // The page only hides itself; lib/audit-log refuses the data to anyone without audit.read anyway.
  if (!can(actor, "audit.read")) {
    await denyPage(actor, "audit.read", "page /audit");
    return <Forbidden />;
  }
  const t = await getTranslations("audit");
  const raw = flattenSearchParams(await searchParams);
  const params = ZAuditListParams.parse(raw);
  const [page, options, anchors] = await Promise.all([
    findAuditEvents({ actor, params: raw }),
    listAuditFilterOptions({ actor }),
    listAnchors({ actor, take: RECENT_ANCHORS }),
  ]);
  const filtered = Boolean(params.q || params.actor || params.event || params.entity || params.from || params.to);
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          // The export reproduces the list: same filters, search and sort (not the page).
          can(actor, "export.run") ? <ExportMenu list="audit" total={page.total} /> : null
        }
      />
      <div className="mb-8 grid gap-6 lg:grid-cols-2">
        <VerifyPanel action={verifyAuditChainAction} />
        <Card>
          <CardHeader>
            <CardTitle>{t("anchors.title")}</CardTitle>
            <CardDescription>{t("anchors.description")}</CardDescription>
          </CardHeader>
          <CardContent className="space-y-3">
            <AnchorsTable anchors={anchors} />
            <Link
              href="/audit/anchors"
              className="inline-flex items-center gap-1.5 text-sm font-medium text-primary hover:underline"
            >
              <Printer aria-hidden className="size-4" />
              {t("anchors.printable")}
            </Link>
          </CardContent>
        </Card>
      </div>
      <div className="space-y-4">
        <ListToolbar
          searchLabel={t("search")}
          searchPlaceholder={t("searchPlaceholder")}
          filters={[
            {
              name: "actor",
              label: t("filters.actor"),
              allLabel: t("filters.allActors"),
              options: [{ value: SYSTEM_ACTOR, label: t("filters.system") }, ...options.actors],
            },
            {
              name: "event",
              label: t("filters.event"),
              allLabel: t("filters.allEvents"),
              options: options.events.map((e) => ({ value: e, label: e })),
            },
            {
              name: "entity",
              label: t("filters.entity"),
              allLabel: t("filters.allEntities"),
              options: options.entities.map((e) => ({ value: e, label: e })),
            },
          ]}
          dateRange={{ fromLabel: t("filters.from"), toLabel: t("filters.to") }}
        />
        <AuditTable rows={page.rows} sort={params.sort} dir={params.dir} filtered={filtered} />
        <Pagination page={page.page} pageCount={page.pageCount} size={page.size} total={page.total} />
      </div>
    </>
  );
}
