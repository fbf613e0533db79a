import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { createOrganizationAction } from "@/app/(app)/organizations/server-actions";
import { OrganizationForm } from "@/components/organizations/organization-form";
import { Forbidden } from "@/components/records/forbidden";
import { Breadcrumbs, PageHeader } from "@/components/ui/page-header";
import { denyPage } from "@/lib/access-denied";
import { termOptions } from "@/lib/form-options";
import { listOrganizationOptions } from "@/lib/organizations/queries";
import { can } from "@/lib/permissions";
import { requirePageActor } from "@/lib/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("organizations"))("new") };
}

type Props = { searchParams: Promise<{ parent?: string | string[] }> };

export default async function NewOrganizationPage({ searchParams }: Props) {
  const actor = await requirePageActor();
  const [t, tc] = await Promise.all([getTranslations("organizations"), getTranslations("common")]);
  if (!can(actor, "reference.write")) {
    await denyPage(actor, "reference.write", "page /organizations/new");
    return <Forbidden />;
  }
  const [kinds, organizations] = await Promise.all([
    termOptions("ORGANIZATION_KIND", await getLocale()),
    listOrganizationOptions({ actor, locale: await getLocale() }),
  ]);
  // "Add sub-body" on an organization's page links here with ?parent=<id>; an unknown id is ignored.
  const { parent } = await searchParams;
  const parentId = typeof parent === "string" && organizations.some((o) => o.value === parent) ? parent : "";

  return (
    <>
      <PageHeader
        title={t("new")}
        breadcrumbs={
          <Breadcrumbs
            label={tc("nav.breadcrumbs")}
            items={[{ label: t("title"), href: "/organizations" }, { label: t("new") }]}
          />
        }
      />
      <div className="max-w-4xl rounded-lg border bg-card p-4 sm:p-6">
        <OrganizationForm
          action={createOrganizationAction}
          options={{ kinds, organizations }}
          submitLabel={t("create")}
          cancelHref={parentId ? `/organizations/${parentId}` : "/organizations"}
          // idempotencyKey: one per rendered form, so a double submit or a retry makes one record
          defaults={{ idempotencyKey: randomUUID(), parentId }}
        />
      </div>
    </>
  );
}
