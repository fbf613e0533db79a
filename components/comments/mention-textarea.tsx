"use client";

import * as React from "react";
import { useTranslations } from "next-intl";
import { Textarea } from "@/components/ui/textarea";
import { cn } from "@/lib/utils";

export type Person = { id: string; name: string };

/** The "@query" being typed just before the caret, if any. */
function activeQuery(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const at = before.lastIndexOf("@");
  if (at < 0 || (at > 0 && !/\s/.test(before[at - 1]))) return null;
  const query = before.slice(at + 1);
  if (query.length > 40 || /\n/.test(query) || /\s\s/.test(query)) return null;
  return { start: at, query };
}

/**
 * A textarea that suggests colleagues after "@" (the ARIA combobox pattern: arrows move, Enter or
 * Tab picks, Escape closes). The picked people are reported so the form can store their ids.
 */
export function MentionTextarea({
  id,
  people,
  value,
  onChange,
  onPick,
  describedBy,
  invalid,
  label,
}: {
  id: string;
  people: readonly Person[];
  value: string;
  onChange: (text: string) => void;
  onPick: (person: Person) => void;
  describedBy?: string;
  invalid?: boolean;
  label: string;
}) {
  const t = useTranslations("comments");
  const ref = React.useRef<HTMLTextAreaElement>(null);
  const [query, setQuery] = React.useState<{ start: number; query: string } | null>(null);
  const [active, setActive] = React.useState(0);
  const listId = `${id}-mentions`;

  const matches = React.useMemo(() => {
    if (!query) return [];
    const q = query.query.toLocaleLowerCase();
    return people.filter((p) => p.name.toLocaleLowerCase().split(/\s+/).some((w) => w.startsWith(q)) || p.name.toLocaleLowerCase().startsWith(q)).slice(0, 8);
  }, [people, query]);
  const open = !!query && matches.length > 0;

  const update = (text: string, caret: number) => {
    onChange(text);
    setQuery(activeQuery(text, caret));
    setActive(0);
  };

  const pick = (p: Person) => {
    if (!query) return;
    const el = ref.current;
    const caret = el?.selectionStart ?? value.length;
    const next = `${value.slice(0, query.start)}@${p.name} ${value.slice(caret)}`;
    onChange(next);
    onPick(p);
    setQuery(null);
    const pos = query.start + p.name.length + 2;
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(pos, pos);
    });
  };

  return (
    <div className="relative">
      <Textarea
        ref={ref}
        id={id}
        name="text"
        rows={3}
        value={value}
        placeholder={t("placeholder")}
        aria-label={label}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open ? `${listId}-${matches[active]?.id}` : undefined}
        aria-describedby={describedBy}
        aria-invalid={invalid || undefined}
        maxLength={5000}
        onChange={(e) => update(e.target.value, e.target.selectionStart)}
        onClick={(e) => setQuery(activeQuery(value, e.currentTarget.selectionStart))}
        onBlur={() => setTimeout(() => setQuery(null), 150)}
        onKeyDown={(e) => {
          if (!open) return;
          if (e.key === "ArrowDown") {
            e.preventDefault();
            setActive((i) => (i + 1) % matches.length);
          } else if (e.key === "ArrowUp") {
            e.preventDefault();
            setActive((i) => (i - 1 + matches.length) % matches.length);
          } else if (e.key === "Enter" || e.key === "Tab") {
            e.preventDefault();
            pick(matches[active]);
          } else if (e.key === "Escape") {
            e.preventDefault();
            setQuery(null);
          }
        }}
      />
      <ul
        id={listId}
        role="listbox"
        aria-label={t("mentionSuggestions")}
        hidden={!open}
        className="absolute z-20 mt-1 max-h-60 w-full max-w-xs overflow-auto rounded-md border bg-popover p-1 text-sm shadow-md"
      >
        {matches.map((p, i) => (
          <li
            key={p.id}
            id={`${listId}-${p.id}`}
            role="option"
            aria-selected={i === active}
            className={cn("cursor-pointer rounded-sm px-2 py-1.5", i === active && "bg-accent text-accent-foreground")}
            onMouseDown={(e) => {
              e.preventDefault();
              pick(p);
            }}
          >
            {p.name}
          </li>
        ))}
      </ul>
    </div>
  );
}
