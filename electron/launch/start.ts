/**
 * `npm start`: builds the console and starts it in Electron. Where Electron cannot start (its
 * binary is not installed and cannot be downloaded, or there is no display) it says so in one line
 * and names the browser mode instead of printing a stack trace.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const BROWSER_MODE = 'npm run serve';

function fail(reason: string): never {
  process.stderr.write(`The desktop console cannot start here: ${reason}. Use the browser mode instead: ${BROWSER_MODE}\n`);
  process.exit(1);
}

function electronBinary(): string {
  // Electron fetches its binary on first use; ask in a child so a failed download stays quiet.
  const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], {
    cwd: process.cwd(),
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 600_000,
  });
  if (probe.status !== 0 || !probe.stdout) fail('the Electron binary is not installed and could not be downloaded');
  return probe.stdout;
}

const needsDisplay = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
if (needsDisplay) fail('there is no display (DISPLAY is not set)');
const binary = electronBinary();
const build = spawnSync(process.execPath, [require.resolve('electron-vite/bin/electron-vite.js'), 'build'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const child = spawn(binary, ['.'], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
