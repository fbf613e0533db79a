import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { ListToolbar } from "@/components/data-table/list-toolbar";
import { Pagination } from "@/components/data-table/pagination";
import { ExportMenu } from "@/components/exports/export-menu";
import { OrganizationsTable } from "@/components/organizations/organizations-table";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { termOptions } from "@/lib/form-options";
import { flattenSearchParams } from "@/lib/list-params";
import { findOrganizations } from "@/lib/organizations/queries";
import { ZOrganizationListParams } from "@/lib/organizations/schemas";
import { can } from "@/lib/permissions";
import { requirePageActor } from "@/lib/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("organizations"))("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function OrganizationsPage({ searchParams }: Props) {
  const actor = await requirePageActor();
  const [t, locale] = await Promise.all([getTranslations("organizations"), getLocale()]);
  const raw = flattenSearchParams(await searchParams);
  const params = ZOrganizationListParams.parse(raw);
  const [page, kinds] = await Promise.all([findOrganizations({ actor, params: raw }), termOptions("ORGANIZATION_KIND", locale)]);
  const filtered = Boolean(params.q || params.kind || params.parent);
  const canCreate = can(actor, "reference.write");

  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          canCreate || can(actor, "export.run") ? (
            <>
              {can(actor, "export.run") && <ExportMenu list="organizations" total={page.total} />}
              {canCreate && (
                <Button asChild>
                  <Link href="/organizations/new">{t("new")}</Link>
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
          filters={[{ name: "kind", label: t("fields.kind"), allLabel: t("filters.allKinds"), options: kinds }]}
        />
        <OrganizationsTable rows={page.rows} sort={params.sort} dir={params.dir} filtered={filtered} canCreate={canCreate} />
        <Pagination page={page.page} pageCount={page.pageCount} size={page.size} total={page.total} countLabel={t("count", { count: page.total })} />
      </div>
    </>
  );
}
