"use client";

import * as React from "react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import { Dialog as DialogPrimitive } from "radix-ui";
import {
  BookText,
  Upload,
  Building2,
  ChevronsUpDown,
  CircleUser,
  ClipboardList,
  LayoutDashboard,
  ListChecks,
  LogOut,
  Megaphone,
  Menu,
  ShieldCheck,
  Target,
  Timer,
  Users,
  X,
  type LucideIcon,
} from "lucide-react";
import { cn } from "@/lib/utils";
import { LocaleMenuItems } from "@/components/locale/locale-switch";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";

export type AppShellUser = { name: string; email: string; roleLabel: string };

type AppShellProps = {
  user: AppShellUser;
  canManageUsers: boolean;
  /** auditors and administrators: the audit trail */
  canReadAudit?: boolean;
  /** managers: the import of past logs (issue 8) */
  canImport?: boolean;
  /** administrators: the background jobs (issue 8) */
  canManageJobs?: boolean;
  /** the notifications menu (issue 8), shown beside the user menu */
  notifications?: React.ReactNode;
  children: React.ReactNode;
};

type NavItem = {
  href: string;
  key: "dashboard" | "myWork" | "actions" | "outcomes" | "campaigns" | "organizations" | "vocabularies" | "users" | "audit" | "import" | "jobs";
  icon: LucideIcon;
};

const NAV: NavItem[] = [
  { href: "/dashboard", key: "dashboard", icon: LayoutDashboard },
  { href: "/my-work", key: "myWork", icon: ClipboardList },
  { href: "/actions", key: "actions", icon: ListChecks },
  { href: "/outcomes", key: "outcomes", icon: Target },
  { href: "/campaigns", key: "campaigns", icon: Megaphone },
  { href: "/organizations", key: "organizations", icon: Building2 },
  { href: "/settings/vocabularies", key: "vocabularies", icon: BookText },
];
const USERS_ITEM: NavItem = { href: "/admin/users", key: "users", icon: Users };
const AUDIT_ITEM: NavItem = { href: "/audit", key: "audit", icon: ShieldCheck };
const IMPORT_ITEM: NavItem = { href: "/import", key: "import", icon: Upload };
const JOBS_ITEM: NavItem = { href: "/admin/jobs", key: "jobs", icon: Timer };

const MAIN_ID = "main-content";

/** The signed-in layout: sidebar on desktop, top bar with a slide-in menu on phones. */
export function AppShell({ user, canManageUsers, canReadAudit = false, canImport = false, canManageJobs = false, notifications, children }: AppShellProps) {
  const t = useTranslations("common");
  const [menuOpen, setMenuOpen] = React.useState(false);
  const items = [...NAV, ...(canImport ? [IMPORT_ITEM] : []), ...(canReadAudit ? [AUDIT_ITEM] : []), ...(canManageUsers ? [USERS_ITEM] : []), ...(canManageJobs ? [JOBS_ITEM] : [])];

  return (
    <div className="min-h-dvh md:grid md:grid-cols-[15rem_minmax(0,1fr)] print:block">
      <a
        href={`#${MAIN_ID}`}
        className="sr-only z-[60] rounded-md bg-primary px-4 py-2 text-sm font-medium text-primary-foreground focus:not-sr-only focus:fixed focus:top-3 focus:left-3"
      >
        {t("nav.skipToContent")}
      </a>

      {/* Desktop sidebar. Only one of the two banners is displayed at a time, so landmarks are never duplicated. */}
      <header className="sticky top-0 hidden h-dvh flex-col border-r bg-sidebar md:flex print:hidden">
        <AppName className="px-5 pt-5 pb-4" />
        <nav aria-label={t("nav.mainNavigation")} className="flex-1 overflow-y-auto px-3">
          <NavLinks items={items} />
        </nav>
        <div className="flex items-center gap-1 border-t p-3">
          <div className="min-w-0 flex-1">
            <UserMenu user={user} />
          </div>
          {notifications}
        </div>
      </header>

      {/* Phone top bar with the navigation in a sheet. */}
      <header className="sticky top-0 z-40 flex h-14 items-center gap-2 border-b bg-background/95 px-2 backdrop-blur md:hidden print:hidden">
        <DialogPrimitive.Root open={menuOpen} onOpenChange={setMenuOpen}>
          <DialogPrimitive.Trigger asChild>
            <Button variant="ghost" size="icon" aria-label={t("nav.menu")}>
              <Menu aria-hidden="true" className="size-5" />
            </Button>
          </DialogPrimitive.Trigger>
          <DialogPrimitive.Portal>
            <DialogPrimitive.Overlay className="fixed inset-0 z-50 bg-slate-950/40 motion-safe:data-[state=open]:animate-fade-in" />
            <DialogPrimitive.Content
              aria-describedby={undefined}
              className="fixed inset-y-0 left-0 z-50 flex w-72 max-w-[85vw] flex-col border-r bg-sidebar shadow-lg outline-none motion-safe:data-[state=open]:animate-slide-in-left"
            >
              <div className="flex items-start justify-between gap-2 py-3 pr-2 pl-5">
                <div className="grid gap-0.5 pt-2">
                  <DialogPrimitive.Title className="text-[15px] leading-tight font-semibold">
                    {t("app.name")}
                  </DialogPrimitive.Title>
                  <p className="text-xs leading-snug text-muted-foreground">{t("app.tagline")}</p>
                </div>
                <DialogPrimitive.Close asChild>
                  <Button variant="ghost" size="icon" aria-label={t("nav.close")}>
                    <X aria-hidden="true" className="size-5" />
                  </Button>
                </DialogPrimitive.Close>
              </div>
              <nav aria-label={t("nav.mainNavigation")} className="flex-1 overflow-y-auto px-3 pb-4">
                <NavLinks items={items} onNavigate={() => setMenuOpen(false)} />
              </nav>
            </DialogPrimitive.Content>
          </DialogPrimitive.Portal>
        </DialogPrimitive.Root>
        <Link href="/" className="truncate rounded-sm text-[15px] font-semibold">
          {t("app.name")}
        </Link>
        <div className="ml-auto flex items-center gap-1">
          {notifications}
          <UserMenu user={user} compact />
        </div>
      </header>

      <main id={MAIN_ID} tabIndex={-1} className="min-w-0 focus:outline-none">
        <div className="mx-auto w-full max-w-6xl px-4 py-6 sm:px-6 md:px-8 md:py-8">{children}</div>
      </main>
    </div>
  );
}

