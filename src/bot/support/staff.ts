import type { ChatMember } from 'grammy/types';

/**
 * Who may answer users and close tickets in the support chat:
 *   admin-ids    only ADMIN_IDS (the default; an anonymous admin cannot be told apart)
 *   chat-admins  ADMIN_IDS and the support chat's own administrators, anonymous ones included
 */
export type StaffMode = 'admin-ids' | 'chat-admins';

/** Who sent a support-chat message, as Telegram tells it. */
export interface Sender {
  chatId: number;
  userId: number | undefined;
  /** Set when an admin posts anonymously (it is the support chat itself) or as a channel. */
  senderChatId?: number | undefined;
}

/** `anonymous`: an anonymous admin in admin-ids mode, refused with its own explanation. */
export type StaffVerdict = 'staff' | 'not-staff' | 'anonymous';

export type MemberLookup = (chatId: number, userId: number) => Promise<ChatMember>;

export interface SupportStaff {
  readonly mode: StaffMode;
  verdict(sender: Sender, lookup: MemberLookup): Promise<StaffVerdict>;
}

// A promotion takes effect within a minute; a demotion within ten (Telegram sends no update
// about other members' rights unless the bot is an admin that asked for chat_member).
const STAFF_TTL_MS = 10 * 60_000;
const NOT_STAFF_TTL_MS = 60_000;
const MAX_ENTRIES = 2_000;

const isChatAdmin = (m: ChatMember) => m.status === 'creator' || m.status === 'administrator';

export function createSupportStaff(options: {
  mode: StaffMode;
  adminIds: readonly number[];
  now?: () => number;
}): SupportStaff {
  const now = options.now ?? Date.now;
  const cache = new Map<string, { staff: boolean; until: number }>();

  async function isAdminOfChat(chatId: number, userId: number, lookup: MemberLookup) {
    const key = `${chatId}:${userId}`;
    const hit = cache.get(key);
    if (hit && hit.until > now()) return hit.staff;
    // A failed lookup throws to the caller: refusing staff on a hiccup would be wrong, and
    // accepting anyone would be worse.
    const staff = isChatAdmin(await lookup(chatId, userId));
    cache.delete(key);
    if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value ?? key);
    cache.set(key, { staff, until: now() + (staff ? STAFF_TTL_MS : NOT_STAFF_TTL_MS) });
    return staff;
  }

  return {
    mode: options.mode,
    async verdict(sender, lookup) {
      if (sender.senderChatId === sender.chatId)
        return options.mode === 'chat-admins' ? 'staff' : 'anonymous';
      // Posting as a channel is never staff: anyone can link a channel.
      if (sender.senderChatId !== undefined || sender.userId === undefined) return 'not-staff';
      if (options.adminIds.includes(sender.userId)) return 'staff';
      if (options.mode === 'admin-ids') return 'not-staff';
      return (await isAdminOfChat(sender.chatId, sender.userId, lookup)) ? 'staff' : 'not-staff';
    },
  };
}
