// The `comity` command run from the TypeScript sources by tsx, without building dist/node.
// `npm run dev` runs `comity serve` this way under `tsx watch`, which restarts it when a
// file it imports changes: src/server, src/db, src/domain and src/cli, never src/web (the
// server does not import the web app; Vite reloads that). On a restart tsx sends SIGTERM:
// the server stops cleanly, stopping the embedded PostgreSQL it owns, and the next start
// starts it again; a process killed before that leaves the database running, and the
// next start adopts it.
import { main } from "../src/cli/main.js";

await main(process.argv);
