// The client's IP address as the app reads it. scripts/serve.mjs (which serves the built app) replaces
// X-Forwarded-For with the one address it decided on (the socket's, or the one the operator's trusted
// proxies reported: TRUSTED_PROXY_HOPS), so here the first entry is the address to use.

/** "::ffff:127.0.0.1" → "127.0.0.1"; null for anything that is not address-like. */
export function normalizeIp(value: string | null | undefined): string | null {
  const v = value?.trim().replace(/^::ffff:/i, "");
  if (!v || v.length > 45 || !/^[0-9a-fA-F:.]+$/.test(v)) return null;
  return v.toLowerCase();
}

export const ipFromHeader = (forwardedFor: string | null | undefined) => normalizeIp(forwardedFor?.split(",")[0]);
