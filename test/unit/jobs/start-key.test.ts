import { afterEach, describe, expect, it } from 'vitest';
import { getBalance } from '../../../src/billing/ledger.js';
import { startKeyOf } from '../../../src/bot/jobs/submit-job.js';
import { closeDb, openDb } from '../../../src/db/client.js';
import { createJob, type JobRequest } from '../../../src/jobs/lifecycle.js';
import { listUserJobs } from '../../../src/jobs/store.js';
import { tempDb } from '../../helpers/temp-db.js';
import { addUser } from './harness.js';

const request = (startKey?: string): JobRequest => ({
  userId: 7,
  chatId: 7,
  family: 'image',
  kind: 'generate',
  model: 'flux-schnell',
  params: { prompt: 'x' },
  price: 10,
  payer: 'balance',
  ...(startKey ? { startKey } : {}),
});

describe('start keys', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());

  it('two connections (two instances) starting with one key make one job and one reservation', () => {
    const t = tempDb();
    cleanup = t.cleanup;
    addUser(t.db, 7, 100);
    const second = openDb(t.file);
    try {
      const a = createJob(t.db, request('q:42'));
      const b = createJob(second, request('q:42'));
      expect(a.ok && b.ok && b.existing).toBe(true);
      if (!a.ok || !b.ok) throw new Error('unreachable');
      expect(b.job.id).toBe(a.job.id);
      expect(getBalance(t.db, 7)).toBe(90);
      // Jobs without a key (modal steps started by the worker) are never taken for each other.
      createJob(t.db, request());
      createJob(second, request());
      expect(listUserJobs(t.db, 7, 10)).toHaveLength(3);
    } finally {
      closeDb(second);
    }
  });

  it('a message is keyed by chat and message id, a tap by its query id', () => {
    const message = { message_id: 5, chat: { id: -100 } };
    expect(startKeyOf({ update: { update_id: 1, message } as never })).toBe('m:-100:5');
    const query = { id: '991', from: { id: 1 }, chat_instance: '1', data: 'x' };
    expect(startKeyOf({ update: { update_id: 2, callback_query: query } as never })).toBe('q:991');
    expect(startKeyOf({ update: { update_id: 3 } as never })).toBeUndefined();
  });
});
