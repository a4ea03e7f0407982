import { mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import openapiTS, { astToString } from "openapi-typescript";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * The committed OpenAPI document is usable by an integrator: a TypeScript client
 * generated from docs/openapi.json with openapi-typescript type-checks typed calls made
 * with openapi-fetch (client-calls.ts.txt), and rejects wrong ones
 * (client-calls-wrong.ts.txt, the negative control). No server, no database: the calls
 * are only type-checked, never executed.
 *
 * The generated types and the fixtures go to a temporary folder whose `node_modules` is a
 * link to the repository's, as in an integrator's project. To check another call, add it
 * to a fixture; nothing here needs to change.
 */

const root = fileURLToPath(new URL("../..", import.meta.url));
const documentPath = path.join(root, "docs", "openapi.json");
const fixtures = ["client-calls.ts", "client-calls-wrong.ts"] as const;
type Fixture = (typeof fixtures)[number];

/** Strict options, like an integrator's project (and this repository's tsconfig.json). */
const compilerOptions: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  lib: ["lib.es2023.d.ts", "lib.dom.d.ts", "lib.dom.iterable.d.ts"],
  types: [],
  strict: true,
  noUncheckedIndexedAccess: true,
  noImplicitOverride: true,
  verbatimModuleSyntax: true,
  noEmit: true,
  // The generated openapi.d.ts is checked too; only the standard library is skipped.
  skipLibCheck: false,
  skipDefaultLibCheck: true,
};

let dir = "";
let generatedLines = 0;
const diagnosticsByFile = new Map<Fixture, readonly ts.Diagnostic[]>();
let generalDiagnostics: readonly ts.Diagnostic[] = [];

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "comity-openapi-client-"));
  await symlink(path.join(root, "node_modules"), path.join(dir, "node_modules"), "dir");
  await writeFile(path.join(dir, "package.json"), JSON.stringify({ type: "module", private: true }));

  // What `npx openapi-typescript docs/openapi.json -o openapi.d.ts` does.
  const generated = astToString(await openapiTS(pathToFileURL(documentPath), { silent: true }));
  generatedLines = generated.split("\n").length;
  await writeFile(path.join(dir, "openapi.d.ts"), generated);
  for (const fixture of fixtures) {
    const text = await readFile(path.join(root, "test", "contract", `${fixture}.txt`), "utf8");
    await writeFile(path.join(dir, fixture), text);
  }

  const program = ts.createProgram({
    rootNames: fixtures.map((fixture) => path.join(dir, fixture)),
    options: compilerOptions,
  });
  const all = ts.getPreEmitDiagnostics(program);
  for (const fixture of fixtures) {
    diagnosticsByFile.set(
      fixture,
      all.filter((d) => d.file && path.basename(d.file.fileName) === fixture),
    );
  }
  // Anything else: options, module resolution, the generated file, openapi-fetch's types.
  generalDiagnostics = all.filter(
    (d) => !d.file || !fixtures.some((fixture) => path.basename(d.file?.fileName ?? "") === fixture),
  );
}, 60_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

const formatHost: ts.FormatDiagnosticsHost = {
  getCanonicalFileName: (fileName) => fileName,
  getCurrentDirectory: () => dir,
  getNewLine: () => "\n",
};

/** `file:line TSxxxx message`, one a line, for failure messages. */
function format(diagnostics: readonly ts.Diagnostic[]): string {
  return ts.formatDiagnostics(diagnostics, formatHost);
}

/** `line TSxxxx` of each diagnostic (1-based lines). */
function located(diagnostics: readonly ts.Diagnostic[]): string[] {
  return diagnostics.map((d) => {
    const line = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : 0;
    return `${line} TS${d.code}`;
  });
}

/** `line TSxxxx` for each `// expect-error TSxxxx` comment: the error is on the next line. */
async function expectedErrors(fixture: Fixture): Promise<string[]> {
  const text = await readFile(path.join(root, "test", "contract", `${fixture}.txt`), "utf8");
  return text.split("\n").flatMap((line, index) => {
    const match = /\/\/ expect-error TS(\d+)/.exec(line);
    return match ? [`${index + 2} TS${match[1]}`] : [];
  });
}

describe("a TypeScript client generated from docs/openapi.json", () => {
  it("is generated, and its declarations and openapi-fetch's type-check", () => {
    expect(generatedLines).toBeGreaterThan(1000);
    expect(generalDiagnostics, format(generalDiagnostics)).toEqual([]);
  });

  it("type-checks typed calls (client-calls.ts.txt) with zero diagnostics", () => {
    const diagnostics = diagnosticsByFile.get("client-calls.ts") ?? [];
    expect(diagnostics, format(diagnostics)).toEqual([]);
  });

  it("rejects wrong calls (client-calls-wrong.ts.txt) with exactly the expected diagnostics", async () => {
    const diagnostics = diagnosticsByFile.get("client-calls-wrong.ts") ?? [];
    const expected = await expectedErrors("client-calls-wrong.ts");
    expect(expected.length).toBeGreaterThanOrEqual(5);
    expect(located(diagnostics), format(diagnostics)).toEqual(expected);
  });
});
