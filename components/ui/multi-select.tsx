"use client";

import * as React from "react";
import { Popover } from "radix-ui";
import { useTranslations } from "next-intl";
import { ChevronsUpDown, Search, X } from "lucide-react";
import { cn } from "@/lib/utils";
import { Button } from "./button";
import { fieldLabelId } from "./form-field";
import { controlClasses } from "./input";

export type MultiSelectOption = { value: string; label: string; hint?: string };

export type MultiSelectLabels = {
  placeholder: string;
  search: string;
  noResults: string;
  selectedCount: (count: number) => string;
  clear: string;
  /** Accessible label of a chip's remove button, e.g. "Remove Ministry of Justice". */
  remove: (label: string) => string;
};

export type MultiSelectProps = {
  /** Form field name: one hidden input per selected value, read with FormData.getAll(name). */
  name: string;
  /** Id of the trigger button; a <FormField htmlFor={id}> labels it. */
  id: string;
  options: MultiSelectOption[];
  defaultValue?: string[];
  onValueChange?: (value: string[]) => void;
  /**
   * Texts; anything omitted comes from the "common.multiSelect" messages. Labels containing
   * functions can only be passed from client components, server components can rely on the defaults.
   */
  labels?: Partial<MultiSelectLabels>;
  disabled?: boolean;
  className?: string;
  "aria-describedby"?: string;
  "aria-invalid"?: boolean | "true" | "false";
};

