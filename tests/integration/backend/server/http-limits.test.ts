/**
 * Issue 12: the browser bridge must not be a way to exhaust the console. Small bodies and shallow
 * JSON before anyone is signed in (checked on the bytes, before JSON.parse), big bodies only for a
 * signed-in importer's upload pieces, a cap on connections, and requests that must arrive in time;
 * every refusal is an ApiResponse in both languages. Job events reach only roles that may see jobs.
 */
import { request } from 'node:http';
import { afterEach, describe, expect, test } from 'vitest';
import type { ConsoleEvent, JobState } from '../../../../shared/contract/api.ts';
import { type TestBridge, http, rawSocket, startTestBridge } from '../../../support/bridge.ts';
import { useTempDir } from '../../../support/temp-dir.ts';

const tempDir = useTempDir();
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of closers.splice(0)) await c();
});

const USERS = [
  { name: 'ofc', role: 'officer' },
  { name: 'wri', role: 'writer' },
];

interface Refusal {
  ok: false;
  error: { code: string; message: string; messageZh: string };
}

function refusal(body: string): Refusal {
  const r = JSON.parse(body) as Refusal;
  expect(r.ok).toBe(false);
  expect(r.error.message.length).toBeGreaterThan(10);
  expect(r.error.messageZh).toMatch(/[\u4e00-\u9fff]/);
  return r;
}

/** A body of about `bytes` bytes that is valid JSON and shallow. */
const bigSignIn = (bytes: number) => JSON.stringify({ name: 'ofc', password: 'x'.repeat(bytes) });
const nested = (depth: number) => `{"name":${'['.repeat(depth)}${']'.repeat(depth)},"password":"p"}`;

