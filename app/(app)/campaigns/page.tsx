import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { CampaignsTable } from "@/components/campaigns/campaigns-table";
import { ListToolbar } from "@/components/data-table/list-toolbar";
import { Pagination } from "@/components/data-table/pagination";
import { ExportMenu } from "@/components/exports/export-menu";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { findCampaigns } from "@/lib/campaigns/queries";
import { PRIORITIES, ZCampaignListParams } from "@/lib/campaigns/schemas";
import { termOptions } from "@/lib/form-options";
import { flattenSearchParams } from "@/lib/list-params";
import { can } from "@/lib/permissions";
import { requirePageActor } from "@/lib/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("campaigns"))("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function CampaignsPage({ searchParams }: Props) {
  const actor = await requirePageActor();
  const [t, locale] = await Promise.all([getTranslations("campaigns"), getLocale()]);
  const raw = flattenSearchParams(await searchParams);
  const params = ZCampaignListParams.parse(raw);
  const [page, statuses] = await Promise.all([findCampaigns({ actor, params: raw }), termOptions("CAMPAIGN_STATUS", locale)]);
  const filtered = Boolean(params.q || params.status || params.priority);
  const canCreate = can(actor, "reference.write");

  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          canCreate || can(actor, "export.run") ? (
            <>
              {can(actor, "export.run") && <ExportMenu list="campaigns" total={page.total} />}
              {canCreate && (
                <Button asChild>
                  <Link href="/campaigns/new">{t("new")}</Link>
                </Button>
              )}
            </>
          ) : null
        }
      />
      <div className="space-y-4">
        <ListToolbar
          searchLabel={t("search")}
          searchPlaceholder={t("searchPlaceholder")}
          filters={[
            { name: "status", label: t("fields.status"), allLabel: t("filters.allStatuses"), options: statuses },
            {
              name: "priority",
              label: t("fields.priority"),
              allLabel: t("filters.allPriorities"),
              options: PRIORITIES.map((p) => ({ value: p, label: t(`priority.${p}`) })),
            },
          ]}
        />
        <CampaignsTable rows={page.rows} sort={params.sort} dir={params.dir} filtered={filtered} canCreate={canCreate} />
        <Pagination page={page.page} pageCount={page.pageCount} size={page.size} total={page.total} countLabel={t("count", { count: page.total })} />
      </div>
    </>
  );
}
