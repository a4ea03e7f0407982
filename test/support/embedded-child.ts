// A separate process that opens the embedded database and keeps it, for the lifecycle
// tests: prints {url, startedHere} then waits to be killed or told to release.
import { openEmbeddedDatabase } from "../../src/db/embedded.js";

const [dataDir, port, role] = process.argv.slice(2);
const database = await openEmbeddedDatabase({
  dataDir: dataDir!,
  port: Number(port),
  role: role as "server" | "command",
});
process.stdout.write(`${JSON.stringify({ url: database.url, startedHere: database.startedHere })}\n`);
process.stdin.on("data", async () => {
  await database.release();
  process.exit(0);
});
