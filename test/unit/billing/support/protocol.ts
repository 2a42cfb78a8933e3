import type { AdjustResult, RefundResult, ReserveResult } from '../../../../src/billing/ledger.js';
import type { RedeemResult } from '../../../../src/billing/redeem-codes.js';

/** Operations a db-worker runs on its own connection. */
export type WorkerOp =
  | { op: 'topup'; userId: number; amount: number; ref: string }
  | { op: 'reserve'; userId: number; jobId: string; amount: number }
  | { op: 'refund'; jobId: string }
  | { op: 'adjust'; userId: number; amount: number }
  | { op: 'redeem'; userId: number; code: string };

export type OpOutcome =
  | { op: 'topup'; value: { balance: number; applied: boolean } }
  | { op: 'reserve'; value: ReserveResult }
  | { op: 'refund'; value: RefundResult }
  | { op: 'adjust'; value: AdjustResult }
  | { op: 'redeem'; value: RedeemResult }
  | { op: WorkerOp['op']; error: string };

export type WorkerRequest =
  | { type: 'open'; file: string }
  /** jitterMs: random pause after each op, so other connections get the lock in between. */
  | { type: 'run'; ops: WorkerOp[]; jitterMs?: number }
  | { type: 'close' };

export type WorkerReply =
  | { type: 'ready' }
  | { type: 'opened' }
  | { type: 'ran'; outcomes: OpOutcome[] }
  | { type: 'closed' }
  | { type: 'failed'; error: string };
