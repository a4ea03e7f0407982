import { defineConfig } from "vitest/config";

/**
 * `npm test`: unit tests (src/**) and integration tests (test/**) against a real
 * PostgreSQL: the embedded one by default, or the server at TEST_DATABASE_URL.
 * Browser tests have their own config (vitest.browser.config.ts).
 */
export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    exclude: ["test/browser/**", "node_modules/**", "dist/**"],
    globalSetup: ["test/support/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: "forks",
    maxWorkers: 2,
    reporters: process.env.CI ? ["default"] : ["default"],
  },
});
