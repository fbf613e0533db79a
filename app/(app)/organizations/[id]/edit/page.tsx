import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { updateOrganizationAction } from "@/app/(app)/organizations/server-actions";
import { OrganizationForm } from "@/components/organizations/organization-form";
import { Forbidden } from "@/components/records/forbidden";
import { Breadcrumbs, PageHeader } from "@/components/ui/page-header";
import { denyPage } from "@/lib/access-denied";
import { termOptions } from "@/lib/form-options";
import { orNotFound } from "@/lib/not-found";
import { getOrganization, listOrganizationOptions } from "@/lib/organizations/queries";
import { can } from "@/lib/permissions";
import { requirePageActor } from "@/lib/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("organizations"))("edit") };
}

export default async function EditOrganizationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageActor();
  const [t, tc] = await Promise.all([getTranslations("organizations"), getTranslations("common")]);
  // Hides the form from those who may not save it; updateOrganization refuses them anyway.
  if (!can(actor, "reference.write")) {
    await denyPage(actor, "reference.write", "page /organizations/[id]/edit", { entity: "Organization", id });
    return <Forbidden />;
  }
  const [org, kinds, organizations] = await Promise.all([
    orNotFound(getOrganization({ actor, id })),
    termOptions("ORGANIZATION_KIND", await getLocale()),
    listOrganizationOptions({ actor, locale: await getLocale() }),
  ]);
  const values = {
    expectedVersion: org.version,
    name: org.name,
    nameUk: org.nameUk ?? "",
    acronym: org.acronym ?? "",
    kind: org.kind.code,
    parentId: org.parent?.id ?? "",
    country: org.country ?? "",
    website: org.website ?? "",
    notes: org.notes ?? "",
  };

  return (
    <>
      <PageHeader
        title={t("edit")}
        description={org.name}
        breadcrumbs={
          <Breadcrumbs
            label={tc("nav.breadcrumbs")}
            items={[
              { label: t("title"), href: "/organizations" },
              { label: org.acronym ?? org.name, href: `/organizations/${id}` },
              { label: t("edit") },
            ]}
          />
        }
      />
      <div className="max-w-4xl rounded-lg border bg-card p-4 sm:p-6">
        <OrganizationForm
          action={updateOrganizationAction.bind(null, id)}
          // An organization cannot be its own parent (lib also refuses deeper cycles).
          options={{ kinds, organizations: organizations.filter((o) => o.value !== id) }}
          defaults={values}
          submitLabel={t("save")}
          cancelHref={`/organizations/${id}`}
        />
      </div>
    </>
  );
}
