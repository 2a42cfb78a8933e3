import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { Response as UndiciResponse } from 'undici';
import type { UploadedFile } from './core.js';
import type { Params } from './params.js';

export interface ParsedRequest {
  params: Params;
  files: Map<string, UploadedFile>;
}

/** Keys whose form/query values are numbers in JSON requests. */
const NUMERIC = new Set([
  'chat_id',
  'from_chat_id',
  'message_id',
  'message_thread_id',
  'reply_to_message_id',
  'user_id',
  'width',
  'height',
  'duration',
  'offset',
  'limit',
  'timeout',
  'cache_time',
  'max_connections',
  'icon_color',
]);
/** Keys that carry JSON objects or arrays as strings in form/query requests. */
const JSON_KEYS = new Set([
  'reply_markup',
  'entities',
  'caption_entities',
  'media',
  'reply_parameters',
  'link_preview_options',
  'allowed_updates',
  'commands',
  'scope',
  'menu_button',
  'message_ids',
]);
const BOOLEAN = /^(disable_|protect_|show_|has_|allow_|drop_|is_|supports_)/;

/** Gives form and query values the types a JSON request would have. */
function normalize(key: string, value: string): unknown {
  if (NUMERIC.has(key) && /^-?\d+$/.test(value)) return Number(value);
  if (JSON_KEYS.has(key)) {
    try {
      return JSON.parse(value) as unknown;
    } catch {
      return value;
    }
  }
  if (BOOLEAN.test(key) && (value === 'true' || value === 'false')) return value === 'true';
  return value;
}

/**
 * grammY writes `filename=name.png` unquoted; undici's parser wants a quoted
 * value. Quote it in part headers so names with spaces survive.
 */
function quoteFilenames(body: Buffer, boundary: string): Buffer {
  const text = body.toString('latin1');
  const esc = boundary.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(
    `(--${esc}\\r\\n[Cc]ontent-[Dd]isposition:[^\\r\\n]*?;\\s*filename=)([^"\\r\\n][^\\r\\n]*)\\r\\n`,
    'g',
  );
  if (!re.test(text)) return body;
  re.lastIndex = 0;
  return Buffer.from(
    text.replace(
      re,
      (_m, head: string, name: string) => `${head}"${name.replace(/"/g, '%22')}"\r\n`,
    ),
    'latin1',
  );
}

export async function parseRequest(
  req: IncomingMessage,
  body: Buffer,
  url: URL,
): Promise<ParsedRequest> {
  const params: Params = {};
  const files = new Map<string, UploadedFile>();
  for (const [k, v] of url.searchParams) params[k] = normalize(k, v);
  const type = req.headers['content-type'] ?? '';
  if (body.length === 0) return { params, files };
  if (type.includes('application/json')) {
    const parsed = JSON.parse(body.toString('utf8')) as unknown;
    if (typeof parsed === 'object' && parsed !== null) Object.assign(params, parsed);
  } else if (type.includes('application/x-www-form-urlencoded')) {
    for (const [k, v] of new URLSearchParams(body.toString('utf8'))) params[k] = normalize(k, v);
  } else if (type.includes('multipart/form-data')) {
    const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(type);
    const fixed = quoteFilenames(body, boundary?.[1] ?? boundary?.[2] ?? '');
    const form = await new UndiciResponse(fixed, { headers: { 'content-type': type } }).formData();
    for (const [k, v] of form) {
      if (typeof v === 'string') params[k] = normalize(k, v);
      else
        files.set(k, {
          filename: v.name,
          mime: v.type || 'application/octet-stream',
          bytes: new Uint8Array(await v.arrayBuffer()),
        });
    }
    // A part sent directly under a parameter name (not via attach://) is that parameter.
    const referenced = JSON.stringify(params);
    for (const [k, f] of files)
      if (!referenced.includes(`attach://${k}`) && params[k] === undefined) params[k] = f;
  }
  return { params, files };
}

/** Reads the body; past `cap` bytes it keeps draining (so the client can read the 413) but stores nothing. */
export async function readBody(req: IncomingMessage, cap: number): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const b = chunk as Buffer;
    size += b.length;
    if (size <= cap) chunks.push(b);
  }
  return size > cap ? undefined : Buffer.concat(chunks);
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent || res.destroyed) return;
  const data = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(data),
  });
  res.end(data);
}

/** A loopback HTTP server that can drop every connection and come back on the same port. */
export class Front {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  port = 0;

  constructor(private readonly handle: (req: IncomingMessage, res: ServerResponse) => void) {}

  async listen(port: number): Promise<number> {
    const server = createServer((req, res) => this.handle(req, res));
    server.keepAliveTimeout = 5_000;
    server.on('connection', (s) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    this.server = server;
    this.port = (server.address() as AddressInfo).port;
    return this.port;
  }

  async close(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
    await closed;
  }
}
