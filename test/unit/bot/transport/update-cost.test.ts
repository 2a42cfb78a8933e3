import type { Update } from 'grammy/types';
import { describe, expect, it } from 'vitest';
import { mayStartJob } from '../../../../src/bot/transport/update-cost.js';

const chat = { id: 1, type: 'private' as const, first_name: 'A' };
const from = { id: 1, is_bot: false, first_name: 'A' };
const message = (fields: Record<string, unknown>): Update =>
  ({ update_id: 1, message: { message_id: 1, date: 0, chat, from, ...fields } }) as Update;

describe('which updates may start a job (scheduling only)', () => {
  it('prompts, photos, generation commands and button presses may', () => {
    expect(mayStartJob(message({ text: 'a red fox in the snow' }))).toBe(true);
    expect(mayStartJob(message({ text: '/imagine a fox' }))).toBe(true);
    expect(mayStartJob(message({ text: '/MJ@genbot a fox' }))).toBe(true);
    expect(mayStartJob(message({ text: '/video' }))).toBe(true);
    expect(mayStartJob(message({ photo: [], caption: 'make it blue' }))).toBe(true);
    expect(mayStartJob(message({ photo: [], caption: '/edit make it blue' }))).toBe(true);
    expect(mayStartJob(message({ photo: [] }))).toBe(true);
    expect(
      mayStartJob({
        update_id: 2,
        callback_query: { id: 'q', from, chat_instance: 'c', data: 'j:x:again' },
      } as Update),
    ).toBe(true);
  });

  it('other commands and other kinds of update do not', () => {
    expect(mayStartJob(message({ text: '/start' }))).toBe(false);
    expect(mayStartJob(message({ text: '/help@genbot' }))).toBe(false);
    expect(mayStartJob(message({ text: '/balance now' }))).toBe(false);
    expect(mayStartJob(message({ text: '/imaginary' }))).toBe(false);
    expect(
      mayStartJob({
        update_id: 3,
        my_chat_member: {
          chat,
          from,
          date: 0,
          old_chat_member: { status: 'member', user: from },
          new_chat_member: { status: 'kicked', user: from, until_date: 0 },
        },
      } as Update),
    ).toBe(false);
  });
});
