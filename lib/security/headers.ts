// The Content-Security-Policy with a per-request nonce, set by proxy.ts on every page and API
// answer. The headers that never change (nosniff, framing, referrer, permissions, HSTS) are in
// next.config.js, which also covers the static files the proxy skips.

/** 16 random bytes, base64: a nonce an attacker cannot guess, new for every request. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/**
 * The policy: scripts only with this request's nonce (Next's own bootstrap and chunks carry it,
 * 'strict-dynamic' lets them load the chunks they import); no plugins, no <base>, no framing, forms
 * only to this origin. Inline styles stay allowed: Radix and the charts position elements with
 * style attributes, which a nonce cannot cover, and styles cannot run code.
 */
export function contentSecurityPolicy(nonce: string, { dev = false } = {}): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
    "worker-src 'self' blob:",
    "manifest-src 'self'",
  ].join("; ");
}

/**
 * Pages and API answers hold records and must not be kept by the browser or a proxy (a shared
 * computer, the back button after sign-out). Only Next's content-hashed static files may be cached.
 */
export const isCacheableAsset = (pathname: string) =>
  pathname.startsWith("/_next/static/") || /^\/(favicon\.ico|icon\.svg|robots\.txt)$/.test(pathname);
