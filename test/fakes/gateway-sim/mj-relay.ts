/**
 * What new-api's relay does to a Midjourney submit on its way upstream (protocol note §3.1):
 * the `/mj-<mode>` prefix only picks the channel and is dropped, `accountFilter` is deleted
 * unless the operator enabled it, "mode clear" strips `--fast/--relax/--turbo` from the prompt.
 * The upstream proxy then runs the task in the filter's mode, else the prompt's flag, else its
 * account's default. Off (no `mjRelay` option) the simulator honours the path prefix as before.
 */
import type { SimContext, SimRequest } from './context.js';
import type { MjSpeedMode } from './midjourney.js';

type Speed = Exclude<MjSpeedMode, null>;

export interface MjRelayOptions {
  /** new-api's MjModeClearEnabled: speed flags are stripped from prompts. */
  modeClear?: boolean;
  /** new-api's MjAccountFilterEnabled: `accountFilter` reaches the proxy. */
  accountFilter?: boolean;
  /** The Midjourney account's own mode, used when nothing else says (default fast). */
  accountMode?: Speed;
}

const FLAG_RE = /\s*--(fast|relax|turbo)\b/gi;
const SPEEDS: readonly string[] = ['fast', 'relax', 'turbo'];

/** The mode the task runs in; rewrites `req.body` as the relay would have. */
export function relayMjSubmit(
  ctx: SimContext,
  req: SimRequest,
  pathMode: MjSpeedMode,
): MjSpeedMode {
  const relay = ctx.opts.mjRelay;
  if (!relay) return pathMode;
  const body = req.body;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return relay.accountMode ?? 'fast';
  }
  const b = body as Record<string, unknown>;
  if (!relay.accountFilter) delete b.accountFilter;
  if (relay.modeClear && typeof b.prompt === 'string') b.prompt = b.prompt.replace(FLAG_RE, '');
  return filterMode(b.accountFilter) ?? promptMode(b.prompt) ?? relay.accountMode ?? 'fast';
}

function filterMode(filter: unknown): Speed | undefined {
  if (typeof filter !== 'object' || filter === null) return undefined;
  const modes = (filter as { modes?: unknown }).modes;
  const first = Array.isArray(modes) ? String(modes[0] ?? '').toLowerCase() : '';
  return SPEEDS.includes(first) ? (first as Speed) : undefined;
}

function promptMode(prompt: unknown): Speed | undefined {
  if (typeof prompt !== 'string') return undefined;
  const flags = [...prompt.matchAll(FLAG_RE)];
  return flags.at(-1)?.[1]?.toLowerCase() as Speed | undefined;
}

/** How Midjourney names the queue in the progress token before percentages start. */
export const speedWord = (mode: Speed): string => (mode === 'relax' ? 'relaxed' : mode);
