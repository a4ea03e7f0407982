import type { ImportResult } from "../../domain/registry/schemas.js";
import { ApiError } from "../api/client.js";

export type CsvProblem = { line: number | null; field: string; message: string };

/** The server's problems ("line 12: date") as rows of a table, in line order. */
export function csvProblems(error: unknown, result?: ImportResult | null): CsvProblem[] {
  const problems: CsvProblem[] = [];
  if (error instanceof ApiError) {
    for (const field of error.fields) {
      const match = /^line (\d+):\s*(.*)$/.exec(field.path);
      problems.push(
        match
          ? { line: Number(match[1]), field: match[2] ?? "", message: field.message }
          : { line: null, field: field.path.replace(/^body\./, ""), message: field.message },
      );
    }
  }
  for (const problem of result?.errors ?? []) problems.push(problem);
  return problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}
