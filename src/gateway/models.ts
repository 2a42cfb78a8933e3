/** `GET /v1/models`: one-api `{object:"list",data}` and new-api `{success,data}` (§6). */
import { z } from 'zod';
import { type CallOptions, type GatewayContext, getJson } from './context.js';
import { GatewayError } from './errors.js';
import { parseBody, text } from './schemas.js';

const entry = z.union([z.string(), z.looseObject({ id: text })]);
const modelsBody = z.union([z.array(entry), z.looseObject({ data: z.array(entry).nullish() })]);

/** Pure: model ids in the gateway's order, without blanks or duplicates. */
export function parseModels(body: unknown): string[] {
  if (body === undefined) throw new GatewayError('malformed', 'GET /v1/models returned no body');
  const parsed = parseBody(modelsBody, body, 'GET /v1/models');
  const entries = Array.isArray(parsed) ? parsed : (parsed.data ?? []);
  const ids = entries.map((e) => (typeof e === 'string' ? e.trim() : e.id));
  return [...new Set(ids.filter((id): id is string => typeof id === 'string' && id !== ''))];
}

export async function listModels(ctx: GatewayContext, opts: CallOptions = {}): Promise<string[]> {
  const body = await getJson(ctx, { ...opts, route: 'GET /v1/models', path: '/v1/models' });
  return parseModels(body);
}
