/**
 * The browser bridge for tests: a real console (SQLite file in a temp folder) served by
 * startBridge on a free loopback port, and plain HTTP and socket clients to talk to it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { join } from 'node:path';
import { type BridgeLimits, startBridge } from '../../electron/backend/server/http-bridge.ts';
import { PASSWORD, type TestConsole, testConsole } from './console.ts';

export interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/**
 * One request on its own connection (no keep-alive pool, so connection counts are what a test
 * makes). Resolves with the answer even when the server answers before reading the whole body and
 * closes (the write then fails, which is expected).
 */
export function http(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = request(url, { method: options.method ?? 'GET', headers: options.headers, agent: false }, (res) => {
      answered = true;
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      res.on('error', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', (err) => {
      if (!answered) reject(err);
    });
    req.end(options.body);
  });
}

/** A raw TCP connection to the bridge: what a client that never finishes its request looks like. */
export function rawSocket(
  port: number,
  localAddress = '127.0.0.1',
): Promise<{ socket: Socket; received: () => string; closed: Promise<string> }> {
  return new Promise((resolve, reject) => {
    let text = '';
    const socket = connect({ port, host: '127.0.0.1', localAddress });
    socket.on('data', (d: Buffer) => (text += d.toString()));
    const closed = new Promise<string>((done) => socket.on('close', () => done(text)));
    socket.once('connect', () => resolve({ socket, received: () => text, closed }));
    socket.once('error', (err) => {
      if (!socket.readyState || socket.readyState === 'opening') reject(err);
    });
  });
}

export interface TestBridge {
  c: TestConsole;
  url: string;
  port: number;
  /** POST /api/<method> with a JSON body (a string is sent as it is). */
  api(method: string, params: unknown, headers?: Record<string, string>): Promise<Reply>;
  /** Signs `user` in over HTTP; answers the Cookie header to send. */
  signIn(user: string): Promise<string>;
}

export async function startTestBridge(
  dir: string,
  closers: (() => Promise<void>)[],
  options: { users?: { name: string; role: string }[]; limits?: Partial<BridgeLimits> } = {},
): Promise<TestBridge> {
  const staticDir = join(dir, 'static');
  mkdirSync(staticDir);
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>hcc</title>');
  const c = await testConsole(dir, { users: options.users ?? [{ name: 'ofc', role: 'officer' }] });
  const b = await startBridge({
    host: '127.0.0.1',
    port: 0,
    staticDir,
    services: c.services,
    ...(options.limits ? { limits: options.limits } : {}),
  });
  closers.push(b.close);
  const port = Number(new URL(b.url).port);
  const api = (method: string, params: unknown, headers: Record<string, string> = {}) =>
    http(`${b.url}api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: typeof params === 'string' ? params : JSON.stringify(params),
    });
  const signIn = async (user: string) => {
    const r = await api('auth.signIn', { name: user, password: PASSWORD });
    const cookie = r.headers['set-cookie'];
    if (!cookie) throw new Error(`sign-in of ${user} failed: ${r.body}`);
    return String(cookie).split(';')[0]!;
  };
  return { c, url: b.url, port, api, signIn };
}
