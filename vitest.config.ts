import path from "node:path";
import { defineConfig } from "vitest/config";

// Unit tests (pure logic) and integration tests (domain functions against a real PostgreSQL
// database, never a mock). `npm test` creates and migrates the database and sets DATABASE_URL.
export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(__dirname),
      // "server-only" throws outside Next's server bundle; in tests the lib modules run in Node.
      "server-only": path.resolve(__dirname, "tests/support/empty.ts"),
    },
  },
  test: {
    environment: "node",
    include: ["lib/**/*.test.ts", "tests/**/*.test.ts"],
    setupFiles: ["tests/support/setup.ts"],
    // Files share one database; running them one after another keeps counts and timings honest.
    fileParallelism: false,
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
