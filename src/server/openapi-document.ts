import { hostname } from "node:os";
import { createDatabase, createPool } from "../db/client.js";
import { buildApp } from "./app.js";
import { loadConfig } from "./platform/config.js";
import { deriveSecrets } from "./platform/secrets.js";

/**
 * The OpenAPI document, generated from the routes' zod schemas without a database
 * (building the app runs no query). docs/openapi.json is this, committed, so that a
 * change of the API shows in review; a test fails when it is stale.
 */
export async function generateOpenApiDocument(): Promise<unknown> {
  const pool = createPool("postgres://unused@127.0.0.1:1/unused", { max: 1 });
  const app = await buildApp(
    {
      database: createDatabase(pool),
      secrets: deriveSecrets(Buffer.alloc(32), "environment"),
      config: loadConfig({ COMITY_API_DOCS: "false" }),
      clock: () => new Date(0),
      node: hostname(),
    },
    { logger: false, webDir: null },
  );
  try {
    await app.ready();
    return app.swagger();
  } finally {
    await app.close();
    await pool.end();
  }
}
