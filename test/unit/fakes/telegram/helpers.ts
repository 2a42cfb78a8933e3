import { Bot } from 'grammy';
import { afterEach } from 'vitest';
import {
  type StandInOptions,
  startTelegramStandIn,
  type TelegramStandIn,
} from '../../../fakes/telegram/index.js';

export interface Harness {
  standIn: TelegramStandIn;
  bot: Bot;
  /** Raw Bot API call over HTTP, returning the parsed JSON body and status. */
  raw: (method: string, body?: unknown) => Promise<{ status: number; json: RawResponse }>;
}

export interface RawResponse {
  ok: boolean;
  result?: unknown;
  error_code?: number;
  description?: string;
  parameters?: { retry_after?: number };
}

const started: Harness[] = [];

/**
 * After each test: stops what the test put in `stop` (a poller or runner), then closes every
 * stand-in the test started with harness().
 */
export function useHarnesses(): { stop?: () => Promise<void> } {
  const run: { stop?: () => Promise<void> } = {};
  afterEach(async () => {
    await run.stop?.();
    run.stop = undefined;
    for (const h of started.splice(0)) await h.standIn.close();
  });
  return run;
}

export async function harness(options: StandInOptions = {}): Promise<Harness> {
  const standIn = await startTelegramStandIn(options);
  const bot = new Bot(standIn.token, {
    botInfo: standIn.botInfo,
    client: { apiRoot: standIn.apiRoot },
  });
  const raw = async (method: string, body: unknown = {}) => {
    const res = await fetch(`${standIn.apiRoot}/bot${standIn.token}/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: res.status, json: (await res.json()) as RawResponse };
  };
  const h = { standIn, bot, raw };
  started.push(h);
  return h;
}

/** Starts long polling without blocking the test; returns a stopper. */
export function poll(bot: Bot): () => Promise<void> {
  void bot.start({ timeout: 1, drop_pending_updates: false });
  return () => bot.stop();
}
