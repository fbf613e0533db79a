"use client";

import { Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useActionState } from "react";
import { deleteLinkAction } from "@/app/(app)/links/server-actions";
import { FormMessage } from "@/components/forms/fields";
import { RecordDate } from "@/components/records/record-date";
import { TermLabel } from "@/components/records/term-label";
import { Button } from "@/components/ui/button";
import type { DatePrecision, TermRef } from "@/lib/actions/dto";
import { INITIAL_FORM_STATE } from "@/lib/form-state";

export type LinkItem = {
  linkId: string;
  contribution: TermRef;
  evidenceNote: string | null;
  record: { id: string; title: string; date: string; datePrecision: DatePrecision; type: TermRef };
  /** ids of both ends, to refresh both pages after a removal */
  actionId: string;
  outcomeId: string;
};

/** The records linked to this one, with the contribution claimed and its evidence. */
export function LinkedRecords({ items, hrefBase, canEdit, emptyText }: { items: LinkItem[]; hrefBase: string; canEdit: boolean; emptyText: string }) {
  if (!items.length) return <p className="text-sm text-muted-foreground">{emptyText}</p>;
  return (
    <ul className="divide-y" data-testid="linked-records">
      {items.map((item) => (
        <li key={item.linkId} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-start sm:justify-between">
          <div className="min-w-0 space-y-1">
            <Link href={`${hrefBase}/${item.record.id}`} className="font-medium hover:underline">
              {item.record.title}
            </Link>
            <div className="flex flex-wrap items-center gap-2 text-xs text-muted-foreground">
              <RecordDate date={item.record.date} precision={item.record.datePrecision} />
              <span aria-hidden>·</span>
              <TermLabel term={item.record.type} />
              <TermLabel term={item.contribution} badge />
            </div>
            {item.evidenceNote && <p className="text-sm whitespace-pre-line text-muted-foreground">{item.evidenceNote}</p>}
          </div>
          {canEdit && <RemoveLinkButton item={item} />}
        </li>
      ))}
    </ul>
  );
}

function RemoveLinkButton({ item }: { item: LinkItem }) {
  const t = useTranslations("links");
  const [state, action, pending] = useActionState(
    deleteLinkAction.bind(null, item.linkId, { actionId: item.actionId, outcomeId: item.outcomeId }),
    INITIAL_FORM_STATE,
  );
  return (
    <form
      action={action}
      onSubmit={(e) => {
        if (!window.confirm(t("confirmRemove", { title: item.record.title }))) e.preventDefault();
      }}
      className="shrink-0"
    >
      <FormMessage state={state} />
      <Button type="submit" variant="ghost" size="sm" disabled={pending} aria-label={t("removeNamed", { title: item.record.title })}>
        <Trash2 aria-hidden className="size-4" />
        <span className="sm:sr-only">{t("remove")}</span>
      </Button>
    </form>
  );
}
