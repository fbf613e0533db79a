/** A definition list of a record's fields: label on the left (above on phones), value on the right. */
export function DetailList({ items }: { items: { label: string; value: React.ReactNode; hideEmpty?: boolean }[] }) {
  return (
    <dl className="divide-y text-sm">
      {items
        .filter((i) => !(i.hideEmpty && (i.value == null || i.value === "")))
        .map((i) => (
          <div key={i.label} className="grid gap-1 py-2.5 sm:grid-cols-3 sm:gap-4">
            <dt className="font-medium text-muted-foreground">{i.label}</dt>
            <dd className="break-words sm:col-span-2">{i.value ?? "—"}</dd>
          </div>
        ))}
    </dl>
  );
}
