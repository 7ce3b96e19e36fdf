/**
 * One raw keep-alive connection held idle between two requests, to see whether a server closes it while idle (and
 * so would race a client that reuses it: the client's write meets the server's close, `ECONNRESET` or a 502).
 */
import { connect, type Socket } from 'node:net';

export interface IdleConnectionResult {
  /** Status line of the first answer. */
  first: string;
  /** `Keep-Alive` header of the first answer (`timeout=N` is what the server announces). */
  keepAlive: string | undefined;
  endedWhileIdle: boolean;
  /** Status line of the answer on the same connection after the idle time ('' when the server had closed it). */
  second: string;
}

/** Sends one keep-alive GET on `socket`; resolves with the head once the whole answer (sized or chunked) is in. */
function get(socket: Socket, host: string, path: string): Promise<string> {
  return new Promise((done, fail) => {
    let text = '';
    const onData = (chunk: Buffer) => {
      text += chunk.toString('latin1');
      const head = text.indexOf('\r\n\r\n');
      const length = /content-length: (\d+)/i.exec(text)?.[1];
      const complete = length ? text.length >= head + 4 + Number(length) : text.endsWith('\r\n0\r\n\r\n');
      if (head >= 0 && complete) {
        socket.off('data', onData);
        done(text.slice(0, head));
      }
    };
    socket.on('data', onData);
    socket.once('error', fail);
    socket.once('close', () => fail(new Error(`the server closed the connection before answering ${path}`)));
    socket.write(`GET ${path} HTTP/1.1\r\nHost: ${host}\r\nConnection: keep-alive\r\n\r\n`);
  });
}

export async function holdConnectionIdle(url: string, path: string, idleMs: number): Promise<IdleConnectionResult> {
  const { hostname, port } = new URL(url);
  const socket = connect(Number(port), hostname);
  let ended = false;
  socket.on('end', () => {
    ended = true;
  });
  try {
    await new Promise((r) => socket.once('connect', r));
    const head = await get(socket, `${hostname}:${port}`, path);
    await new Promise((r) => setTimeout(r, idleMs));
    const endedWhileIdle = ended;
    const second = ended ? '' : await get(socket, `${hostname}:${port}`, path);
    return {
      first: head.slice(0, head.indexOf('\r\n')),
      keepAlive: /^keep-alive: (.*)$/im.exec(head)?.[1]?.trim(),
      endedWhileIdle,
      second: second.slice(0, second.indexOf('\r\n')),
    };
  } finally {
    socket.destroy();
  }
}
