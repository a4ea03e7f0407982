/**
 * Output conventions of the `comity` command: data goes to stdout (as JSON with --json,
 * as readable lines otherwise); progress and messages go to stderr, so that
 * `comity users list --json | jq` works while progress stays visible.
 */
export function progress(message: string): void {
  process.stderr.write(`comity: ${message}\n`);
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function printTable(rows: Record<string, string | number | boolean | null>[]): void {
  if (rows.length === 0) {
    process.stdout.write("(none)\n");
    return;
  }
  const columns = Object.keys(rows[0]!);
  const widths = columns.map((column) =>
    Math.max(column.length, ...rows.map((row) => String(row[column] ?? "").length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, index) => cell.padEnd(widths[index]!))
      .join("  ")
      .trimEnd();
  process.stdout.write(`${line(columns)}\n${line(widths.map((width) => "-".repeat(width)))}\n`);
  for (const row of rows)
    process.stdout.write(`${line(columns.map((column) => String(row[column] ?? "")))}\n`);
}

/** A one-line progress bar on stderr when it is a terminal, a line per 10 % otherwise. */
export function progressBar(label: string): (done: number, total: number) => void {
  let lastDecile = -1;
  return (done, total) => {
    const fraction = total > 0 ? Math.min(1, done / total) : 1;
    if (process.stderr.isTTY) {
      const width = 30;
      const filled = Math.round(fraction * width);
      process.stderr.write(
        `\rcomity: ${label} [${"#".repeat(filled)}${".".repeat(width - filled)}] ${done}/${total}`,
      );
      if (fraction === 1) process.stderr.write("\n");
      return;
    }
    const decile = Math.floor(fraction * 10);
    if (decile !== lastDecile) {
      lastDecile = decile;
      progress(`${label}: ${done}/${total} (${decile * 10} %)`);
    }
  };
}
