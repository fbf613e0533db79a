// Calendar dates travel as "YYYY-MM-DD" strings and are stored as PostgreSQL `date` (a JS Date at
// UTC midnight). Keeping them as strings in DTOs avoids time-zone shifts between server and browser.

export const toDbDate = (iso: string): Date => new Date(`${iso}T00:00:00Z`);
export const toDbDateOrNull = (iso: string | null | undefined): Date | null => (iso ? toDbDate(iso) : null);
// Calendar dates repeat (a few thousand distinct days in a million records), and an export formats
// two per row: formatting each day once saves a tenth of the CSV export's time (bench/export-csv.ts).
const isoDays = new Map<number, string>();
const ISO_DAYS_MAX = 50_000;

export const toIsoDate = (d: Date): string => {
  const t = d.getTime();
  let iso = isoDays.get(t);
  if (iso === undefined) {
    iso = d.toISOString().slice(0, 10);
    if (isoDays.size >= ISO_DAYS_MAX) isoDays.clear();
    isoDays.set(t, iso);
  }
  return iso;
};
export const toIsoDateOrNull = (d: Date | null | undefined): string | null => (d ? toIsoDate(d) : null);

/** Today as YYYY-MM-DD in UTC. */
export const todayIso = (now = new Date()) => toIsoDate(now);
