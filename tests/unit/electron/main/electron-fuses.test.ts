/**
 * The Electron fuses of the packaged console (electron-builder.yml `electronFuses`): the switches
 * baked into the binary that no environment variable or command-line flag can turn back on. Read
 * with a tiny reader of the one block (no YAML package in the tree) and checked against the schema
 * of the installed electron-builder, so a misspelt fuse fails here rather than at packaging time.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..', '..', '..');
const builderYml = readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8');

/** The `key: true|false` lines of one top-level mapping; anything else inside it throws. */
function topLevelBooleans(yaml: string, key: string): Map<string, boolean> {
  const lines = yaml.split(/\r?\n/);
  const starts = lines.flatMap((l, i) => (new RegExp(`^${key}:\\s*(#.*)?$`).test(l) ? [i] : []));
  if (starts.length !== 1) throw new Error(`expected one top-level "${key}:" block, found ${starts.length}`);
  const values = new Map<string, boolean>();
  for (const line of lines.slice(starts[0]! + 1)) {
    if (/^\s*(#.*)?$/.test(line)) continue;
    if (!/^\s/.test(line)) break;
    const m = /^\s+([A-Za-z]+):\s*(true|false)\s*(#.*)?$/.exec(line);
    if (!m) throw new Error(`not a "name: true|false" line in ${key}: ${line}`);
    values.set(m[1]!, m[2] === 'true');
  }
  return values;
}

// electron-builder's own loader and schema check (app-builder-lib, installed with electron-builder).
interface BuilderConfigModule {
  getConfig(projectDir: string, configPath: string | null, fromOptions: null): Promise<Record<string, unknown>>;
  validateConfiguration(config: Record<string, unknown>, logger: unknown): Promise<void>;
}
interface BuilderUtilModule {
  DebugLogger: new (enabled: boolean) => unknown;
}

interface SchemaNode {
  properties?: Record<string, unknown>;
  definitions?: Record<string, SchemaNode>;
}

describe('Electron fuses (electron-builder.yml)', () => {
  const fuses = topLevelBooleans(builderYml, 'electronFuses');

  test('Node-as-a-backdoor fuses are off: ELECTRON_RUN_AS_NODE, NODE_OPTIONS, --inspect', () => {
    expect(fuses.get('runAsNode')).toBe(false);
    expect(fuses.get('enableNodeOptionsEnvironmentVariable')).toBe(false);
    expect(fuses.get('enableNodeCliInspectArguments')).toBe(false);
  });

  test('the code comes only from a validated asar; cookies are encrypted; file:// has no extra privileges', () => {
    expect(fuses.get('enableEmbeddedAsarIntegrityValidation')).toBe(true);
    expect(fuses.get('onlyLoadAppFromAsar')).toBe(true);
    expect(fuses.get('enableCookieEncryption')).toBe(true);
    // The page is served from app:// (app-protocol.ts), so file:// needs none of its old powers.
    expect(fuses.get('grantFileProtocolExtraPrivileges')).toBe(false);
    // onlyLoadAppFromAsar needs the app in an asar archive.
    expect(builderYml).not.toMatch(/^asar:\s*false/m);
  });

  test('every fuse named is one the installed electron-builder knows', () => {
    const schema = JSON.parse(readFileSync(join(ROOT, 'node_modules', 'app-builder-lib', 'scheme.json'), 'utf8')) as SchemaNode;
    expect(Object.keys(schema.properties ?? {})).toContain('electronFuses');
    const known = Object.keys(schema.definitions?.FuseOptionsV1?.properties ?? {});
    expect(known.length).toBeGreaterThan(0);
    for (const name of fuses.keys()) expect(known, `unknown fuse ${name}`).toContain(name);
  });

  test('electron-builder itself loads and accepts the whole configuration, fuses included', async () => {
    const require = createRequire(join(ROOT, 'node_modules', 'app-builder-lib', 'package.json'));
    const builder = require('./out/util/config/config.js') as BuilderConfigModule;
    const { DebugLogger } = require('builder-util') as BuilderUtilModule;
    const config = await builder.getConfig(ROOT, null, null);
    await expect(builder.validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    expect(config.electronFuses).toEqual(Object.fromEntries(fuses));
  });
});
