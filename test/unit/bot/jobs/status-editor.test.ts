import { type Api, GrammyError } from 'grammy';
import { describe, expect, it } from 'vitest';
import { StatusEditor } from '../../../../src/bot/jobs/status-editor.js';

/** An Api stand-in recording editMessageText calls; `fail` makes the next one throw. */
function fakeApi() {
  const edits: string[] = [];
  let fail: Error | undefined;
  const api = {
    editMessageText: async (_chat: number, _message: number, text: string) => {
      if (fail) {
        const err = fail;
        fail = undefined;
        throw err;
      }
      edits.push(text);
      return true;
    },
  } as unknown as Api;
  return { api, edits, failNext: (err: Error) => (fail = err) };
}

const telegramError = (description: string) =>
  new GrammyError(description, { ok: false, error_code: 400, description }, 'editMessageText', {});

describe('status editor', () => {
  it('edits only changed text, and not twice within the interval unless forced', async () => {
    let now = 0;
    const { api, edits } = fakeApi();
    const status = new StatusEditor(api, { minIntervalMs: 4_000, now: () => now });
    expect(await status.edit(1, 10, 'queued')).toBe(true);
    expect(await status.edit(1, 10, 'queued')).toBe(false);
    now = 1_000;
    expect(await status.edit(1, 10, 'generating 1s')).toBe(false);
    expect(await status.edit(1, 10, 'failed', { force: true })).toBe(true);
    now = 6_000;
    expect(await status.edit(1, 10, 'generating 6s')).toBe(true);
    expect(edits).toEqual(['queued', 'failed', 'generating 6s']);
  });

  it('skips progress while sends to that chat are backed up, but not a forced edit', async () => {
    const backedUp = new Set([1]);
    const { api, edits } = fakeApi();
    const status = new StatusEditor(api, { congested: (chat) => backedUp.has(chat) });
    expect(await status.edit(1, 10, 'generating')).toBe(false);
    expect(await status.edit(2, 20, 'generating in another chat')).toBe(true);
    expect(await status.edit(1, 10, 'failed', { force: true })).toBe(true);
    backedUp.clear();
    expect(await status.edit(1, 11, 'generating')).toBe(true);
    expect(edits).toEqual(['generating in another chat', 'failed', 'generating']);
  });

  it('treats "not modified" as done and a deleted message as gone; other errors propagate', async () => {
    const { api, failNext } = fakeApi();
    const status = new StatusEditor(api, { minIntervalMs: 0 });
    failNext(telegramError('Bad Request: message is not modified'));
    expect(await status.edit(1, 10, 'a')).toBe(false);
    failNext(telegramError('Bad Request: message to edit not found'));
    expect(await status.edit(1, 10, 'b')).toBe(false);
    expect(status.size).toBe(0);
    failNext(new Error('network down'));
    await expect(status.edit(1, 10, 'c')).rejects.toThrow('network down');
  });
});
