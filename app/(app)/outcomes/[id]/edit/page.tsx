import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { updateOutcomeAction } from "@/app/(app)/outcomes/server-actions";
import { OutcomeForm } from "@/components/outcomes/outcome-form";
import { Forbidden } from "@/components/records/forbidden";
import { Breadcrumbs, PageHeader } from "@/components/ui/page-header";
import { auditDenial } from "@/lib/access-denied";
import { isAppError } from "@/lib/errors";
import { outcomeFormOptions } from "@/lib/form-options";
import { orNotFound } from "@/lib/not-found";
import { getOutcomeForEdit } from "@/lib/outcomes/queries";
import { requirePageActor } from "@/lib/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("outcomes"))("edit") };
}

export default async function EditOutcomePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageActor();
  const [t, tc] = await Promise.all([getTranslations("outcomes"), getTranslations("common")]);
  let record;
  try {
    record = await orNotFound(getOutcomeForEdit({ actor, id }));
  } catch (e) {
    if (isAppError(e) && e.code === "FORBIDDEN") {
      await auditDenial(e, "page /outcomes/[id]/edit");
      return <Forbidden />;
    }
    throw e;
  }
  const options = await outcomeFormOptions(actor, await getLocale());
  return (
    <>
      <PageHeader
        title={t("edit")}
        breadcrumbs={
          <Breadcrumbs
            label={tc("nav.breadcrumbs")}
            items={[
              { label: t("title"), href: "/outcomes" },
              { label: record.values.title, href: `/outcomes/${id}` },
              { label: t("edit") },
            ]}
          />
        }
      />
      <div className="max-w-4xl rounded-lg border bg-card p-4 sm:p-6">
        <OutcomeForm
          action={updateOutcomeAction.bind(null, id)}
          options={options}
          defaults={record.values}
          submitLabel={t("save")}
          cancelHref={`/outcomes/${id}`}
        />
      </div>
    </>
  );
}
