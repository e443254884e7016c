/**
 * `hcc serve`: the console in a browser. Serves the built interface and the same API the Electron
 * window uses (POST /api/<method>, JSON), on 127.0.0.1 unless told otherwise.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { type ApiContext, dispatch } from '../api/dispatch.ts';
import { allowedHosts, hostAllowed, originAllowed } from './request-guards.ts';
import { SECURITY_HEADERS } from './security-headers.ts';

export interface BridgeOptions {
  host: string;
  port: number;
  /** The built renderer (index.html and assets). */
  staticDir: string;
  context: ApiContext;
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

const MAX_BODY_BYTES = 1 << 20;

export async function startBridge(options: BridgeOptions): Promise<{ server: Server; url: string }> {
  const root = resolve(options.staticDir);
  let allowed = allowedHosts(options.host, options.port);
  const server = createServer((req, res) => {
    void handle(req, res).catch((err: unknown) => {
      console.error('bridge request failed:', (err as Error).message);
      if (!res.headersSent) send(res, 500, { error: 'internal error' });
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!hostAllowed(req.headers.host, allowed) || !originAllowed(req.headers.origin, allowed)) {
      send(res, 403, { error: 'forbidden host or origin' });
      return;
    }
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') {
        send(res, 405, { error: 'use POST' });
        return;
      }
      // A JSON content type cannot be sent cross-site without a CORS preflight, which we never answer.
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
        send(res, 415, { error: 'send application/json' });
        return;
      }
      const body = await readBody(req);
      let params: unknown;
      try {
        params = body.length ? JSON.parse(body) : {};
      } catch {
        send(res, 400, { ok: false, error: { code: 'bad_request', message: 'the body is not JSON', messageZh: '请求体不是 JSON' } });
        return;
      }
      send(res, 200, await dispatch(options.context, decodeURIComponent(url.pathname.slice(5)), params));
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, 405, { error: 'method not allowed' });
      return;
    }
    serveStatic(root, url.pathname, res);
  }

  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port, options.host, () => ok());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  allowed = allowedHosts(options.host, port);
  const shownHost = options.host === '0.0.0.0' ? '127.0.0.1' : options.host;
  return { server, url: `http://${shownHost}:${port}/` };
}

function serveStatic(root: string, pathname: string, res: ServerResponse): void {
  const relative = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '');
  let file = join(root, relative || 'index.html');
  if (!file.startsWith(root + sep) && file !== root) {
    send(res, 404, { error: 'not found' });
    return;
  }
  // Client-side routes fall back to the app shell.
  if (!existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html');
  if (!existsSync(file)) {
    send(res, 503, { error: 'the interface is not built; run npm run build' });
    return;
  }
  res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': MIME[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-cache' });
  createReadStream(file).pipe(res);
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
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
