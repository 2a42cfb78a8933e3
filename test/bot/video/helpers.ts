import type { Message } from 'grammy/types';
import { afterAll, beforeAll, expect } from 'vitest';
import { updateSettings } from '../../../src/accounts/users.js';
import type { GatewaySim, RecordedRequest } from '../../fakes/gateway-sim/index.js';
import type { TestUser } from '../../fakes/telegram/index.js';
import { startTestBot, type TestBot, type TestBotOptions } from '../../helpers/bot-harness.js';
import { fund } from '../images/helpers.js';

/** Fast async pipeline: looks every 100 ms, so a simulated video (0.3 s at speed 20) is quick. */
export const FAST_ASYNC: NonNullable<TestBotOptions['app']> = {
  asyncJobs: {
    intervalMs: 50,
    backoff: { firstMs: 100, minMs: 100, maxMs: 300, errorMs: 200 },
  },
};

/** Video submits the simulator received. */
export const videoSubmits = (gateway: GatewaySim): RecordedRequest[] =>
  gateway.requests.filter((r) => r.method === 'POST' && r.path === '/v1/video/generations');

export const bodyOf = (r: RecordedRequest | undefined): Record<string, unknown> =>
  (r?.body ?? {}) as Record<string, unknown>;

/** Sends `/video <text>` (or a photo captioned so) and returns the settings keyboard message. */
export async function openVideo(
  user: TestUser,
  text: string,
  options: { photo?: boolean; replyTo?: Message } = {},
): Promise<Message> {
  if (options.photo) user.sendPhoto({ width: 64, height: 48 }, { caption: `/video ${text}` });
  else user.send(`/video ${text}`, options.replyTo ? { replyTo: options.replyTo } : {});
  const screen = await user.waitFor({ button: /Generate/ });
  expect(screen.message).toBeDefined();
  return screen.message as Message;
}

/** Opens the keyboard and confirms it; returns the keyboard message. */
export async function startVideo(
  user: TestUser,
  text: string,
  options: { photo?: boolean } = {},
): Promise<Message> {
  const screen = await openVideo(user, text, options);
  await user.press(screen, /Generate/);
  return screen;
}

/** The callback data of the keyboard's confirm button (to press it again as a stale client). */
export function confirmData(message: Message | undefined): string {
  for (const b of message?.reply_markup?.inline_keyboard.flat() ?? [])
    if (b.text.includes('Generate') && 'callback_data' in b) return b.callback_data;
  throw new Error('no confirm button');
}

/** One bot for a file's video tests (fast async pipeline), and users funded on a chosen model. */
export function useVideoBot() {
  let bot: TestBot | undefined;
  beforeAll(async () => {
    bot = await startTestBot({ app: FAST_ASYNC });
  });
  afterAll(() => bot?.close());
  const started = (): TestBot => {
    if (!bot) throw new Error('the video bot is not started yet');
    return bot;
  };
  return {
    get bot(): TestBot {
      return started();
    },
    async user(videoModel: string, language_code = 'en'): Promise<TestUser> {
      const b = started();
      const user = b.tg.user({ language_code });
      fund(b.app, user.id, 10_000);
      await updateSettings(b.app.deps.database, user.id, { videoModel });
      return user;
    },
  };
}

/** What a data: URL carries, to compare with the file sent. */
export const dataUrlBytes = (url: unknown): Buffer => {
  const s = String(url);
  return Buffer.from(s.slice(s.indexOf(',') + 1), 'base64');
};
