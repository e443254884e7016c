/**
 * Where `hcc serve` may listen. The bridge speaks plain HTTP: on loopback only this computer can
 * reach it, but on any other address the sign-in password, the session cookie and every ID and
 * phone on the screen cross the network unencrypted. So a non-loopback host must be asked for
 * (`--allow-network`), and is then announced on stderr.
 */
import { isIP } from 'node:net';

export function isLoopbackHost(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  if (h === 'localhost') return true;
  if (isIP(h) === 4) return h.startsWith('127.');
  if (isIP(h) === 6) return h === '::1' || /^::ffff:127\./.test(h);
  return false;
}

/** Why `host` is refused without --allow-network (both languages), or null for loopback. */
export function networkHostProblem(host: string): string | null {
  if (isLoopbackHost(host)) return null;
  return (
    `--host ${host} would serve the console to the network over plain HTTP, unencrypted: passwords, session cookies, IDs and phones could be read on ` +
    `the way. ` +
    `Use --host 127.0.0.1 (this computer only), or add --allow-network if the network is trusted.\n` +
    `--host ${host} 会以未加密的 HTTP 向网络提供控制台，密码、会话 Cookie、身份证号和手机号在传输中可被读取。` +
    `请使用 --host 127.0.0.1（仅本机），如网络可信请加 --allow-network。`
  );
}

export function networkWarning(host: string, url: string): string {
  return (
    `warning: the console is served on ${host} (${url}) to the network over plain HTTP: the traffic is unencrypted, ` +
    `so anyone on the network path can read passwords, session cookies and personal data. Use a trusted network only, or put a TLS proxy in front.\n` +
    `警告：控制台通过未加密的 HTTP 在 ${host} 上向网络提供服务，网络上的任何人都可能读取密码、会话 Cookie 和个人信息。请仅在可信网络中使用，或在前面部署 TLS 代理。\n`
  );
}
