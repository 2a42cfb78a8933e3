/** Request body helpers shared by handlers: JSON objects, multipart fields, data URLs. */
import type { SimContext, SimRequest } from './context.js';
import { openAiError } from './errors.js';
import type { SimResponse } from './http.js';

export type JsonObject = Record<string, unknown>;

export function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export type Result<T> = { ok: true; value: T } | { ok: false; res: SimResponse };

/** The JSON object body, or new-api's 400 `Invalid request, <err>` from the distributor. */
export function requireObject(ctx: SimContext, req: SimRequest): Result<JsonObject> {
  if (isObject(req.body)) return { ok: true, value: req.body };
  const why = req.rawBody.length === 0 ? 'EOF' : 'invalid character in JSON body';
  return { ok: false, res: openAiError(ctx, 400, `Invalid request, ${why}`) };
}

export const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** Numbers may arrive as strings (TaskSubmitReq accepts both). */
export function num(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return undefined;
}

export function formString(form: FormData, name: string): string | undefined {
  const v = form.get(name);
  return typeof v === 'string' ? v : undefined;
}

export function formFiles(form: FormData, ...names: string[]): File[] {
  const out: File[] = [];
  for (const n of names) {
    for (const v of form.getAll(n)) if (typeof v !== 'string') out.push(v);
  }
  return out;
}

/** Summary of a multipart form for `sim.requests` (no file bytes). */
export function summarizeForm(form: FormData): {
  fields: Record<string, string | string[]>;
  files: Array<{ field: string; name: string; type: string; size: number }>;
} {
  const fields: Record<string, string | string[]> = {};
  const files: Array<{ field: string; name: string; type: string; size: number }> = [];
  for (const [k, v] of form.entries()) {
    if (typeof v === 'string') {
      const prev = fields[k];
      fields[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
    } else {
      files.push({ field: k, name: v.name, type: v.type, size: v.size });
    }
  }
  return { fields, files };
}

const DATA_URL = /^data:([a-z]+\/[a-z0-9.+-]+);base64,([A-Za-z0-9+/=\s]+)$/i;

export function parseDataUrl(s: string): { mime: string; data: Buffer } | undefined {
  const m = DATA_URL.exec(s);
  if (!m?.[1] || !m[2]) return undefined;
  const data = Buffer.from(m[2], 'base64');
  return data.length > 0 ? { mime: m[1].toLowerCase(), data } : undefined;
}

/** First banned word contained in the prompt (case-insensitive), if any. */
export function bannedWordIn(ctx: SimContext, prompt: string): string | undefined {
  const lower = prompt.toLowerCase();
  return ctx.opts.bannedWords.find((w) => w !== '' && lower.includes(w.toLowerCase()));
}
