import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Forbidden } from "@/components/records/forbidden";
import { SavedNotice } from "@/components/records/saved-notice";
import { UserRowForm } from "@/components/users/user-row-form";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { can } from "@/lib/permissions";
import { requirePageActor } from "@/lib/session";
import { findUsers } from "@/lib/users/queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("users"))("title") };
}

export default async function UsersPage({ searchParams }: { searchParams: Promise<{ saved?: string }> }) {
  const actor = await requirePageActor();
  if (!can(actor, "user.manage")) return <Forbidden />;
  const [t, users, { saved }] = await Promise.all([getTranslations("users"), findUsers({ actor }), searchParams]);
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
      <div className="rounded-lg border bg-card">
        <Table>
          <caption className="sr-only">{t("title")}</caption>
          <TableHeader>
            <TableRow>
              <TableHead>{t("fields.name")}</TableHead>
              <TableHead>{t("fields.email")}</TableHead>
              <TableHead>{t("fields.roleAndState")}</TableHead>
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
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </>
  );
}
