import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { createOutcomeAction } from "@/app/(app)/outcomes/server-actions";
import { OutcomeForm } from "@/components/outcomes/outcome-form";
import { Forbidden } from "@/components/records/forbidden";
import { Breadcrumbs, PageHeader } from "@/components/ui/page-header";
import { denyPage } from "@/lib/access-denied";
import { outcomeFormOptions } from "@/lib/form-options";
import { can } from "@/lib/permissions";
import { requirePageActor } from "@/lib/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("outcomes"))("new") };
}

export default async function NewOutcomePage() {
  const actor = await requirePageActor();
  const [t, tc] = await Promise.all([getTranslations("outcomes"), getTranslations("common")]);
  if (!can(actor, "record.create")) {
    await denyPage(actor, "record.create", "page /outcomes/new");
    return <Forbidden />;
  }
  const options = await outcomeFormOptions(actor, await getLocale());
  return (
    <>
      <PageHeader
        title={t("new")}
        breadcrumbs={
          <Breadcrumbs label={tc("nav.breadcrumbs")} items={[{ label: t("title"), href: "/outcomes" }, { label: t("new") }]} />
        }
      />
      <div className="max-w-4xl rounded-lg border bg-card p-4 sm:p-6">
        <OutcomeForm
          action={createOutcomeAction}
          options={options}
          submitLabel={t("create")}
          cancelHref="/outcomes"
          // idempotencyKey: one per rendered form, so a double submit or a retry makes one record
          defaults={{ idempotencyKey: randomUUID(), datePrecision: "DAY", verification: "REPORTED", confidentiality: "INTERNAL", campaignIds: [] }}
        />
      </div>
    </>
  );
}