function AppName({ className, ...props }: React.ComponentProps<"div">) {
  const t = useTranslations("common");
  return (
    <div className={cn("grid gap-0.5", className)} {...props}>
      <span className="text-[15px] leading-tight font-semibold">{t("app.name")}</span>
      <span className="text-xs leading-snug text-muted-foreground">{t("app.tagline")}</span>
    </div>
  );
}

function NavLinks({ items, onNavigate }: { items: NavItem[]; onNavigate?: () => void }) {
  const t = useTranslations("common");
  const td = useTranslations("dashboard.nav");
  const pathname = usePathname();
  return (
    <ul className="grid gap-0.5">
      {items.map(({ href, key, icon: Icon }) => {
        const exact = pathname === href;
        const active = exact || pathname.startsWith(`${href}/`);
        return (
          <li key={href}>
            <Link
              href={href}
              onClick={onNavigate}
              // "page" on the page itself; "true" on its sub-pages (e.g. one action), which belong to the section.
              aria-current={exact ? "page" : active ? "true" : undefined}
              className={cn(
                "flex h-9 items-center gap-2.5 rounded-md px-2.5 text-sm font-medium text-slate-700 transition-colors",
                "hover:bg-slate-200/60 hover:text-foreground focus-visible:outline-offset-0",
                active && "bg-background text-foreground shadow-xs ring-1 ring-border hover:bg-background",
              )}
            >
              <Icon
                aria-hidden="true"
                className={cn("size-4 shrink-0", active ? "text-primary" : "text-muted-foreground")}
              />
              {key === "dashboard" || key === "myWork" ? td(key) : t(`nav.${key}`)}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}

function initials(name: string) {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]!.toLocaleUpperCase())
    .join("");
}

function UserMenu({ user, compact = false }: { user: AppShellUser; compact?: boolean }) {
  const t = useTranslations("common");
  const avatar = (
    <span
      aria-hidden="true"
      className="flex size-7 shrink-0 items-center justify-center rounded-full bg-indigo-100 text-xs font-semibold text-indigo-800"
    >
      {initials(user.name)}
    </span>
  );
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        {compact ? (
          <Button variant="ghost" size="icon">
            {avatar}
            <span className="sr-only">{t("userMenu.openMenu")}</span>
          </Button>
        ) : (
          <button
            type="button"
            className="flex w-full items-center gap-2.5 rounded-md p-2 text-left transition-colors hover:bg-slate-200/60 focus-visible:outline-offset-0 data-[state=open]:bg-slate-200/60"
          >
            {avatar}
            <span className="grid min-w-0 flex-1">
              <span className="truncate text-sm font-medium">{user.name}</span>
              <span className="truncate text-xs text-muted-foreground">{user.roleLabel}</span>
            </span>
            <ChevronsUpDown aria-hidden="true" className="size-4 shrink-0 text-muted-foreground" />
          </button>
        )}
      </DropdownMenuTrigger>
      <DropdownMenuContent align={compact ? "end" : "start"} side={compact ? "bottom" : "top"} className="w-60">
        <DropdownMenuLabel className="grid gap-0.5 font-normal">
          <span className="truncate font-medium">{user.name}</span>
          <span className="truncate text-xs text-muted-foreground">{user.email}</span>
          <span className="truncate text-xs text-muted-foreground">{user.roleLabel}</span>
        </DropdownMenuLabel>
        <DropdownMenuSeparator />
        <LocaleMenuItems />
        <DropdownMenuSeparator />
        <DropdownMenuItem asChild>
          <Link href="/account">
            <CircleUser aria-hidden="true" />
            {t("userMenu.account")}
          </Link>
        </DropdownMenuItem>
        <DropdownMenuItem onSelect={() => void signOut({ callbackUrl: "/login?reason=signedOut" })}>
          <LogOut aria-hidden="true" />
          {t("userMenu.signOut")}
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
