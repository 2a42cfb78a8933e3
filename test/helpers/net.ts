import http from 'node:http';
import net from 'node:net';

/** A TCP port nobody listens on right now (for a WEBHOOK_URL that must name its port). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Listens on a free port of 127.0.0.1; `close` also drops open (keep-alive) connections. */
export async function listenLocal(
  server: http.Server,
): Promise<{ url: string; close(): Promise<void> }> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** A response read to its end. */
export function readResponse(
  res: http.IncomingMessage,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    res.on('data', (c: Buffer) => parts.push(c));
    res.once('end', () =>
      resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(parts) }),
    );
    res.once('error', reject);
  });
}

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/**
 * A plain HTTP request with full control of the headers and the body (fetch would compute
 * Content-Length itself); `chunks` are streamed one after the other without a length.
 */
export function rawRequest(
  url: string,
  options: {
    method?: string;
    headers?: Record<string, string>;
    body?: string | Buffer;
    chunks?: Buffer[];
  } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: options.method ?? 'GET', headers: options.headers });
    req.once('response', (res) => {
      readResponse(res).then((r) => resolve({ ...r, body: r.body.toString('utf8') }), reject);
    });
    // The server may answer and close before the whole body went out (401, 413): that is fine.
    req.once('error', (err: NodeJS.ErrnoException) => {
      if (err.code !== 'EPIPE' && err.code !== 'ECONNRESET') reject(err);
    });
    if (options.chunks) {
      const write = async () => {
        for (const c of options.chunks ?? []) {
          if (req.destroyed) return;
          if (!req.write(c)) await new Promise((r) => req.once('drain', r));
        }
        req.end();
      };
      void write().catch(() => undefined);
    } else {
      req.end(options.body);
    }
  });
}
