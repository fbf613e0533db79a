// Authentication settings from the environment (README "Configuration"), read once per process.
const num = (name: string, fallback: number, min: number, max: number) => {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v >= min && v <= max ? v : fallback;
};

export const authConfig = {
  /** A session ends after this long without a request. */
  idleMs: num("SESSION_IDLE_MINUTES", 30, 1, 24 * 60) * 60_000,
  /** A session ends this long after sign-in, however active. */
  absoluteMs: num("SESSION_MAX_HOURS", 12, 0.05, 7 * 24) * 3_600_000,
};
