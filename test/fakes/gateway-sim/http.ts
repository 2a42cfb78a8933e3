/** Response descriptors returned by handlers and the code that writes them to the socket. */
import type { ServerResponse } from 'node:http';
import type { Readable } from 'node:stream';

export type SimResponse =
  | { kind: 'json'; status: number; body: unknown; headers?: Record<string, string> }
  | {
      kind: 'raw';
      status: number;
      body: string | Buffer;
      contentType?: string;
      headers?: Record<string, string>;
    }
  | { kind: 'empty'; status: number; headers?: Record<string, string> }
  | {
      kind: 'stream';
      status: number;
      contentType: string;
      length: number;
      open: () => Readable;
      headers?: Record<string, string>;
    }
  | { kind: 'hang' };

export const json = (
  status: number,
  body: unknown,
  headers?: Record<string, string>,
): SimResponse =>
  headers ? { kind: 'json', status, body, headers } : { kind: 'json', status, body };

export const raw = (status: number, body: string | Buffer, contentType?: string): SimResponse =>
  contentType === undefined
    ? { kind: 'raw', status, body }
    : { kind: 'raw', status, body, contentType };

export const empty = (status: number): SimResponse => ({ kind: 'empty', status });

/** Writes a descriptor; `hang` leaves the socket open until the server closes it. */
export function writeResponse(
  res: ServerResponse,
  r: SimResponse,
  extra: Record<string, string>,
): void {
  if (r.kind === 'hang') return;
  const headers: Record<string, string> = { ...extra, ...(r.headers ?? {}) };
  switch (r.kind) {
    case 'json': {
      // Go's encoding/json escapes nothing we care about; keep UTF-8 (Chinese) as is.
      const text = r.body === null ? 'null' : JSON.stringify(r.body);
      res.writeHead(r.status, { 'content-type': 'application/json; charset=utf-8', ...headers });
      res.end(text);
      return;
    }
    case 'raw': {
      if (r.contentType) headers['content-type'] = r.contentType;
      res.writeHead(r.status, headers);
      res.end(r.body);
      return;
    }
    case 'empty':
      res.writeHead(r.status, { 'content-length': '0', ...headers });
      res.end();
      return;
    case 'stream': {
      res.writeHead(r.status, {
        'content-type': r.contentType,
        'content-length': String(r.length),
        ...headers,
      });
      const src = r.open();
      src.on('error', () => res.destroy());
      res.on('close', () => src.destroy());
      src.pipe(res);
      return;
    }
  }
}
