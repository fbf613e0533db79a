import { getTranslations } from "next-intl/server";
import { AppShell } from "@/components/app-shell";
import { NotificationsMenu } from "@/components/notifications/notifications-menu";
import { listNotifications } from "@/lib/notifications/queries";
import { can } from "@/lib/permissions";
import { requirePageActor } from "@/lib/session";

// Every page in this group needs a signed-in, active user: checked here on the server for the
// layout, and again by each page's own lib/ calls (a layout alone is not a security boundary).
export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const actor = await requirePageActor();
  const t = await getTranslations("users.roles");
  const notifications = await listNotifications({ actor });
  return (
    <AppShell
      user={{ name: actor.name, email: actor.email, roleLabel: t(actor.role) }}
      canManageUsers={can(actor, "user.manage")}
      canImport={can(actor, "import.run")}
      canManageJobs={can(actor, "jobs.manage")}
      canReadAudit={can(actor, "audit.read")}
      notifications={<NotificationsMenu items={notifications.items} unread={notifications.unread} />}
    >
      {children}
    </AppShell>
  );
}
