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

/**
 * Ends the process with `code` once everything written to stdout and stderr has been handed to the
 * operating system. On a pipe Node writes asynchronously: what does not fit in the pipe's buffer
 * (64 KB) waits in the process, and process.exit() alone throws it away, cutting a script's JSON
 * short. The exit itself stays forced, so a worker thread or timer left behind cannot hang `hcc`.
 */
export async function exitAfterFlush(code: number): Promise<never> {
  process.exitCode = code;
  await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
  process.exit(code);
}

/**
 * A reader that stops early (`hcc case list | head`) closes the pipe: what is left of the output has
 * nowhere to go, which is no failure of the command, so it finishes its work and exits as it would.
 */
export function tolerateClosedReaders(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code !== 'EPIPE' && err.code !== 'ERR_STREAM_DESTROYED') throw err;
    });
  }
}

/** A write's callback runs after every earlier write has gone out, or with the error that stopped it. */
function flushed(stream: NodeJS.WriteStream): Promise<void> {
  // A reader that went away (`hcc ... | head`) leaves nothing to wait for: exiting is all there is.
  if (stream.destroyed || !stream.writable) return Promise.resolve();
  return new Promise((done) => stream.write('', () => done()));
}

/** A plain text table with aligned columns (CJK characters count double). */
export function table(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u1100-\uffff]/.test(ch) ? 2 : 1), 0);
  const all = [header, ...rows].map((r) => r.map(String));
  const widths = header.map((_, c) => Math.max(...all.map((r) => width(r[c] ?? ''))));
  return all
    .map((r) =>
      r
        .map((cell, c) => cell + ' '.repeat(widths[c]! - width(cell)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
