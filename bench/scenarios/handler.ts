/**
 * The bot's own cost per update, without the network: /help through the whole middleware stack
 * (`bot.handleUpdate`) with every Bot API call answered in-process, one at a time and with 100
 * updates in flight (the runner's normal state under load, where what each waiting update holds
 * decides the garbage collector's share). Bare grammY with the same handler is the floor.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Bot, type Transformer } from 'grammy';
import type { Update } from 'grammy/types';
import pino from 'pino';
import { createApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { startTelegramStandIn } from '../../test/fakes/telegram/index.js';
import type { BenchResult, Scenario } from '../scenario.js';

const CHATS = 100;

/** Every call succeeds at once; a sent message is a message. */
const answerInProcess: Transformer = async (_prev, method) =>
  ({
    ok: true,
    result:
      method === 'sendMessage'
        ? { message_id: 1, date: 0, chat: { id: 1, type: 'private', first_name: 'U' } }
        : true,
  }) as never;

const help = (id: number): Update => {
  const user = { id: 1_000 + (id % CHATS), is_bot: false, first_name: 'U', language_code: 'en' };
  return {
    update_id: id,
    message: {
      message_id: id,
      date: 0,
      text: '/help',
      entities: [{ type: 'bot_command', offset: 0, length: 5 }],
      chat: { id: user.id, type: 'private', first_name: 'U' },
      from: user,
    },
  };
};

/** µs per update over `n` updates, `inFlight` at a time, after a warm-up. */
let next = 0; // update ids never repeat: a repeated one is dropped as a redelivery
async function perUpdate(bot: Bot, n: number, inFlight: number): Promise<number> {
  const batch = async (count: number) => {
    for (let done = 0; done < count; done += inFlight)
      await Promise.all(Array.from({ length: inFlight }, () => bot.handleUpdate(help(next++))));
  };
  await batch(2_000);
  const t0 = performance.now();
  await batch(n);
  return ((performance.now() - t0) * 1000) / n;
}

async function measure(n: number) {
  const tg = await startTelegramStandIn();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'genbot-bench-handler-'));
  try {
    const app = createApp(
      loadConfig({
        BOT_TOKEN: tg.token,
        GATEWAY_API_KEY: 'sk-benchHandlerKey0123456789abcdef',
        DATABASE_PATH: path.join(dir, 'bot.sqlite'),
        LOG_LEVEL: 'silent',
      }),
      { botInfo: tg.botInfo, logger: pino({ level: 'silent' }) },
    );
    const ours = app.bot as unknown as Bot;
    ours.api.config.use(answerInProcess);
    const bare = new Bot(tg.token, { botInfo: tg.botInfo });
    bare.command('help', (ctx) => ctx.reply('help', { parse_mode: 'HTML' }));
    bare.api.config.use(answerInProcess);
    const figures = {
      bare1: await perUpdate(bare, n, 1),
      ours1: await perUpdate(ours, n, 1),
      bare100: await perUpdate(bare, n, CHATS),
      ours100: await perUpdate(ours, n, CHATS),
    };
    await app.stop();
    return figures;
  } finally {
    await tg.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export const handlerScenario: Scenario = {
  name: 'handler',
  description: '/help through the middleware stack with the Bot API answered in-process',
  async run({ quick }): Promise<BenchResult[]> {
    const n = quick ? 5_000 : 20_000;
    const f = await measure(n);
    const us = (v: number) => `${v.toFixed(1)} µs`;
    return [
      {
        title: 'Handler path: /help per update, Bot API answered in-process (no network)',
        rows: [
          ['bare grammY, one at a time', us(f.bare1)],
          ['genbot, one at a time', us(f.ours1)],
          [`bare grammY, ${CHATS} in flight`, us(f.bare100)],
          [`genbot, ${CHATS} in flight`, us(f.ours100)],
        ],
        notes: [
          `${n} updates each after 2,000 to warm up; ${CHATS} users; the stack as createApp builds it.`,
        ],
      },
    ];
  },
};
