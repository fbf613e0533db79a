// Calendar dates travel as "YYYY-MM-DD" strings and are stored as PostgreSQL `date` (a JS Date at
// UTC midnight). Keeping them as strings in DTOs avoids time-zone shifts between server and browser.

export const toDbDate = (iso: string): Date => new Date(`${iso}T00:00:00Z`);
export const toDbDateOrNull = (iso: string | null | undefined): Date | null => (iso ? toDbDate(iso) : null);
export const toIsoDate = (d: Date): string => d.toISOString().slice(0, 10);
export const toIsoDateOrNull = (d: Date | null | undefined): string | null => (d ? toIsoDate(d) : null);

/** Today as YYYY-MM-DD in UTC. */
export const todayIso = (now = new Date()) => toIsoDate(now);
