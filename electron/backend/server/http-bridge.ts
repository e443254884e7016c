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
import { METHOD_ACCESS } from '../../../shared/contract/api.ts';
import { can } from '../../../shared/domain/roles.ts';
import type { Session } from '../auth/sessions.ts';
import type { CallContext, ConsoleServices } from '../api/context.ts';
import { dispatch, isMethodName } from '../api/dispatch.ts';
import { eventVisibleTo } from '../jobs/event-audience.ts';
import { refuse, send } from './bridge-answers.ts';
import { type BridgeLimits, bridgeLimits, sizeText } from './bridge-limits.ts';
import { guardConnections } from './connection-guard.ts';
import { readCookie, sessionCookie, SESSION_COOKIE } from './cookies.ts';
import { nestsDeeperThan, readBody } from './request-body.ts';
import { allowedHosts, hostAllowed, originAllowed } from './request-guards.ts';
import { SECURITY_HEADERS } from './security-headers.ts';

export type { BridgeLimits } from './bridge-limits.ts';

export interface BridgeOptions {
  host: string;
  port: number;
  /** The built renderer (index.html and assets). */
  staticDir: string;
  services: ConsoleServices;
  /** Sizes, connections and timeouts (bridge-limits.ts); the defaults suit the page. */
  limits?: Partial<BridgeLimits>;
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

const UNREADABLE = { en: 'the request could not be read; reload the page and try again', zh: '请求无法读取，请刷新页面后重试' };

export async function startBridge(options: BridgeOptions): Promise<{ server: Server; url: string; close: () => Promise<void> }> {
  const root = resolve(options.staticDir);
  const { services } = options;
  const limits = bridgeLimits(options.limits);
  let allowed = allowedHosts(options.host, options.port);
  const streams = new Set<ServerResponse>();
  const server = createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      // Node looks for timed-out requests every 30 s by default: a slow client would hold its socket that much longer.
      connectionsCheckingInterval: Math.min(1000, limits.headersTimeoutMs),
    },
    (req, res) => {
      if (connections.refused(req.socket)) {
        req.resume();
        return;
      }
      void handle(req, res).catch((err: unknown) => {
        console.error('bridge request failed:', (err as Error).message);
        if (!res.headersSent)
          refuse(
            res,
            500,
            'internal',
            'the console hit an internal error; try again, and tell support if it persists',
            '系统内部错误，请重试；如持续出现请联系技术支持',
          );
        else res.end();
      });
    },
  );
  const connections = guardConnections(server, limits);

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!hostAllowed(req.headers.host, allowed) || !originAllowed(req.headers.origin, allowed)) {
      return refuse(
        res,
        403,
        'forbidden',
        'this address is not the console’s (open the console at the address `hcc serve` printed)',
        '该地址不属于控制台，请使用 hcc serve 显示的地址打开',
      );
    }
    const url = new URL(req.url ?? '/', 'http://localhost');
    const token = readCookie(req.headers.cookie, SESSION_COOKIE);
    if (url.pathname === '/api/events') return events(req, res, token);
    if (url.pathname.startsWith('/download/')) return download(res, url.pathname.slice(10), token);
    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return refuse(res, 405, 'bad_request', 'API calls are POST requests', '接口调用须使用 POST 请求');
      // A JSON content type cannot be sent cross-site without a CORS preflight, which we never answer.
      if (!(req.headers['content-type'] ?? '').startsWith('application/json'))
        return refuse(res, 415, 'bad_request', 'API calls send application/json', '接口调用须发送 application/json');
      return apiCall(req, res, decodeURIComponent(url.pathname.slice(5)), token);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return refuse(res, 405, 'bad_request', 'pages are fetched with GET', '页面须使用 GET 请求');
    serveStatic(root, url.pathname, res);
  }

  /**
   * One API call. Who is calling is known from the cookie before a byte of the body is read: only a
   * signed-in user who may import gets the upload piece's size; everyone else gets the small limit,
   * and nesting is counted on the bytes before JSON.parse.
   */
  async function apiCall(req: IncomingMessage, res: ServerResponse, method: string, token: string | null): Promise<void> {
    const session = services.sessions.get(token);
    const limit = mayUploadPiece(method, session) ? limits.uploadPieceBytes : limits.bodyBytes;
    const body = await readBody(req, limit);
    if (body.kind === 'aborted') return;
    if (body.kind === 'too-large') {
      // Closing the connection: what is left of the body is not worth reading.
      const size = sizeText(limit);
      return refuse(
        res,
        413,
        'bad_request',
        `the request is larger than ${size}; files are imported by dropping them on the Data screen`,
        `请求超过${size}；导入文件请拖入数据页`,
        { Connection: 'close' },
      );
    }
    let cookie: string | null = null;
    const ctx: CallContext = {
      services,
      session,
      client: req.socket.remoteAddress ?? 'unknown',
      transport: 'http',
      setSession: (t) => {
        cookie = sessionCookie(t);
      },
    };
    // An unknown method, or one that needs a session nobody has: answered without parsing anything.
    if (!isMethodName(method) || (METHOD_ACCESS[method] !== 'public' && !session)) return send(res, 200, await dispatch(ctx, method, {}));
    if (nestsDeeperThan(body.bytes, limits.nestingDepth)) {
      return refuse(
        res,
        400,
        'bad_request',
        `the request nests lists and objects more than ${limits.nestingDepth} deep; ${UNREADABLE.en}`,
        `请求中列表和对象嵌套超过${limits.nestingDepth}层；${UNREADABLE.zh}`,
      );
    }
    let params: unknown;
    try {
      params = body.bytes.length ? JSON.parse(body.bytes.toString('utf8')) : {};
    } catch {
      // Our page always sends small, valid JSON: whatever broke it (a proxy, a cut connection), the
      // parser's text would tell the user nothing.
      return refuse(res, 400, 'bad_request', UNREADABLE.en, UNREADABLE.zh);
    }
    const result = await dispatch(ctx, method, params);
    return send(res, 200, result, cookie ? { 'Set-Cookie': cookie } : {});
  }

  function mayUploadPiece(method: string, session: Session | null): boolean {
    const access = METHOD_ACCESS['upload.chunk'];
    return (
      method === 'upload.chunk' && session !== null && (access === 'public' || access === 'signed-in' || can(session.user.role, access))
    );
  }

  function events(req: IncomingMessage, res: ServerResponse, token: string | null): void {
    if (!services.sessions.get(token))
      return refuse(res, 401, 'unauthenticated', 'sign in first (the session may have timed out)', '请先登录（会话可能已超时）');
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    });
    res.write(': connected\n\n');
    streams.add(res);
    const unsubscribe = services.events.subscribe((e) => {
      // A session that timed out stops receiving events and is told so.
      const session = services.sessions.get(token);
      if (!session) {
        res.write(`data: ${JSON.stringify({ type: 'session-expired' })}\n\n`);
        res.end();
        return;
      }
      // Each event goes only to the roles that may see what it carries (a job's files and counts);
      // an account that must first choose its own password may act on nothing, so it hears only
      // what every role hears, until it has (the flag is read per event: the stream stays open).
      const role = session.mustChangePassword ? null : session.user.role;
      if (eventVisibleTo(e, role)) res.write(`data: ${JSON.stringify(e)}\n\n`);
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
    if (!d || !existsSync(d.path))
      return refuse(
        res,
        404,
        'not_found',
        'no such download (downloads work once, for the session that made them): export again',
        '找不到该下载（每个下载只能由创建它的会话使用一次），请重新导出',
      );
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': d.fileName.endsWith('.xlsx')
        ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
        : 'text/csv; charset=utf-8',
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
    await new Promise<void>((done) => {
      server.close(() => done());
      // Idle keep-alive and refused sockets would hold close() open.
      server.closeIdleConnections();
    });
  };
  return { server, url: `http://${shownHost}:${port}/`, close };
}

function serveStatic(root: string, pathname: string, res: ServerResponse): void {
  const relative = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '');
  let file = join(root, relative || 'index.html');
  if (!file.startsWith(root + sep) && file !== root) return refuse(res, 404, 'not_found', 'no such page', '页面不存在');
  // Client-side routes fall back to the app shell.
  if (!existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html');
  if (!existsSync(file))
    return refuse(res, 503, 'internal', 'the interface is not built; run npm run build', '界面尚未构建，请运行 npm run build');
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': MIME[extname(file)] ?? 'application/octet-stream',
    'Cache-Control': 'no-cache',
  });
  createReadStream(file).pipe(res);
}
