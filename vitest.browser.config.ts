import { defineConfig } from "vitest/config";

/**
 * `npm run test:browser`: the built web app, served by a real `comity serve` process on
 * its own embedded PostgreSQL, driven in Debian's Chromium by playwright-core.
 * Screenshots land in test-results/screenshots (git-ignored).
 */
export default defineConfig({
  test: {
    include: ["test/browser/**/*.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: "forks",
    maxWorkers: 1,
    fileParallelism: false,
  },
});
