import { existsSync } from "node:fs";
import { chromium, defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${PORT}`;

// Browser choice: explicit env var > Playwright's own downloaded Chromium (normal dev machine)
// > Debian's /usr/bin/chromium (offline box where `playwright install` cannot download).
function chromiumExecutable(): string | undefined {
  if (process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE) return process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE;
  try {
    if (existsSync(chromium.executablePath())) return undefined; // bundled browser is installed
  } catch {}
  return existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined;
}
const executablePath = chromiumExecutable();

export default defineConfig({
  testDir: "./e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [["list"]],
  outputDir: "test-results",
  timeout: 30_000,
  use: {
    baseURL,
    trace: "retain-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: executablePath
          ? {
              executablePath,
              args: [
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-quic",
              ],
            }
          : {},
      },
    },
  ],
  webServer: {
    // `npm test` (scripts/test.mjs) has built the app and created, migrated and seeded the e2e
    // database; without E2E_DATABASE_URL, with-db.mjs falls back to the embedded database.
    command: `node scripts/with-db.mjs node scripts/serve.mjs -p ${PORT} -H 127.0.0.1`,
    url: `${baseURL}/login`,
    timeout: 120_000,
    reuseExistingServer: !process.env.CI,
    // SIGTERM (not the default SIGKILL) so with-db.mjs can stop embedded Postgres cleanly
    gracefulShutdown: { signal: "SIGTERM", timeout: 5_000 },
    stdout: "pipe",
    stderr: "pipe",
    env: {
      NEXTAUTH_URL: baseURL,
      NEXTAUTH_SECRET: "e2e-only-secret-not-for-production-use",
      NEXT_TELEMETRY_DISABLED: "1",
      // background jobs run only when a test asks for them (/admin/jobs), so runs are repeatable
      JOBS: "off",
      ...(process.env.E2E_DATABASE_URL ? { DATABASE_URL: process.env.E2E_DATABASE_URL } : {}),
      ...(process.env.E2E_APP_DATABASE_URL ? { APP_DATABASE_URL: process.env.E2E_APP_DATABASE_URL } : {}),
    },
  },
});
