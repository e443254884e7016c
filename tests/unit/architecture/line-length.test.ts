// The code is formatted by prettier (`npm run format:check`, printWidth 140), which cannot wrap a long
// string or comment; this check holds those too, so that every line reads in a side-by-side diff.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
export const MAX_LINE = 160;

/** `file:line (length)` of each line longer than MAX_LINE characters. */
export function longLines(files: { name: string; text: string }[]): string[] {
  const found: string[] = [];
  for (const f of files) {
    f.text.split('\n').forEach((line, i) => {
      if ([...line].length > MAX_LINE) found.push(`${f.name}:${i + 1} (${[...line].length})`);
    });
  }
  return found;
}

function sourceFiles(): string[] {
  const listed = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '*.ts', '*.tsx', '*.js'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return listed.split('\n').filter((f) => f && !f.startsWith('out/'));
}

describe('line length', () => {
  it(`no line of our code is over ${MAX_LINE} characters`, () => {
    const files = sourceFiles().flatMap((name) => {
      try {
        return [{ name, text: readFileSync(`${ROOT}${name}`, 'utf8') }];
      } catch {
        return []; // listed but deleted in the working tree
      }
    });
    expect(files.length).toBeGreaterThan(100);
    expect(longLines(files), 'wrap these lines (split the string or the comment)').toEqual([]);
  });

  it('finds a planted long line, counting characters, not bytes', () => {
    const chinese = '字'.repeat(MAX_LINE);
    expect(longLines([{ name: 'a.ts', text: `ok\n${chinese}\n${'x'.repeat(MAX_LINE + 1)}` }])).toEqual(['a.ts:3 (161)']);
  });
});
