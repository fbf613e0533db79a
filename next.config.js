// @ts-check
const createNextIntlPlugin = require("next-intl/plugin");

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

// Fixed security headers on every response, static files included. The Content-Security-Policy
// (with a nonce per request) and `Cache-Control: no-store` come from proxy.ts. HSTS only in a
// production build: browsers ignore it over plain http, and a developer's localhost stays unpinned.
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  { key: "Cross-Origin-Resource-Policy", value: "same-origin" },
  ...(process.env.NODE_ENV === "production"
    ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }]
    : []),
];

// Served files (lib/attachments): no scripts, no plugins, no network; images and inline styles of a
// PDF viewer only.
const ATTACHMENT_CSP = "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'";

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  typedRoutes: false,
  async headers() {
    return [
      // every path but the evidence downloads
      { source: "/((?!api/attachments/).*)", headers: securityHeaders },
      // Evidence files (issue 8): configured headers win over a route's own, so the downloads get
      // the same headers except a sandbox CSP, under which nothing in a file can run.
      {
        source: "/api/attachments/:path*",
        headers: [
          ...securityHeaders.filter((h) => h.key !== "Content-Security-Policy"),
          { key: "Content-Security-Policy", value: ATTACHMENT_CSP },
        ],
      },
    ];
  },
};

module.exports = withNextIntl(nextConfig);
