import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { updateActionAction } from "@/app/(app)/actions/server-actions";
import { ActionForm } from "@/components/actions/action-form";
import { Forbidden } from "@/components/records/forbidden";
import { Breadcrumbs, PageHeader } from "@/components/ui/page-header";
import { auditDenial } from "@/lib/access-denied";
import { getActionForEdit } from "@/lib/actions/queries";
import { isAppError } from "@/lib/errors";
import { actionFormOptions } from "@/lib/form-options";
import { orNotFound } from "@/lib/not-found";
import { requirePageActor } from "@/lib/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("actions"))("edit") };
}

export default async function EditActionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageActor();
  const [t, tc] = await Promise.all([getTranslations("actions"), getTranslations("common")]);
  let record;
  try {
    record = await orNotFound(getActionForEdit({ actor, id }));
  } catch (e) {
    if (isAppError(e) && e.code === "FORBIDDEN") {
      await auditDenial(e, "page /actions/[id]/edit");
      return <Forbidden />;
    }
    throw e;
  }
  const options = await actionFormOptions(actor, await getLocale());
  return (
    <>
      <PageHeader
        title={t("edit")}
        breadcrumbs={
          <Breadcrumbs
            label={tc("nav.breadcrumbs")}
            items={[
              { label: t("title"), href: "/actions" },
              { label: record.values.title, href: `/actions/${id}` },
              { label: t("edit") },
            ]}
          />
        }
      />
      <div className="max-w-4xl rounded-lg border bg-card p-4 sm:p-6">
        <ActionForm
          action={updateActionAction.bind(null, id)}
          options={options}
          defaults={record.values}
          submitLabel={t("save")}
          cancelHref={`/actions/${id}`}
        />
      </div>
    </>
  );
}
