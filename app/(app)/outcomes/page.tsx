import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { ListToolbar } from "@/components/data-table/list-toolbar";
import { CursorPagination } from "@/components/data-table/pagination";
import { ExportMenu } from "@/components/exports/export-menu";
import { OutcomesTable } from "@/components/outcomes/outcomes-table";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { listCampaignOptions } from "@/lib/campaigns/queries";
import { termOptions } from "@/lib/form-options";
import { flattenSearchParams } from "@/lib/list-params";
import { listOrganizationOptions } from "@/lib/organizations/queries";
import { findOutcomes } from "@/lib/outcomes/queries";
import { ZOutcomeListParams } from "@/lib/outcomes/schemas";
import { can } from "@/lib/permissions";
import { requirePageActor } from "@/lib/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("outcomes"))("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function OutcomesPage({ searchParams }: Props) {
  const actor = await requirePageActor();
  const [t, tl, locale] = await Promise.all([getTranslations("outcomes"), getTranslations("languages.filter"), getLocale()]);
  const raw = flattenSearchParams(await searchParams);
  const params = ZOutcomeListParams.parse(raw);
  const [page, types, verifications, organizations, campaigns] = await Promise.all([
    findOutcomes({ actor, params: raw }),
    termOptions("OUTCOME_TYPE", locale),
    termOptions("VERIFICATION", locale),
    listOrganizationOptions({ actor, locale }),
    listCampaignOptions({ actor, locale }),
  ]);
  const filtered = Boolean(
    params.q ||
    params.type ||
    params.verification ||
    params.org ||
    params.campaign ||
    params.from ||
    params.to ||
    params.needsTranslation,
  );

  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          can(actor, "record.create") || can(actor, "export.run") ? (
            <>
              {can(actor, "export.run") && <ExportMenu list="outcomes" total={page.total} />}
              {can(actor, "record.create") && (
                <Button asChild>
                  <Link href="/outcomes/new">{t("new")}</Link>
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
            { name: "type", label: t("fields.type"), allLabel: t("filters.allTypes"), options: types },
            {
              name: "verification",
              label: t("fields.verification"),
              allLabel: t("filters.allVerifications"),
              options: verifications,
            },
            { name: "org", label: t("fields.organization"), allLabel: t("filters.allOrganizations"), options: organizations },
            { name: "campaign", label: t("fields.campaign"), allLabel: t("filters.allCampaigns"), options: campaigns },
            { name: "needsTranslation", label: tl("label"), allLabel: tl("all"), options: [{ value: "1", label: tl("needed") }] },
          ]}
          dateRange={{ fromLabel: t("filters.from"), toLabel: t("filters.to") }}
        />
        <OutcomesTable
          rows={page.rows}
          sort={params.sort}
          dir={params.dir}
          filtered={filtered}
          canCreate={can(actor, "record.create")}
        />
        <CursorPagination
          count={page.rows.length}
          size={page.size}
          total={page.total}
          totalExact={page.totalExact}
          next={page.next}
          prev={page.prev}
          countLabel={page.totalExact ? t("count", { count: page.total }) : undefined}
        />
      </div>
    </>
  );
}
