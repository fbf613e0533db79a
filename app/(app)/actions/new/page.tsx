import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { createActionAction } from "@/app/(app)/actions/server-actions";
import { ActionForm } from "@/components/actions/action-form";
import { Forbidden } from "@/components/records/forbidden";
import { Breadcrumbs, PageHeader } from "@/components/ui/page-header";
import { denyPage } from "@/lib/access-denied";
import { actionFormOptions } from "@/lib/form-options";
import { can } from "@/lib/permissions";
import { requirePageActor } from "@/lib/session";
import { todayIso } from "@/lib/dates";
import { ZNewActionDefaults } from "@/lib/deadlines/links";
import { flattenSearchParams } from "@/lib/list-params";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("actions"))("new") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function NewActionPage({ searchParams }: Props) {
  const actor = await requirePageActor();
  const [t, tc] = await Promise.all([getTranslations("actions"), getTranslations("common")]);
  if (!can(actor, "record.create")) {
    await denyPage(actor, "record.create", "page /actions/new");
    return <Forbidden />;
  }
  const options = await actionFormOptions(actor, await getLocale());
  // A suggested follow-up (e.g. from an outcome's deadline) fills some fields in through the URL;
  // only values the form itself offers are taken.
  const today = todayIso();
  const q = ZNewActionDefaults.parse(flattenSearchParams(await searchParams));
  const known = (list: { value: string }[], ids: string[] | undefined) =>
    (ids ?? []).filter((id) => list.some((o) => o.value === id));
  const suggested = {
    ...(q.title ? { title: q.title } : {}),
    ...(q.type && options.types.some((o) => o.value === q.type) ? { type: q.type } : {}),
    ...(q.followUpDue && q.followUpDue >= today ? { followUpDue: q.followUpDue } : {}),
  };
  return (
    <>
      <PageHeader
        title={t("new")}
        breadcrumbs={
          <Breadcrumbs label={tc("nav.breadcrumbs")} items={[{ label: t("title"), href: "/actions" }, { label: t("new") }]} />
        }
      />
      <div className="max-w-4xl rounded-lg border bg-card p-4 sm:p-6">
        <ActionForm
          action={createActionAction}
          options={options}
          submitLabel={t("create")}
          cancelHref="/actions"
          defaults={{
            // one key per rendered form: a double submit or a retry makes one action
            idempotencyKey: randomUUID(),
            ...suggested,
            date: today,
            datePrecision: "DAY",
            status: "DRAFT",
            confidentiality: "INTERNAL",
            participantIds: [actor.id],
            organizationIds: known(options.organizations, q.organizationIds),
            campaignIds: known(options.campaigns, q.campaignIds),
          }}
        />
      </div>
    </>
  );
}
