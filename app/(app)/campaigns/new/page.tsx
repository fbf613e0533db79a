import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { createCampaignAction } from "@/app/(app)/campaigns/server-actions";
import { CampaignForm } from "@/components/campaigns/campaign-form";
import { Forbidden } from "@/components/records/forbidden";
import { Breadcrumbs, PageHeader } from "@/components/ui/page-header";
import { denyPage } from "@/lib/access-denied";
import { listCampaignOptions } from "@/lib/campaigns/queries";
import { termOptions } from "@/lib/form-options";
import { listOrganizationOptions } from "@/lib/organizations/queries";
import { can } from "@/lib/permissions";
import { requirePageActor } from "@/lib/session";
import { listUserOptions } from "@/lib/users/queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("campaigns"))("new") };
}

type Props = { searchParams: Promise<{ parent?: string | string[] }> };

export default async function NewCampaignPage({ searchParams }: Props) {
  const actor = await requirePageActor();
  const [t, tc] = await Promise.all([getTranslations("campaigns"), getTranslations("common")]);
  if (!can(actor, "reference.write")) {
    await denyPage(actor, "reference.write", "page /campaigns/new");
    return <Forbidden />;
  }
  const [statuses, users, organizations, campaigns] = await Promise.all([
    termOptions("CAMPAIGN_STATUS", await getLocale()),
    listUserOptions({ actor }),
    listOrganizationOptions({ actor, locale: await getLocale() }),
    listCampaignOptions({ actor, locale: await getLocale() }),
  ]);
  // "Add sub-goal" on a campaign's page links here with ?parent=<id>; an unknown id is ignored.
  const { parent } = await searchParams;
  const parentId = typeof parent === "string" && campaigns.some((c) => c.value === parent) ? parent : "";

  return (
    <>
      <PageHeader
        title={t("new")}
        breadcrumbs={
          <Breadcrumbs label={tc("nav.breadcrumbs")} items={[{ label: t("title"), href: "/campaigns" }, { label: t("new") }]} />
        }
      />
      <div className="max-w-4xl rounded-lg border bg-card p-4 sm:p-6">
        <CampaignForm
          action={createCampaignAction}
          options={{ statuses, users, organizations, campaigns }}
          submitLabel={t("create")}
          cancelHref={parentId ? `/campaigns/${parentId}` : "/campaigns"}
          // idempotencyKey: one per rendered form, so a double submit or a retry makes one record
          defaults={{ idempotencyKey: randomUUID(), status: "ACTIVE", priority: "MEDIUM", ownerId: actor.id, parentId }}
        />
      </div>
    </>
  );
}
