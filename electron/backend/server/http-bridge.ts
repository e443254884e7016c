/**
 * `hcc serve`: the console in a browser. Serves the built interface and the same API the Electron
 * window uses (POST /api/<method>, JSON), events as server-sent events (GET /api/events) and
 * exports as one-time downloads, on 127.0.0.1 unless told otherwise. Every request must name our
 * host (no DNS rebinding) and any Origin must be ours (no cross-site requests); the session is an
 * HttpOnly, SameSite=Strict cookie; the CSP is sent as a header.
 */
import { createReadStream, existsSync, rmSync, statSync } from 'node:fs';
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { CallContext, ConsoleServices } from '../api/context.ts';
import { dispatch } from '../api/dispatch.ts';
import { readCookie, sessionCookie, SESSION_COOKIE } from './cookies.ts';
import { allowedHosts, hostAllowed, originAllowed } from './request-guards.ts';
import { SECURITY_HEADERS } from './security-headers.ts';

export interface BridgeOptions {
  host: string;
  port: number;
  /** The built renderer (index.html and assets). */
  staticDir: string;
  services: ConsoleServices;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/** Uploads arrive in pieces of up to 4 MB, base64: allow a little more. */
const MAX_BODY_BYTES = 8 * 1024 * 1024;

export async function startBridge(options: BridgeOptions): Promise<{ server: Server; url: string; close: () => Promise<void> }> {
  const root = resolve(options.staticDir);
  const { services } = options;
  let allowed = allowedHosts(options.host, options.port);
  const streams = new Set<ServerResponse>();
  const server = createServer((req, res) => {
    void handle(req, res).catch((err: unknown) => {
      console.error('bridge request failed:', (err as Error).message);
      if (!res.headersSent) send(res, 500, { error: 'internal error' });
      else res.end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!hostAllowed(req.headers.host, allowed) || !originAllowed(req.headers.origin, allowed)) {
      send(res, 403, { error: 'forbidden host or origin' });
      return;
    }
    const url = new URL(req.url ?? '/', 'http://localhost');
    const token = readCookie(req.headers.cookie, SESSION_COOKIE);
    if (url.pathname === '/api/events') return events(req, res, token);
    if (url.pathname.startsWith('/download/')) return download(res, url.pathname.slice(10), token);
    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return send(res, 405, { error: 'use POST' });
      // A JSON content type cannot be sent cross-site without a CORS preflight, which we never answer.
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return send(res, 415, { error: 'send application/json' });
      let params: unknown;
      try {
        const body = await readBody(req);
        params = body.length ? JSON.parse(body) : {};
      } catch {
        // Our page always sends small, valid JSON: whatever broke it (a proxy, a cut connection), the
        // parser's or the socket's text would tell the user nothing.
        return send(res, 400, { ok: false, error: { code: 'bad_request', message: 'the request could not be read; reload the page and try again', messageZh: '请求无法读取，请刷新页面后重试' } });
      }
      let cookie: string | null = null;
      const ctx: CallContext = {
        services,
        session: services.sessions.get(token),
        client: req.socket.remoteAddress ?? 'unknown',
        transport: 'http',
        setSession: (t) => {
          cookie = sessionCookie(t);
        },
      };
      const result = await dispatch(ctx, decodeURIComponent(url.pathname.slice(5)), params);
      return send(res, 200, result, cookie ? { 'Set-Cookie': cookie } : {});
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, { error: 'method not allowed' });
    serveStatic(root, url.pathname, res);
  }

  function events(req: IncomingMessage, res: ServerResponse, token: string | null): void {
    if (!services.sessions.get(token)) return send(res, 401, { error: 'sign in first' });
    res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    res.write(': connected\n\n');
    streams.add(res);
    const unsubscribe = services.events.subscribe((e) => {
      // A session that timed out stops receiving events and is told so.
      if (!services.sessions.get(token)) {
        res.write(`data: ${JSON.stringify({ type: 'session-expired' })}\n\n`);
        res.end();
        return;
      }
      res.write(`data: ${JSON.stringify(e)}\n\n`);
    });
    const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), 25_000);
    req.on('close', () => {
      clearInterval(keepAlive);
      unsubscribe();
      streams.delete(res);
    });
  }

  function download(res: ServerResponse, id: string, token: string | null): void {
    const d = services.downloads.take(id, token);
    if (!d || !existsSync(d.path)) return send(res, 404, { error: 'no such download (downloads work once, for the session that made them)' });
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': d.fileName.endsWith('.xlsx') ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(d.fileName)}`,
      'Cache-Control': 'no-store',
    });
    const stream = createReadStream(d.path);
    stream.pipe(res);
    stream.on('close', () => rmSync(d.path, { force: true }));
  }

  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port, options.host, () => ok());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  allowed = allowedHosts(options.host, port);
  const shownHost = options.host === '0.0.0.0' ? '127.0.0.1' : options.host;
  const close = async () => {
    for (const s of streams) s.end();
    await new Promise<void>((done) => server.close(() => done()));
  };
  return { server, url: `http://${shownHost}:${port}/`, close };
}

function serveStatic(root: string, pathname: string, res: ServerResponse): void {
  const relative = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '');
  let file = join(root, relative || 'index.html');
  if (!file.startsWith(root + sep) && file !== root) return send(res, 404, { error: 'not found' });
  // Client-side routes fall back to the app shell.
  if (!existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html');
  if (!existsSync(file)) return send(res, 503, { error: 'the interface is not built; run npm run build' });
  res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': MIME[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-cache' });
  createReadStream(file).pipe(res);
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { ...SECURITY_HEADERS, ...headers, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((ok, fail) => {
    let size = 0;
    const parts: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        fail(new Error('request body too large'));
        req.destroy();
        return;
      }
      parts.push(c);
    });
    req.on('end', () => ok(Buffer.concat(parts).toString('utf8')));
    req.on('error', fail);
  });
}
