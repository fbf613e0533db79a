import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Forbidden } from "@/components/records/forbidden";
import { SavedNotice } from "@/components/records/saved-notice";
import { UserRowForm } from "@/components/users/user-row-form";
import { EndSessionsButton, MfaForAllForm } from "@/components/users/user-security";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { denyPage } from "@/lib/access-denied";
import { can } from "@/lib/permissions";
import { requirePageActor } from "@/lib/session";
import { findUsers, getMfaRequiredForAll } from "@/lib/users/queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("users"))("title") };
}

export default async function UsersPage({ searchParams }: { searchParams: Promise<{ saved?: string }> }) {
  const actor = await requirePageActor();
  if (!can(actor, "user.manage")) {
    await denyPage(actor, "user.manage", "page /admin/users");
    return <Forbidden />;
  }
  const [t, users, mfaForAll, { saved }] = await Promise.all([
    getTranslations("users"),
    findUsers({ actor }),
    getMfaRequiredForAll({ actor }),
    searchParams,
  ]);
  return (
    <>
      <SavedNotice text={saved === "created" ? t("saved") : null} />
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <Button asChild>
            <Link href="/admin/users/new">{t("new")}</Link>
          </Button>
        }
      />
      <div className="mb-4">
        <MfaForAllForm required={mfaForAll} />
      </div>
      <div className="rounded-lg border bg-card">
        <Table>
          <caption className="sr-only">{t("title")}</caption>
          <TableHeader>
            <TableRow>
              <TableHead>{t("fields.name")}</TableHead>
              <TableHead>{t("fields.email")}</TableHead>
              <TableHead>{t("fields.roleAndState")}</TableHead>
              <TableHead>{t("security.twoStep")}</TableHead>
              <TableHead>{t("security.sessions")}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {users.map((u) => (
              <TableRow key={u.id}>
                <TableCell className="font-medium">
                  {u.name} {!u.active && <Badge variant="neutral">{t("inactive")}</Badge>}
                </TableCell>
                <TableCell>{u.email}</TableCell>
                <TableCell>
                  <UserRowForm user={u} />
                </TableCell>
                <TableCell>
                  <span className="flex flex-wrap gap-1">
                    <Badge variant={u.secondFactor ? "success" : "neutral"}>{u.secondFactor ? t("security.on") : t("security.off")}</Badge>
                    {u.mfaExempt && (
                      <Badge variant="warning" title={t("security.exemptHint")}>
                        {t("security.exempt")}
                      </Badge>
                    )}
                  </span>
                </TableCell>
                <TableCell>
                  <EndSessionsButton id={u.id} name={u.name} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </>
  );
}
