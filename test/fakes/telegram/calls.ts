import type { Message } from 'grammy/types';
import type { ApiErrorBody } from './errors.js';
import type { Params } from './params.js';

export type ApiResponse = { ok: true; result: unknown } | ({ ok: false } & ApiErrorBody);

/** One Bot API call as the stand-in saw and answered it. */
export interface CallRecord {
  /** Position in the log (0-based). */
  seq: number;
  method: string;
  /** Parameters with uploads replaced by { filename, size, mime }. */
  params: Params;
  /** Epoch ms when the call arrived. */
  at: number;
  /** Epoch ms when its answer was ready (a long poll: when it returned its updates). */
  answeredAt: number;
  response: ApiResponse;
  /** Messages the call created or changed (after the change). */
  messages: Message[];
}

export type CallPredicate = (call: CallRecord) => boolean;

/**
 * The call log with mailbox-style waiting: each waiter owns a set of consumed
 * calls, so sequential waits return successive matches and a call that landed
 * before the wait started is still found.
 */
export class CallLog {
  readonly calls: CallRecord[] = [];
  private readonly listeners = new Set<() => void>();

  add(call: Omit<CallRecord, 'seq'>): CallRecord {
    const rec = { seq: this.calls.length, ...call };
    this.calls.push(rec);
    for (const l of [...this.listeners]) l();
    return rec;
  }

  wait(
    match: CallPredicate,
    consumed: Set<number>,
    timeoutMs: number,
    describe: () => string,
  ): Promise<CallRecord> {
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        const hit = this.calls.find((c) => !consumed.has(c.seq) && match(c));
        if (!hit) return false;
        consumed.add(hit.seq);
        this.listeners.delete(check);
        clearTimeout(timer);
        resolve(hit);
        return true;
      };
      const timer = setTimeout(() => {
        this.listeners.delete(check);
        reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${describe()}`));
      }, timeoutMs);
      if (!check()) this.listeners.add(check);
    });
  }
}

/** A short human-readable line per call, for timeout messages. */
export function summarize(call: CallRecord): string {
  const p = call.params;
  const what = typeof p.text === 'string' ? JSON.stringify(p.text.slice(0, 60)) : '';
  const status = call.response.ok
    ? 'ok'
    : `${call.response.error_code} ${call.response.description}`;
  return `#${call.seq} ${call.method}(chat_id=${String(p.chat_id ?? '')}) ${what} -> ${status}`;
}
