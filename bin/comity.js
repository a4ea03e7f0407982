#!/usr/bin/env node
// The `comity` command. Builds the server (and, for `serve`, the web app) when the
// sources changed since the last build, then runs the compiled CLI.
import { ensureBuilt } from "../scripts/build.mjs";

const command = process.argv[2];
await ensureBuilt({ web: command === "serve" });
const { main } = await import("../dist/node/cli/main.js");
await main(process.argv);
