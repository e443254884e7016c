/**
 * Issue 12: `hcc serve --host 0.0.0.0` served plain HTTP to the whole network without a word. A
 * host other than loopback is refused unless `--allow-network` says so, and then a warning that the
 * traffic is unencrypted goes to stderr. Run as the real CLI, in a child process.
 */
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { type CliResult, runCli } from '../../../support/cli.ts';
import { useTempDir } from '../../../support/temp-dir.ts';

const tempDir = useTempDir();

/** `hcc serve …` until it says where it serves (then stopped with SIGTERM) or until it exits. */
function serve(extra: string[]): Promise<CliResult> {
  const db = join(tempDir(), 'console.db');
  return runCli(['serve', '--db', db, '--port', '0', ...extra], {
    onStart: (child) => {
      let out = '';
      child.stdout?.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('console at')) child.kill('SIGTERM');
      });
    },
  });
}

describe('hcc serve --host', () => {
  test('a host reachable from the network is refused without --allow-network, saying why in both languages', async () => {
    for (const host of ['0.0.0.0', '::', '192.168.1.5', 'console.example']) {
      const r = await serve(['--host', host]);
      expect(r.code, host).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain('--allow-network');
      expect(r.stderr).toMatch(/unencrypted/);
      expect(r.stderr).toMatch(/未加密/);
    }
  });

  test('with --allow-network it serves, and warns on stderr that the traffic is unencrypted', async () => {
    const r = await serve(['--host', '0.0.0.0', '--allow-network']);
    expect(r.stdout).toMatch(/console at http:\/\//);
    expect(r.stderr).toMatch(/warning.*0\.0\.0\.0.*unencrypted/is);
    expect(r.stderr).toMatch(/警告.*未加密/s);
  });

  test('loopback addresses need no flag and print no warning', async () => {
    for (const host of ['127.0.0.1', 'localhost', '::1']) {
      const r = await serve(['--host', host]);
      expect(r.stdout, host).toMatch(/console at http:\/\//);
      expect(r.stderr, host).not.toMatch(/unencrypted/);
    }
  });
});
