/** Programming or data errors (not business outcomes, which are returned as typed results). */
export class BillingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

export class UserNotFoundError extends BillingError {
  constructor(readonly userId: number) {
    super(`user ${userId} does not exist (call touchUser first)`);
  }
}

export class InvalidAmountError extends BillingError {
  constructor(
    readonly amount: unknown,
    rule: string,
  ) {
    super(`invalid amount ${String(amount)}: ${rule}`);
  }
}

/** A ledger ref is already used by an entry that does not match the request (a caller bug). */
export class LedgerConflictError extends BillingError {
  constructor(
    readonly ref: string,
    detail: string,
  ) {
    super(`ledger ref ${ref}: ${detail}`);
  }
}