describe('request bodies', () => {
  test('an anonymous body over 64 KB is refused with 413 and an ApiResponse, whether its size is announced or not', async () => {
    const b = await startTestBridge(tempDir(), closers, { users: USERS });
    const announced = await b.api('auth.signIn', bigSignIn(100_000));
    expect(announced.status).toBe(413);
    expect(refusal(announced.body).error.message).toMatch(/64 KB/);
    // Sent in chunks without a Content-Length: counted while it arrives.
    const streamed = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(
        `${b.url}api/auth.signIn`,
        { method: 'POST', agent: false, headers: { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' } },
        (res) => {
          let body = '';
          res.on('data', (d: Buffer) => (body += d.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        },
      );
      req.on('error', reject);
      const piece = 'x'.repeat(16_384);
      req.write('{"name":"ofc","password":"');
      for (let i = 0; i < 8; i++) req.write(piece);
      req.end('"}');
    });
    expect(streamed.status).toBe(413);
    refusal(streamed.body);
    // A body under the limit is served as before.
    const small = await b.api('auth.signIn', bigSignIn(100));
    expect(small.status).toBe(200);
    expect((JSON.parse(small.body) as Refusal).error.code).toBe('unauthenticated');
  });

  test('deeply nested JSON is refused before it is parsed; brackets inside strings are text', async () => {
    const b = await startTestBridge(tempDir(), closers, { users: USERS });
    const deep = await b.api('auth.signIn', nested(20_000));
    expect(deep.status).toBe(400);
    expect(refusal(deep.body).error.message).toMatch(/nests .* more than 16 deep/);
    // Unbalanced brackets in a string do not count, nor do escaped quotes end the string.
    const text = await b.api('auth.signIn', JSON.stringify({ name: `ofc\\"${'[{'.repeat(25)}`, password: 'wrong-password-1' }));
    expect(text.status).toBe(200);
    expect((JSON.parse(text.body) as Refusal).error.code).toBe('unauthenticated');
    // Malformed JSON gets our message, not the parser's.
    const broken = await b.api('auth.signIn', '{"name": "ofc", ');
    expect(broken.status).toBe(400);
    expect(refusal(broken.body).error.message).not.toMatch(/Unexpected|JSON at position/);
  });

  test('a signed-in officer may send a 4 MB upload piece; anonymous callers, writers and other methods may not', async () => {
    const b = await startTestBridge(tempDir(), closers, { users: USERS });
    const piece = Buffer.alloc(3 * 1024 * 1024, 'a');
    const officer = await b.signIn('ofc');
    const begun = JSON.parse((await b.api('upload.begin', { name: 'big.csv', size: piece.length }, { Cookie: officer })).body) as {
      value: { uploadId: string };
    };
    const chunk = { uploadId: begun.value.uploadId, offset: 0, base64: piece.toString('base64') };
    const sent = await b.api('upload.chunk', chunk, { Cookie: officer });
    expect(JSON.parse(sent.body)).toEqual({ ok: true, value: { received: piece.length } });
    const anonymous = await b.api('upload.chunk', chunk);
    expect(anonymous.status).toBe(413);
    refusal(anonymous.body);
    const writer = await b.signIn('wri');
    expect((await b.api('upload.chunk', chunk, { Cookie: writer })).status).toBe(413);
    expect((await b.api('auth.touch', { padding: chunk.base64 }, { Cookie: officer })).status).toBe(413);
    // Over 8 MB even an officer's piece is refused.
    const huge = { ...chunk, base64: Buffer.alloc(7 * 1024 * 1024, 'a').toString('base64') };
    expect((await b.api('upload.chunk', huge, { Cookie: officer })).status).toBe(413);
  });
});

describe('connections', () => {
  test('one client may hold a few connections; the console as a whole a few more; the next is told or dropped', async () => {
    const b = await startTestBridge(tempDir(), closers, { users: USERS, limits: { connections: 3, connectionsPerClient: 2 } });
    const held = [await rawSocket(b.port), await rawSocket(b.port)];
    const third = await rawSocket(b.port);
    third.socket.write(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${b.port}\r\n\r\n`);
    const answer = await third.closed;
    expect(answer).toMatch(/^HTTP\/1\.1 503/);
    refusal(answer.slice(answer.indexOf('\r\n\r\n') + 4));
    // Another client still gets in (Linux routes all of 127/8 to loopback)...
    held.push(await rawSocket(b.port, '127.0.0.2'));
    // ...until the console's cap: the connection is closed without an answer.
    const over = await rawSocket(b.port, '127.0.0.3');
    over.socket.write(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${b.port}\r\n\r\n`);
    expect(await over.closed).toBe('');
    for (const h of held) h.socket.destroy();
  }, 15_000);

  test('a request whose headers or body never finish is answered 408 and closed', async () => {
    const b = await startTestBridge(tempDir(), closers, { users: USERS, limits: { headersTimeoutMs: 300, requestTimeoutMs: 600 } });
    const headers = await rawSocket(b.port);
    headers.socket.write(`POST /api/auth.status HTTP/1.1\r\nHost: 127.0.0.1:${b.port}\r\n`);
    const first = await headers.closed;
    expect(first).toMatch(/^HTTP\/1\.1 408/);
    refusal(first.slice(first.indexOf('\r\n\r\n') + 4));
    const body = await rawSocket(b.port);
    body.socket.write(
      `POST /api/auth.status HTTP/1.1\r\nHost: 127.0.0.1:${b.port}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"a":`,
    );
    expect(await body.closed).toMatch(/^HTTP\/1\.1 408/);
    // The bridge still serves.
    expect((await http(b.url)).status).toBe(200);
  }, 15_000);
});

test('headers too large, or bytes that are not HTTP, get a JSON refusal rather than the parser’s', async () => {
  const b = await startTestBridge(tempDir(), closers, { users: USERS });
  const big = await rawSocket(b.port);
  big.socket.write(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${b.port}\r\nCookie: ${'a'.repeat(20_000)}\r\n\r\n`);
  const tooBig = await big.closed;
  expect(tooBig).toMatch(/^HTTP\/1\.1 431/);
  expect(refusal(tooBig.slice(tooBig.indexOf('\r\n\r\n') + 4)).error.message).toMatch(/headers/);
  const garbage = await rawSocket(b.port);
  garbage.socket.write('\x16\x03\x01 not http\r\n\r\n');
  const answer = await garbage.closed;
  expect(answer).toMatch(/^HTTP\/1\.1 400/);
  refusal(answer.slice(answer.indexOf('\r\n\r\n') + 4));
});

describe('events', () => {
  /** Reads a session's event stream until `until` arrives; answers every event received. */
  function events(url: string, cookie: string, until: (e: ConsoleEvent) => boolean, opened: () => void): Promise<ConsoleEvent[]> {
    return new Promise((resolve, reject) => {
      const got: ConsoleEvent[] = [];
      const req = request(`${url}api/events`, { headers: { Cookie: cookie }, agent: false }, (res) => {
        let text = '';
        let connected = false;
        res.on('data', (d: Buffer) => {
          text += d.toString();
          if (!connected && text.includes(': connected')) {
            connected = true;
            opened();
          }
          for (let end = text.indexOf('\n\n'); end >= 0; end = text.indexOf('\n\n')) {
            const line = text.slice(0, end);
            text = text.slice(end + 2);
            if (!line.startsWith('data: ')) continue;
            const e = JSON.parse(line.slice(6)) as ConsoleEvent;
            got.push(e);
            if (until(e)) {
              req.destroy();
              resolve(got);
            }
          }
        });
      });
      req.on('error', (err) => (got.length ? undefined : reject(err)));
      req.end();
    });
  }

  /** Opens two users' event streams, then publishes a job's state and that data changed. */
  async function twoStreams(b: TestBridge, first: string, second: string): Promise<[ConsoleEvent[], ConsoleEvent[]]> {
    const job: JobState = {
      id: 7,
      kind: 'sync',
      status: 'running',
      source: '/srv/exchange',
      startedAt: 0,
      finishedAt: null,
      feeds: {},
      current: null,
      colours: null,
      rowsPerSecond: 0,
      etaSeconds: null,
      message: null,
      error: null,
    };
    let open = 0;
    const publish = () => {
      if (++open < 2) return;
      b.c.services.events.publish({ type: 'job', job });
      b.c.services.events.publish({ type: 'data-changed' });
    };
    const last = (e: ConsoleEvent) => e.type === 'data-changed';
    return Promise.all([events(b.url, await b.signIn(first), last, publish), events(b.url, await b.signIn(second), last, publish)]);
  }

  test('job events reach an officer but not a writer (no data.view); both hear that data changed', async () => {
    const b = await startTestBridge(tempDir(), closers, { users: USERS });
    const [officer, writer] = await twoStreams(b, 'ofc', 'wri');
    expect(officer.map((e) => e.type)).toEqual(['job', 'data-changed']);
    expect(writer.map((e) => e.type)).toEqual(['data-changed']);
  });

  test('a session that must first change its password hears no job events until it has', async () => {
    const b = await startTestBridge(tempDir(), closers, {
      users: [
        { name: 'ofc', role: 'officer' },
        { name: 'ofc2', role: 'officer' },
      ],
    });
    b.c.services.db.prepare("UPDATE users SET must_change_password = 1 WHERE name = 'ofc2'").run();
    const [ready, pending] = await twoStreams(b, 'ofc', 'ofc2');
    expect(ready.map((e) => e.type)).toEqual(['job', 'data-changed']);
    expect(pending.map((e) => e.type)).toEqual(['data-changed']);
  });
});
