import type { ChatMember, User } from 'grammy/types';
import { describe, expect, it } from 'vitest';
import { createSupportStaff, type MemberLookup } from '../../../../src/bot/support/staff.js';

const CHAT = -1001000000001;
const user = (id: number): User => ({ id, is_bot: false, first_name: `u${id}` });

/** getChatMember over a table of statuses, counting calls. */
function members(statuses: Record<number, ChatMember['status']>) {
  const calls: number[] = [];
  const lookup: MemberLookup = async (_chat, id) => {
    calls.push(id);
    return { status: statuses[id] ?? 'member', user: user(id) } as ChatMember;
  };
  return { lookup, calls, statuses };
}

describe('support staff', () => {
  it('admin-ids: only ADMIN_IDS, without asking Telegram', async () => {
    const staff = createSupportStaff({ mode: 'admin-ids', adminIds: [1] });
    const m = members({ 2: 'administrator' });
    expect(await staff.verdict({ chatId: CHAT, userId: 1 }, m.lookup)).toBe('staff');
    expect(await staff.verdict({ chatId: CHAT, userId: 2 }, m.lookup)).toBe('not-staff');
    expect(await staff.verdict({ chatId: CHAT, userId: undefined }, m.lookup)).toBe('not-staff');
    expect(m.calls).toEqual([]);
  });

  it('an anonymous admin is staff only in chat-admins mode; posting as a channel never is', async () => {
    const m = members({});
    const anon = { chatId: CHAT, userId: 1087968824, senderChatId: CHAT };
    const channel = { chatId: CHAT, userId: 1, senderChatId: -1002000000000 };
    const ids = createSupportStaff({ mode: 'admin-ids', adminIds: [1] });
    const admins = createSupportStaff({ mode: 'chat-admins', adminIds: [1] });
    expect(await ids.verdict(anon, m.lookup)).toBe('anonymous');
    expect(await admins.verdict(anon, m.lookup)).toBe('staff');
    expect(await ids.verdict(channel, m.lookup)).toBe('not-staff');
    expect(await admins.verdict(channel, m.lookup)).toBe('not-staff');
  });

  it('chat-admins: creator and administrators are staff, remembered ten minutes; members one', async () => {
    let now = 0;
    const staff = createSupportStaff({ mode: 'chat-admins', adminIds: [], now: () => now });
    const m = members({ 2: 'creator', 3: 'administrator', 4: 'member', 5: 'restricted' });
    for (const id of [2, 3, 4, 5])
      expect(await staff.verdict({ chatId: CHAT, userId: id }, m.lookup)).toBe(
        id <= 3 ? 'staff' : 'not-staff',
      );
    expect(m.calls).toEqual([2, 3, 4, 5]);

    // Promoted and demoted at once: the promotion shows after a minute, the demotion after ten.
    m.statuses[4] = 'administrator';
    m.statuses[3] = 'member';
    now = 61_000;
    expect(await staff.verdict({ chatId: CHAT, userId: 4 }, m.lookup)).toBe('staff');
    expect(await staff.verdict({ chatId: CHAT, userId: 3 }, m.lookup)).toBe('staff');
    now = 601_000;
    expect(await staff.verdict({ chatId: CHAT, userId: 3 }, m.lookup)).toBe('not-staff');
    expect(m.calls).toEqual([2, 3, 4, 5, 4, 3]);
  });

  it('a failed lookup is neither staff nor remembered', async () => {
    const staff = createSupportStaff({ mode: 'chat-admins', adminIds: [] });
    let fail = true;
    const lookup: MemberLookup = async (_c, id) => {
      if (fail) throw new Error('Bad Gateway');
      return { status: 'administrator', user: user(id) } as ChatMember;
    };
    await expect(staff.verdict({ chatId: CHAT, userId: 7 }, lookup)).rejects.toThrow('Bad Gateway');
    fail = false;
    expect(await staff.verdict({ chatId: CHAT, userId: 7 }, lookup)).toBe('staff');
  });
});
