import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// Modules that import "server-only": never from components (they may render in the browser).
const SERVER_ONLY = [
  "@/lib/db",
  "@/lib/auth",
  "@/lib/session",
  "@/lib/audit",
  "@/lib/http",
  "@/lib/passwords",
  "@/lib/references",
  "@/lib/server-action",
  "@/lib/form-options",
  "@/lib/not-found",
  "@/lib/health",
  "@/lib/*/queries",
  "@/lib/*/mutations",
];
const DB_CLIENT = ["@/lib/db", "@/generated/prisma/client", "@/generated/prisma", "@prisma/client"];

const restrict = (patterns, message) => [
  "error",
  { patterns: [{ group: patterns, message, allowTypeImports: true }] },
];

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: ["node_modules/**", ".next/**", "generated/**", ".pgdata/**", ".pgdata-test/**", "test-results/**", "playwright-report/**", "next-env.d.ts"],
  },
  {
    // These patch untyped internals of pg and the Prisma adapter (see the comments in them).
    files: ["prisma.config.ts", "prisma/pg-name-shim.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    // CommonJS config files read by Next and tools.
    files: ["*.js"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  // The layering of STYLE.md, kept by the linter:
  // only lib/ and prisma/ (and tests, scripts) talk to the database client …
  {
    files: ["app/**", "components/**", "i18n/**"],
    rules: { "@typescript-eslint/no-restricted-imports": restrict(DB_CLIENT, "Only lib/ and prisma/ use the database client: call a lib/<area> function.") },
  },
  // … components never import server-only modules …
  {
    files: ["components/**"],
    rules: {
      "@typescript-eslint/no-restricted-imports": restrict(
        [...new Set([...DB_CLIENT, ...SERVER_ONLY])],
        "Components must not import server-only modules: take data as props from the page, or call a server action.",
      ),
    },
  },
  // … and lib/ never imports from app/.
  {
    files: ["lib/**"],
    rules: { "@typescript-eslint/no-restricted-imports": restrict(["@/app/*", "@/app/**", "@/components/*", "@/components/**"], "lib/ is below app/ and components/: it must not import from them.") },
  },
];

export default config;
