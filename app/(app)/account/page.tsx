import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { EmailReminders } from "@/components/account/email-reminders";
import { PasswordForm } from "@/components/account/password-form";
import { SignOutEverywhere } from "@/components/account/sign-out-everywhere";
import { TotpManage, TotpSetup } from "@/components/account/two-factor";
import { LocaleButtons } from "@/components/locale/locale-switch";
import { SavedNotice } from "@/components/records/saved-notice";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getAccountSecurity, getReminderSettings } from "@/lib/account/queries";
import { requirePageActor } from "@/lib/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("account"))("title") };
}

export default async function AccountPage({ searchParams }: { searchParams: Promise<{ saved?: string }> }) {
  const actor = await requirePageActor();
  const [t, security, reminders, { saved }] = await Promise.all([
    getTranslations("account"),
    getAccountSecurity({ actor }),
    getReminderSettings({ actor }),
    searchParams,
  ]);
  return (
    <>
      <SavedNotice text={saved === "mfaDisabled" ? t("mfa.disabled") : null} />
      <PageHeader title={t("title")} description={t("description", { email: actor.email })} />
      <div className="grid max-w-3xl gap-6">
        <Card>
          <CardHeader>
            <CardTitle className="flex flex-wrap items-center gap-2">
              {t("mfa.title")}
              <Badge variant={security.secondFactor ? "success" : "neutral"}>{security.secondFactor ? t("mfa.on") : t("mfa.off")}</Badge>
            </CardTitle>
            <CardDescription>
              {security.secondFactor ? t("mfa.onDescription", { left: security.recoveryCodesLeft }) : t("mfa.offDescription")}
            </CardDescription>
          </CardHeader>
          <CardContent>{security.secondFactor ? <TotpManage required={security.required} /> : <TotpSetup />}</CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>{t("password.title")}</CardTitle>
            <CardDescription>{t("password.description")}</CardDescription>
          </CardHeader>
          <CardContent>
            <PasswordForm minLength={security.secondFactor ? 8 : 15} />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>{t("sessions.title")}</CardTitle>
            <CardDescription>{t("sessions.description")}</CardDescription>
          </CardHeader>
          <CardContent>
            <SignOutEverywhere />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>{t("reminders.title")}</CardTitle>
            <CardDescription>{t("reminders.description")}</CardDescription>
          </CardHeader>
          <CardContent>
            <EmailReminders value={reminders.emailReminders} smtp={reminders.smtp} />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>{t("language.title")}</CardTitle>
          </CardHeader>
          <CardContent>
            <LocaleButtons className="justify-start" />
          </CardContent>
        </Card>
      </div>
    </>
  );
}
