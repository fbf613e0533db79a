// @ts-check
const createNextIntlPlugin = require("next-intl/plugin");

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

// Security headers on every response. The CSP allows inline styles and scripts because Next's App
// Router inlines its bootstrap; everything else is same-origin only.
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
  {
    key: "Content-Security-Policy",
    value:
      "default-src 'self'; script-src 'self' 'unsafe-inline'" +
      (process.env.NODE_ENV === "development" ? " 'unsafe-eval'" : "") +
      "; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
  },
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
