import { useFormatter, useLocale, useTranslations } from "next-intl";
import type { DatePrecision } from "@/lib/actions/dto";

/**
 * A date shown as precisely as it is known: "11 April 2023", "October 2024", "2022", or
 * "approx. October 2024" for an estimate. Works in server and client components.
 */
export function RecordDate({ date, precision = "DAY" }: { date: string; precision?: DatePrecision }) {
  const format = useFormatter();
  const t = useTranslations("common.dates");
  // Ukrainian writes the month in the genitive ("15 січня 2026 р."); its abbreviations ("15 січ.")
  // read as clipped, so the full name is used there.
  const month = useLocale() === "uk" ? "long" : "short";
  const d = new Date(`${date}T00:00:00Z`);
  const text =
    precision === "YEAR"
      ? format.dateTime(d, { year: "numeric", timeZone: "UTC" })
      : precision === "MONTH" || precision === "ESTIMATED"
        ? format.dateTime(d, { year: "numeric", month: "long", timeZone: "UTC" })
        : format.dateTime(d, { year: "numeric", month, day: "numeric", timeZone: "UTC" });
  return (
    <time dateTime={date} className="whitespace-nowrap" title={precision === "DAY" ? undefined : t(`precision.${precision}`)}>
      {precision === "ESTIMATED" ? t("approx", { date: text }) : text}
    </time>
  );
}
