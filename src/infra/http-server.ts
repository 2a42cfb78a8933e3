import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from './logger.js';

export type RouteHandler = (
  req: http.IncomingMessage,
  res: http.ServerResponse,
) => void | Promise<void>;

export interface HttpServer {
  server: http.Server;
  port: number;
  close(): Promise<void>;
}

/** Serves a subtree of paths (the Mini App); false when the path is not its own. */
export type SubtreeHandler = (
  req: http.IncomingMessage,
  res: http.ServerResponse,
) => Promise<boolean>;

const notFound = (res: http.ServerResponse) =>
  res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');

/** A tiny router: exact "METHOD /path" keys, then the subtree handler. Everything else is 404. */
export async function startHttpServer(
  routes: Map<string, RouteHandler>,
  {
    host,
    port,
    logger,
    subtree,
  }: { host: string; port: number; logger: Logger; subtree?: SubtreeHandler },
): Promise<HttpServer> {
  const server = http.createServer((req, res) => {
    const pathname = (req.url ?? '/').split('?')[0];
    const route = routes.get(`${req.method} ${pathname}`);
    const handler: RouteHandler | undefined =
      route ??
      (subtree &&
        (async (rq, rs) => {
          if (!(await subtree(rq, rs))) notFound(rs);
        }));
    if (!handler) {
      notFound(res);
      return;
    }
    Promise.resolve(handler(req, res)).catch((err: unknown) => {
      logger.error({ err, path: pathname }, 'http handler failed');
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('internal error');
    });
  });
  // Telegram keeps webhook connections open; don't let idle sockets block shutdown forever.
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const actualPort = (server.address() as AddressInfo).port;
  return {
    server,
    port: actualPort,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}

export function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}
