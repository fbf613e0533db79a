"use client";

import * as React from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { Bell } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { markNotificationsReadAction } from "@/app/(app)/comments/server-actions";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { cn } from "@/lib/utils";

export type NotificationItem = {
  id: string;
  kind: "MENTION" | "FOLLOW_UP_DUE" | "OVERDUE";
  recordTitle: string;
  href: string;
  actorName: string | null;
  createdAt: string;
  read: boolean;
};

/** The bell in the app shell: unread count, latest notifications, each opening its record. */
export function NotificationsMenu({ items, unread }: { items: NotificationItem[]; unread: number }) {
  const t = useTranslations("notifications");
  const format = useFormatter();
  const router = useRouter();
  const label = unread ? t("openWithCount", { count: unread }) : t("open");
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" size="icon" aria-label={label} className="relative" data-testid="notifications-button">
          <Bell aria-hidden className="size-5" />
          {unread > 0 && (
            <span
              aria-hidden
              className="absolute -top-0.5 -right-0.5 flex min-w-4 items-center justify-center rounded-full bg-destructive px-1 text-[10px] leading-4 font-semibold text-white"
            >
              {unread > 99 ? "99+" : unread}
            </span>
          )}
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-80 max-w-[90vw]">
        <DropdownMenuLabel className="flex items-center justify-between gap-2">
          <span>{t("title")}</span>
        </DropdownMenuLabel>
        <DropdownMenuSeparator />
        {items.length === 0 ? (
          <p className="px-2 py-3 text-sm text-muted-foreground">{t("empty")}</p>
        ) : (
          items.map((n) => (
            <DropdownMenuItem key={n.id} asChild>
              <Link
                href={n.href}
                onClick={() => {
                  if (!n.read) void markNotificationsReadAction(n.id).then(() => router.refresh());
                }}
                className={cn("flex flex-col items-start gap-0.5", !n.read && "font-medium")}
              >
                <span className="flex items-start gap-2 text-sm">
                  {!n.read && <span aria-hidden className="mt-1.5 size-2 shrink-0 rounded-full bg-primary" />}
                  <span>
                    {!n.read && <span className="sr-only">{t("unread")}: </span>}
                    {t(`kinds.${n.kind}`, { actor: n.actorName ?? t("someone"), title: n.recordTitle })}
                  </span>
                </span>
                <time className="text-xs font-normal text-muted-foreground" dateTime={n.createdAt}>
                  {format.dateTime(new Date(n.createdAt), { dateStyle: "medium", timeStyle: "short" })}
                </time>
              </Link>
            </DropdownMenuItem>
          ))
        )}
        {unread > 0 && (
          <>
            <DropdownMenuSeparator />
            <DropdownMenuItem onSelect={() => void markNotificationsReadAction().then(() => router.refresh())}>
              {t("markAllRead")}
            </DropdownMenuItem>
          </>
        )}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
