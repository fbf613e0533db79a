import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { createActionAction } from "@/app/(app)/actions/server-actions";
import { ActionForm } from "@/components/actions/action-form";
import { Forbidden } from "@/components/records/forbidden";
import { Breadcrumbs, PageHeader } from "@/components/ui/page-header";
import { actionFormOptions } from "@/lib/form-options";
import { can } from "@/lib/permissions";
import { requirePageActor } from "@/lib/session";
import { todayIso } from "@/lib/dates";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("actions"))("new") };
}

export default async function NewActionPage() {
  const actor = await requirePageActor();
  const [t, tc] = await Promise.all([getTranslations("actions"), getTranslations("common")]);
  if (!can(actor, "record.create")) return <Forbidden />;
  const options = await actionFormOptions(actor, await getLocale());
  return (
    <>
      <PageHeader
        title={t("new")}
        breadcrumbs={<Breadcrumbs label={tc("nav.breadcrumbs")} items={[{ label: t("title"), href: "/actions" }, { label: t("new") }]} />}
      />
      <div className="max-w-4xl rounded-lg border bg-card p-4 sm:p-6">
        <ActionForm
          action={createActionAction}
          options={options}
          submitLabel={t("create")}
          cancelHref="/actions"
          defaults={{
            date: todayIso(),
            datePrecision: "DAY",
            status: "DRAFT",
            confidentiality: "INTERNAL",
            participantIds: [actor.id],
            organizationIds: [],
            campaignIds: [],
          }}
        />
      </div>
    </>
  );
}
