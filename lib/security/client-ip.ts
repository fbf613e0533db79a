// The client's IP address, for the per-IP sign-in limits and the audit trail. X-Forwarded-For is
// written by whoever sends the request, so it is believed only for the proxies the operator declared
// (TRUSTED_PROXY_HOPS): scripts/serve.mjs rewrites the header from the socket address before the app
// sees it, so that here the first entry is the address to use.

/**
 * Picks the client address from the forwarded chain and the socket address: with N trusted proxies,
 * the Nth address from the right (each proxy appends the address it received the request from).
 */
export function clientIpFrom(forwardedFor: string | null | undefined, socketAddress: string | null | undefined, trustedHops: number): string | null {
  const socket = normalizeIp(socketAddress);
  if (trustedHops <= 0) return socket;
  const chain = [
    ...(forwardedFor ?? "")
      .split(",")
      .map((s) => normalizeIp(s))
      .filter((s): s is string => !!s),
    ...(socket ? [socket] : []),
  ];
  if (!chain.length) return null;
  return chain[Math.max(0, chain.length - 1 - trustedHops)];
}

/** "::ffff:127.0.0.1" → "127.0.0.1"; trims; refuses anything that is not an address-like token. */
export function normalizeIp(value: string | null | undefined): string | null {
  const v = value?.trim().replace(/^::ffff:/i, "");
  if (!v || v.length > 45 || !/^[0-9a-fA-F:.]+$/.test(v)) return null;
  return v.toLowerCase();
}

/** What the app reads after scripts/serve.mjs: the first X-Forwarded-For entry. */
export const ipFromHeader = (forwardedFor: string | null | undefined) => normalizeIp(forwardedFor?.split(",")[0]);
