import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { updateCampaignAction } from "@/app/(app)/campaigns/server-actions";
import { CampaignForm } from "@/components/campaigns/campaign-form";
import { Forbidden } from "@/components/records/forbidden";
import { Breadcrumbs, PageHeader } from "@/components/ui/page-header";
import { auditDenial } from "@/lib/access-denied";
import { getCampaignForEdit, listCampaignOptions } from "@/lib/campaigns/queries";
import { isAppError } from "@/lib/errors";
import { termOptions } from "@/lib/form-options";
import { orNotFound } from "@/lib/not-found";
import { listOrganizationOptions } from "@/lib/organizations/queries";
import { requirePageActor } from "@/lib/session";
import { listUserOptions } from "@/lib/users/queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("campaigns"))("edit") };
}

export default async function EditCampaignPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageActor();
  const [t, tc] = await Promise.all([getTranslations("campaigns"), getTranslations("common")]);
  let record;
  try {
    record = await orNotFound(getCampaignForEdit({ actor, id }));
  } catch (e) {
    if (isAppError(e) && e.code === "FORBIDDEN") {
      await auditDenial(e, "page /campaigns/[id]/edit");
      return <Forbidden />;
    }
    throw e;
  }
  const [statuses, users, organizations, campaigns] = await Promise.all([
    termOptions("CAMPAIGN_STATUS", await getLocale()),
    listUserOptions({ actor }),
    listOrganizationOptions({ actor, locale: await getLocale() }),
    listCampaignOptions({ actor, locale: await getLocale() }),
  ]);

  return (
    <>
      <PageHeader
        title={t("edit")}
        description={record.values.title}
        breadcrumbs={
          <Breadcrumbs
            label={tc("nav.breadcrumbs")}
            items={[
              { label: t("title"), href: "/campaigns" },
              { label: record.values.title, href: `/campaigns/${id}` },
              { label: t("edit") },
            ]}
          />
        }
      />
      <div className="max-w-4xl rounded-lg border bg-card p-4 sm:p-6">
        <CampaignForm
          action={updateCampaignAction.bind(null, id)}
          // A campaign cannot be its own parent (lib also refuses deeper cycles).
          options={{ statuses, users, organizations, campaigns: campaigns.filter((c) => c.value !== id) }}
          defaults={record.values}
          submitLabel={t("save")}
          cancelHref={`/campaigns/${id}`}
        />
      </div>
    </>
  );
}
