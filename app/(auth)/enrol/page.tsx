import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { TotpSetup } from "@/components/account/two-factor";
import { getEnrollingActor } from "@/lib/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("account.enrol"))("title") };
}

// Where an administrator or auditor without a second factor (or anyone, when an administrator requires
// it for all) is sent after signing in: nothing else in the app opens until the set-up is confirmed.
export default async function EnrolPage() {
  const actor = await getEnrollingActor();
  if (!actor) redirect("/login");
  const t = await getTranslations("account.enrol");
  return (
    <main id="main" className="flex min-h-dvh items-center justify-center bg-muted/40 px-4 py-12">
      <div className="w-full max-w-lg">
        <div className="mb-6 text-center">
          <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
          <p className="mt-2 text-sm text-muted-foreground">{actor.enrolmentRequired ? t("required") : t("optional")}</p>
        </div>
        <div className="rounded-lg border bg-card p-6 shadow-sm">
          <TotpSetup continueHref="/" />
        </div>
      </div>
    </main>
  );
}
