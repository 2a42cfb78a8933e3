import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { touchUser } from '../../../src/accounts/users.js';
import { claimNext, createBroadcast, recordOutcome } from '../../../src/broadcast/store.js';
import { type TestDatabase, testDatabase } from '../../helpers/temp-db.js';

describe('broadcast leases across instances', () => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await testDatabase();
  });
  afterEach(() => t.cleanup());

  it('two instances claiming at once: one wins, the other gets nothing until the lease ends', async () => {
    const now = 1_000_000;
    await touchUser(t.db, { id: 5, first_name: 'r' }, { now: now - 10 });
    const b = await createBroadcast(t.db, {
      adminId: 1,
      sourceChatId: 1,
      sourceMessageId: 2,
      exclude: [1],
      now,
    });
    const other = await t.another();
    const claims = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        claimNext(i % 2 ? other : t.db, `owner${i}`, now, 60_000),
      ),
    );
    const winners = claims.filter((c) => c !== undefined);
    expect(winners.map((c) => c.id)).toEqual([b.id]);
    const owner = winners[0]?.leaseOwner ?? '';
    // The loser's outcome does not count; the holder's does.
    const loser = owner === 'owner0' ? 'owner1' : 'owner0';
    expect(await recordOutcome(other, b.id, loser, 5, 'sent', now)).toBeUndefined();
    expect(await recordOutcome(t.db, b.id, owner, 5, 'sent', now)).toBe('running');
    expect(await claimNext(other, 'late', now + 1, 60_000)).toBeUndefined();
    expect((await claimNext(other, 'late', now + 60_001, 60_000))?.leaseOwner).toBe('late');
  });
});
