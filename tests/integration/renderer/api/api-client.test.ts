/**
 * The page's API client is the one place that meets every answer (issue 13 §5): it ends the session
 * on 'unauthenticated' (never a component), leaves a refused sign-in alone, and turns anything the
 * HTTP bridge did not answer as an ApiResponse into the 'network' failure.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import type { ConsoleBridge } from '../../../../shared/contract/api.ts';
import type * as Client from '../../../../renderer/src/api/client.ts';
import type * as SessionEnded from '../../../../renderer/src/api/session-ended.ts';
import { httpAnswer } from '../../../../renderer/src/api/http-answer.ts';
import { testConsole } from '../../../support/console.ts';
import { useTempDir } from '../../../support/temp-dir.ts';

const tempDir = useTempDir();

describe('the API client', async () => {
  const c = await testConsole(tempDir(), { users: [{ name: 'ofc', role: 'officer' }] });
  // The desktop's transport: the preload hands each call to the same dispatch() (here without a session).
  const desktop: ConsoleBridge = {
    call: (method, params) => c.call(null, method, params),
    onEvent: () => () => undefined,
    exportFile: () => Promise.resolve(null),
  };
  vi.stubGlobal('window', { hcc: desktop });
  let client: typeof Client;
  let sessions: typeof SessionEnded;
  beforeAll(async () => {
    client = await import('../../../../renderer/src/api/client.ts');
    sessions = await import('../../../../renderer/src/api/session-ended.ts');
  });

  test("'unauthenticated' from a method that needs a session ends the session in the client, with the reason", async () => {
    let ended = 0;
    const stop = sessions.onSessionEnded(() => ended++);
    const err = await client.api('dashboard.summary', {}).catch((e: unknown) => e);
    stop();
    expect(err).toBeInstanceOf(client.ApiCallError);
    expect((err as InstanceType<typeof client.ApiCallError>).reason).toEqual({ code: 'auth.signInFirst' });
    expect(ended).toBe(1);
  });

  test('a refused sign-in is no end of a session; its reason travels with the sentence', async () => {
    let ended = 0;
    const stop = sessions.onSessionEnded(() => ended++);
    const err = (await client.api('auth.signIn', { name: 'ofc', password: 'wrong-password-1' }).catch((e: unknown) => e)) as InstanceType<
      typeof client.ApiCallError
    >;
    stop();
    expect([err.code, err.reason?.code, err.messageZh]).toEqual([
      'unauthenticated',
      'auth.wrongCredentials',
      '用户名或密码错误（或账号已停用）',
    ]);
    expect(ended).toBe(0);
  });
});

describe('answers of the HTTP bridge', () => {
  // A real server standing where the console should be: a proxy's error page, or JSON that is no API answer.
  let server: Server;
  let url = '';
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/html') res.writeHead(502, { 'Content-Type': 'text/html' }).end('<html><body>Bad gateway</body></html>');
      else if (req.url === '/foreign') res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"error":"upstream"}');
      else res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"ok":true,"value":{"n":1}}');
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((done) => server.close(() => done())));

  const network = {
    ok: false,
    error: expect.objectContaining({
      code: 'internal',
      reason: { code: 'network' },
      messageZh: '无法连接到指挥中心服务，请检查服务是否在运行后重试',
    }),
  };

  test('an HTML error page, foreign JSON and a closed port all become the network failure', async () => {
    expect(await httpAnswer(() => fetch(`${url}/html`))).toEqual(network);
    expect(await httpAnswer(() => fetch(`${url}/foreign`))).toEqual(network);
    const closed = createServer();
    await new Promise<void>((done) => closed.listen(0, '127.0.0.1', done));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((done) => closed.close(() => done()));
    expect(await httpAnswer(() => fetch(`http://127.0.0.1:${port}/api/x`))).toEqual(network);
  });

  test('an API answer passes as it is', async () => {
    expect(await httpAnswer(() => fetch(`${url}/ok`))).toEqual({ ok: true, value: { n: 1 } });
  });
});