export function MultiSelect({
  name,
  id,
  options,
  defaultValue = [],
  onValueChange,
  labels,
  disabled,
  className,
  "aria-describedby": describedBy,
  "aria-invalid": invalid,
}: MultiSelectProps) {
  const t = useTranslations("common.multiSelect");
  const l: MultiSelectLabels = {
    placeholder: t("placeholder"),
    search: t("search"),
    noResults: t("noResults"),
    selectedCount: (count) => t("selected", { count }),
    clear: t("clear"),
    remove: (label) => t("remove", { label }),
    ...labels,
  };

  const [selected, setSelected] = React.useState<string[]>(defaultValue);
  const [open, setOpen] = React.useState(false);
  const [query, setQuery] = React.useState("");
  const [labelledBy, setLabelledBy] = React.useState<string>();
  const rootRef = React.useRef<HTMLDivElement>(null);
  const triggerRef = React.useRef<HTMLButtonElement>(null);
  const searchRef = React.useRef<HTMLInputElement>(null);
  const listRef = React.useRef<HTMLDivElement>(null);
  const chipsRef = React.useRef<HTMLUListElement>(null);
  const focusChipAt = React.useRef<number | null>(null);

  const labelOf = React.useMemo(() => new Map(options.map((o) => [o.value, o.label])), [options]);
  const needle = query.trim().toLocaleLowerCase();
  const visible = needle
    ? options.filter((o) => `${o.label} ${o.hint ?? ""}`.toLocaleLowerCase().includes(needle))
    : options;
  const listId = `${id}-options`;
  const summaryId = `${id}-summary`;

  const update = (next: string[]) => {
    setSelected(next);
    onValueChange?.(next);
  };
  const toggle = (value: string) =>
    update(selected.includes(value) ? selected.filter((v) => v !== value) : [...selected, value]);
  const removeAt = (index: number) => {
    focusChipAt.current = index;
    update(selected.filter((_, i) => i !== index));
  };

  // After a chip is removed, keep focus nearby: the next chip, else the previous one, else the trigger.
  React.useEffect(() => {
    const index = focusChipAt.current;
    if (index === null) return;
    focusChipAt.current = null;
    const buttons = chipsRef.current?.querySelectorAll("button") ?? [];
    (buttons[Math.min(index, buttons.length - 1)] ?? triggerRef.current)?.focus();
  }, [selected]);

  // A form reset (native, or React's after a form action) restores the current defaultValue, like other controls.
  const resetSelection = React.useEffectEvent(() => setSelected(defaultValue));
  React.useEffect(() => {
    const form = rootRef.current?.closest("form");
    if (!form) return;
    const onReset = () => resetSelection();
    form.addEventListener("reset", onReset);
    return () => form.removeEventListener("reset", onReset);
  }, []);

  const onOpenChange = (next: boolean) => {
    setOpen(next);
    if (next) {
      // Name the popup after the field's <label> when there is one.
      setLabelledBy(document.getElementById(fieldLabelId(id)) ? fieldLabelId(id) : undefined);
    } else {
      setQuery("");
    }
  };

  // Arrow keys move between the search box and the checkboxes; Enter toggles like Space.
  const onListKeyDown = (event: React.KeyboardEvent) => {
    const boxes = Array.from(listRef.current?.querySelectorAll<HTMLInputElement>("input[type=checkbox]") ?? []);
    const target = event.target as HTMLElement;
    const current = boxes.indexOf(target as HTMLInputElement);
    const focus = (el?: HTMLElement | null) => {
      if (!el) return;
      event.preventDefault();
      el.focus();
    };
    if (target === searchRef.current) {
      if (event.key === "ArrowDown") focus(boxes[0]);
      if (event.key === "Enter") event.preventDefault();
      return;
    }
    if (current < 0) return;
    if (event.key === "ArrowDown") focus(boxes[current + 1]);
    else if (event.key === "ArrowUp") focus(current === 0 ? searchRef.current : boxes[current - 1]);
    else if (event.key === "Home") focus(boxes[0]);
    else if (event.key === "End") focus(boxes[boxes.length - 1]);
    else if (event.key === "Enter") {
      event.preventDefault();
      boxes[current].click();
    }
  };

  return (
    <div ref={rootRef} data-slot="multi-select" className={cn("grid gap-2", className)}>
      {/* Modal: Tab cycles inside the popup and Escape returns to the trigger. */}
      <Popover.Root open={open} onOpenChange={onOpenChange} modal>
        <Popover.Trigger asChild>
          <button
            ref={triggerRef}
            id={id}
            type="button"
            // combobox (not plain button) so aria-invalid is allowed; Radix adds aria-haspopup="dialog" and aria-expanded.
            role="combobox"
            aria-expanded={open}
            aria-controls={open ? listId : undefined}
            disabled={disabled}
            aria-describedby={[summaryId, describedBy].filter(Boolean).join(" ")}
            aria-invalid={invalid}
            className={cn(
              controlClasses,
              "flex min-h-9 items-center justify-between gap-2 px-3 py-1.5 text-left enabled:hover:bg-slate-50",
            )}
          >
            <span id={summaryId} className={cn("truncate", !selected.length && "text-muted-foreground")}>
              {selected.length ? l.selectedCount(selected.length) : l.placeholder}
            </span>
            <ChevronsUpDown aria-hidden="true" className="size-4 shrink-0 text-muted-foreground" />
          </button>
        </Popover.Trigger>
        <Popover.Portal>
          <Popover.Content
            align="start"
            sideOffset={4}
            collisionPadding={8}
            aria-labelledby={labelledBy}
            onKeyDown={onListKeyDown}
            className={cn(
              "z-50 flex max-h-(--radix-popover-content-available-height) w-(--radix-popover-trigger-width) max-w-[calc(100vw-1rem)] min-w-64 flex-col",
              "rounded-lg border",
              "bg-popover text-popover-foreground shadow-md outline-none motion-safe:data-[state=open]:animate-pop-in",
            )}
          >
            <div className="relative border-b p-2">
              <Search
                aria-hidden="true"
                className="pointer-events-none absolute top-1/2 left-4.5 size-4 -translate-y-1/2 text-muted-foreground"
              />
              <input
                ref={searchRef}
                type="text"
                autoComplete="off"
                aria-label={l.search}
                aria-controls={listId}
                placeholder={l.search}
                value={query}
                onChange={(e) => setQuery(e.target.value)}
                className={cn(controlClasses, "h-8 pr-2 pl-8")}
              />
            </div>
            <div
              id={listId}
              role="group"
              aria-labelledby={labelledBy}
              ref={listRef}
              className="max-h-64 min-h-0 flex-1 overflow-y-auto p-1 empty:hidden"
            >
              {visible.map((option) => (
                <label
                  key={option.value}
                  className={cn(
                    "flex cursor-pointer items-start gap-2.5 rounded-md px-2 py-1.5 text-sm hover:bg-accent",
                    "has-focus-visible:bg-accent has-focus-visible:outline-2 has-focus-visible:-outline-offset-2 has-focus-visible:outline-ring",
                  )}
                >
                  <input
                    type="checkbox"
                    checked={selected.includes(option.value)}
                    onChange={() => toggle(option.value)}
                    className="mt-0.5 size-4 shrink-0 accent-primary focus-visible:outline-none"
                  />
                  <span className="grid min-w-0 gap-0.5">
                    <span className="break-words">{option.label}</span>
                    {option.hint && <span className="text-xs text-muted-foreground">{option.hint}</span>}
                  </span>
                </label>
              ))}
            </div>
            <p
              role="status"
              className={visible.length ? "sr-only" : "px-3 py-6 text-center text-sm text-muted-foreground"}
            >
              {visible.length ? "" : l.noResults}
            </p>
            {selected.length > 0 && (
              <div className="flex items-center justify-between gap-2 border-t px-3 py-1.5">
                <span className="text-xs text-muted-foreground">{l.selectedCount(selected.length)}</span>
                <Button
                  variant="ghost"
                  size="sm"
                  onClick={() => {
                    update([]);
                    searchRef.current?.focus();
                  }}
                >
                  {l.clear}
                </Button>
              </div>
            )}
          </Popover.Content>
        </Popover.Portal>
      </Popover.Root>

      {selected.length > 0 && (
        <ul ref={chipsRef} className="flex flex-wrap gap-1.5">
          {selected.map((value, index) => {
            const label = labelOf.get(value) ?? value;
            return (
              <li
                key={value}
                className="inline-flex max-w-full items-center gap-1 rounded-md border bg-slate-50 py-0.5 pr-0.5 pl-2 text-xs font-medium text-slate-700"
              >
                <span className="truncate">{label}</span>
                <button
                  type="button"
                  disabled={disabled}
                  aria-label={l.remove(label)}
                  onClick={() => removeAt(index)}
                  className="inline-flex size-6 shrink-0 items-center justify-center rounded text-muted-foreground hover:bg-slate-200 hover:text-foreground focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-ring"
                >
                  <X aria-hidden="true" className="size-3.5" />
                </button>
              </li>
            );
          })}
        </ul>
      )}

      {selected.map((value) => (
        <input key={value} type="hidden" name={name} value={value} disabled={disabled} />
      ))}
    </div>
  );
}
