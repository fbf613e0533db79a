import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Forbidden } from "@/components/records/forbidden";
import { UserForm } from "@/components/users/user-form";
import { Breadcrumbs, PageHeader } from "@/components/ui/page-header";
import { denyPage } from "@/lib/access-denied";
import { can } from "@/lib/permissions";
import { requirePageActor } from "@/lib/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("users"))("new") };
}

export default async function NewUserPage() {
  const actor = await requirePageActor();
  if (!can(actor, "user.manage")) {
    await denyPage(actor, "user.manage", "page /admin/users/new");
    return <Forbidden />;
  }
  const [t, tc] = await Promise.all([getTranslations("users"), getTranslations("common")]);
  return (
    <>
      <PageHeader
        title={t("new")}
        breadcrumbs={
          <Breadcrumbs label={tc("nav.breadcrumbs")} items={[{ label: t("title"), href: "/admin/users" }, { label: t("new") }]} />
        }
      />
      <div className="max-w-xl rounded-lg border bg-card p-4 sm:p-6">
        <UserForm />
      </div>
    </>
  );
}
