// The client's IP address from the socket and X-Forwarded-For. The header is written by whoever sends
// the request, so only the entries added by the operator's own proxies are believed: with
// TRUSTED_PROXY_HOPS=N (default 0: no proxy, the header is ignored) the client is the Nth address from
// the right of "forwarded entries…, socket address" (each proxy appends the address it heard from).

/** "::ffff:127.0.0.1" → "127.0.0.1"; null for anything that is not address-like. */
export function normalizeIp(value) {
  const v = typeof value === "string" ? value.trim().replace(/^::ffff:/i, "") : "";
  if (!v || v.length > 45 || !/^[0-9a-fA-F:.]+$/.test(v)) return null;
  return v.toLowerCase();
}

/**
 * @param {string | string[] | undefined | null} forwardedFor the X-Forwarded-For header(s)
 * @param {string | undefined | null} socketAddress
 * @param {number} trustedHops
 * @returns {string | null}
 */
export function clientIpFrom(forwardedFor, socketAddress, trustedHops) {
  const socket = normalizeIp(socketAddress);
  if (!(trustedHops > 0)) return socket;
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? "");
  const chain = [...header.split(",").map(normalizeIp).filter(Boolean), ...(socket ? [socket] : [])];
  if (!chain.length) return null;
  return chain[Math.max(0, chain.length - 1 - trustedHops)];
}

export const trustedHopsFromEnv = (env = process.env) => {
  const n = Number(env.TRUSTED_PROXY_HOPS ?? 0);
  return Number.isInteger(n) && n >= 0 && n <= 10 ? n : 0;
};
