import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { getActor, getEnrollingActor } from "@/lib/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("title") };
}

/** Only same-site paths are followed after sign-in (never "//host", "/\host" or an absolute URL). */
const safeCallback = (v: string | string[] | undefined) =>
  typeof v === "string" && /^\/(?![/\\])/.test(v) && !/[\u0000-\u001F]/.test(v) ? v : "/";

const NOTICES = { signedOut: "signedOut", passwordChanged: "passwordChanged", sessionEnded: "sessionEnded" } as const;

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallback(params.callbackUrl);
  if (await getActor()) redirect(callbackUrl);
  if ((await getEnrollingActor())?.enrolmentRequired) redirect("/enrol");
  const t = await getTranslations("auth");
  const reason = typeof params.reason === "string" && params.reason in NOTICES ? NOTICES[params.reason as keyof typeof NOTICES] : null;
  return (
    <main id="main" className="flex min-h-dvh items-center justify-center bg-muted/40 px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="mb-6 text-center">
          <p className="text-sm font-medium text-muted-foreground">{t("product")}</p>
          <h1 className="mt-1 text-2xl font-semibold tracking-tight">{t("title")}</h1>
          <p className="mt-2 text-sm text-muted-foreground">{t("subtitle")}</p>
        </div>
        <div className="rounded-lg border bg-card p-6 shadow-sm">
          <LoginForm callbackUrl={callbackUrl} notice={reason ? t(`notice.${reason}`) : null} />
        </div>
      </div>
    </main>
  );
}
