import { defineConfig } from "vitest/config";

/**
 * `npm test` runs two projects; `--project unit` or `--project integration` runs one.
 * - unit: the tests that need no database (src/**, test/web/**, test/contract/**,
 *   test/architecture.test.ts). No PostgreSQL is started.
 * - integration: the rest of test/**, against a real PostgreSQL: the embedded one by
 *   default, or the server at TEST_DATABASE_URL. Its global setup starts the database
 *   once per run, and only when an integration file is selected.
 * Browser tests have their own config (vitest.browser.config.ts).
 *
 * The global setup belongs to the integration project alone: Vitest runs the root
 * config's global setup on every run, whatever the projects selected.
 */
const unitFiles = [
  "src/**/*.test.ts",
  "test/web/**/*.test.ts",
  "test/contract/**/*.test.ts",
  "test/architecture.test.ts",
];

/**
 * `npm run test:external` sets COMITY_TEST_EXTERNAL=1: the run on the PostgreSQL at
 * TEST_DATABASE_URL leaves out the unit tests under src/ and the two suites that start
 * embedded servers of their own. Vitest 4.1 does not apply `--exclude` given on the
 * command line to the projects, hence the variable.
 */
const externalRunExcludes =
  process.env.COMITY_TEST_EXTERNAL === "1"
    ? ["src/**", "test/integration/embedded.test.ts", "test/integration/cli.test.ts"]
    : [];

export default defineConfig({
  test: {
    exclude: ["test/browser/**", "node_modules/**", "dist/**", ...externalRunExcludes],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: "forks",
    // Shared by the projects: at most two test files run at a time in all.
    maxWorkers: 2,
    reporters: ["default"],
    projects: [
      {
        extends: true,
        test: { name: "unit", include: unitFiles },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["test/**/*.test.ts"],
          // Added to the root config's exclude list.
          exclude: unitFiles,
          globalSetup: ["test/support/global-setup.ts"],
        },
      },
    ],
  },
});
