/**
 * Sockets of the browser bridge: a cap on connections in all and per client address, and a JSON
 * answer when a client's request breaks off (headers too slow, too big, not HTTP). Without a cap,
 * one client holding idle connections shuts everyone else out, or runs the process out of files.
 */
import type { Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import type { BridgeLimits } from './bridge-limits.ts';
import { rawRefusal } from './bridge-answers.ts';

/** A refused socket gets this long to read its answer before it is closed for good. */
const REFUSED_LINGER_MS = 1000;

export interface ConnectionGuard {
  /** Whether the request's connection was refused (its answer is already written). */
  refused(socket: Socket): boolean;
}

export function guardConnections(server: Server, limits: BridgeLimits): ConnectionGuard {
  server.maxConnections = limits.connections;
  const open = new Map<string, number>();
  const refused = new WeakSet<Socket>();
  server.on('connection', (socket: Socket) => {
    const client = socket.remoteAddress ?? 'unknown';
    const count = (open.get(client) ?? 0) + 1;
    open.set(client, count);
    socket.once('close', () => {
      const left = (open.get(client) ?? 1) - 1;
      if (left > 0) open.set(client, left);
      else open.delete(client);
    });
    if (count > limits.connectionsPerClient) {
      refused.add(socket);
      socket.end(
        rawRefusal(
          503,
          'busy',
          `too many connections from this computer (at most ${limits.connectionsPerClient}); close other tabs of the console and reload`,
          `来自本机的连接过多（最多${limits.connectionsPerClient}个），请关闭其他控制台标签页后刷新`,
        ),
      );
      setTimeout(() => socket.destroy(), REFUSED_LINGER_MS).unref();
    }
  });
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
    // Node's own handler answers in plain text; an answer already under way cannot take another.
    const inFlight = (socket as Duplex & { _httpMessage?: ServerResponse | null })._httpMessage;
    if (err.code === 'ECONNRESET' || !socket.writable || inFlight?.headersSent) {
      socket.destroy();
      return;
    }
    if (err.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
      socket.end(
        rawRefusal(
          408,
          'bad_request',
          'the request did not arrive in time; check the network and try again',
          '请求未能及时到达，请检查网络后重试',
        ),
      );
    } else if (err.code === 'HPE_HEADER_OVERFLOW') {
      socket.end(
        rawRefusal(
          431,
          'bad_request',
          'the request headers are too large; clear this site’s cookies and reload',
          '请求头过大，请清除本站 Cookie 后刷新',
        ),
      );
    } else {
      socket.end(
        rawRefusal(400, 'bad_request', 'the request could not be read; reload the page and try again', '请求无法读取，请刷新页面后重试'),
      );
    }
  });
  return { refused: (socket) => refused.has(socket) };
}
