/**
 * An album whose caption is a command ("/mj …", "/video …"): Telegram captions only the first
 * photo, and the rest arrive as separate uncaptioned messages. The album's photos are collected
 * (in the shared album store, so across instances in Redis mode) and handed to the command
 * once, in the order they were sent, with the caption's text.
 */
import type { AlbumStore } from '../../infra/album-store.js';
import type { BotContext } from '../context.js';
import { ALBUM_WINDOW_MS, AlbumCollector } from './albums.js';
import { replyBadImage } from './bad-image.js';
import { pickImage } from './photo-input.js';

export interface AlbumInput {
  fileId: string;
  uniqueId?: string;
}

interface Item extends AlbumInput {
  text: string;
  messageId: number;
}

/** What the command does with a complete album, answering its first photo. */
export type AlbumStart = (
  ctx: BotContext,
  text: string,
  inputs: AlbumInput[],
  firstMessageId: number,
) => Promise<void>;

export class CommandAlbums {
  private readonly collectors = new WeakMap<AlbumStore, AlbumCollector<Item, BotContext>>();

  constructor(
    private readonly name: string,
    private readonly start: AlbumStart,
    /** The command's wording for an album item it cannot use. */
    private readonly badImage: { tooLarge: string; notImage: string },
  ) {}

  /** Starts collecting the album of a photo captioned with the command; false when it has none. */
  async begin(ctx: BotContext, text: string): Promise<boolean> {
    return this.add(ctx, text);
  }

  /** Takes an uncaptioned photo whose album began with the command; false when it did not. */
  async follow(ctx: BotContext): Promise<boolean> {
    const key = this.key(ctx);
    if (!key || !(await this.collector(ctx).has(key))) return false;
    await this.add(ctx, '');
    return true;
  }

  private key(ctx: BotContext): string | undefined {
    const group = ctx.msg?.media_group_id;
    return group && ctx.chat ? `${this.name}:${ctx.chat.id}:${group}` : undefined;
  }

  private async add(ctx: BotContext, text: string): Promise<boolean> {
    const key = this.key(ctx);
    const msg = ctx.msg;
    if (!key || !msg) return false;
    // An item that is no usable image (a video, a huge file) is left out, and the user told why.
    const pick = pickImage(msg) ?? { ok: false as const, reason: 'not_image' as const };
    if (!pick.ok) {
      await replyBadImage(ctx, pick, this.badImage);
      return true;
    }
    const { fileId, uniqueId } = pick.image;
    const item = { fileId, ...(uniqueId ? { uniqueId } : {}), text, messageId: msg.message_id };
    await this.collector(ctx).add(key, item, ctx);
    return true;
  }

  private collector(ctx: BotContext): AlbumCollector<Item, BotContext> {
    const store = ctx.deps.albums;
    let collector = this.collectors.get(store);
    if (!collector) {
      const failed = (err: unknown, last: BotContext) => {
        last.log.error({ err, album: this.name }, 'captioned album failed');
        void last.reply(last.t('error-generic')).catch(() => {});
      };
      collector = new AlbumCollector<Item, BotContext>({
        windowMs: ALBUM_WINDOW_MS,
        store,
        // The context of the album's last photo carries the hand-over (chat, user, locale).
        onComplete: (_key, items, last) => {
          const sorted = [...items].sort((a, b) => a.messageId - b.messageId);
          const text = sorted.find((i) => i.text)?.text ?? '';
          const first = sorted[0]?.messageId ?? 0;
          const inputs = sorted.map(({ fileId, uniqueId }) => ({
            fileId,
            ...(uniqueId ? { uniqueId } : {}),
          }));
          this.start(last, text, inputs, first).catch((err: unknown) => failed(err, last));
        },
        onError: failed,
      });
      this.collectors.set(store, collector);
    }
    return collector;
  }
}
