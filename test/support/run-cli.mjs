// Runs the compiled `comity` CLI (dist/node), as bin/comity.js does after its build step.
import { main } from "../../dist/node/cli/main.js";

await main(process.argv);
