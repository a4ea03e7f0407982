import { writeFile } from "node:fs/promises";
import type { Command } from "commander";
import { generateOpenApiDocument } from "../server/openapi-document.js";
import { progress } from "./output.js";

export function registerOpenApi(program: Command): void {
  program
    .command("openapi")
    .description("Print the OpenAPI 3 document of the API (or write it with --out)")
    .option("--out <file>", "write to this file instead of stdout")
    .action(async (options: { out?: string }) => {
      const text = `${JSON.stringify(await generateOpenApiDocument(), null, 2)}\n`;
      if (!options.out) return void process.stdout.write(text);
      await writeFile(options.out, text);
      progress(`Wrote ${options.out}.`);
    });
}
