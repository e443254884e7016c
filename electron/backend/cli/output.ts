/** How commands talk back: one JSON document on stdout with --json, else readable text. */
export interface Output {
  json: boolean;
  /** The command's result. */
  result(value: unknown, text: () => string): void;
  /** Progress for people watching (stderr), only when asked for or on a terminal. */
  progress(line: string): void;
}

export function createOutput(json: boolean, showProgress: boolean): Output {
  return {
    json,
    result(value, text) {
      process.stdout.write(json ? JSON.stringify(value, null, 2) + '\n' : text() + '\n');
    },
    progress(line) {
      if (showProgress) process.stderr.write(line + '\n');
    },
  };
}

/** A plain text table with aligned columns (CJK characters count double). */
export function table(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u1100-\uffff]/.test(ch) ? 2 : 1), 0);
  const all = [header, ...rows].map((r) => r.map(String));
  const widths = header.map((_, c) => Math.max(...all.map((r) => width(r[c] ?? ''))));
  return all.map((r) => r.map((cell, c) => cell + ' '.repeat(widths[c]! - width(cell))).join('  ').trimEnd()).join('\n');
}
