/**
 * Lets a burst of expensive work take turns with everything else on the event loop: each
 * `take()` resolves in its own loop iteration, so I/O (the next update, a reply to someone
 * else) is handled between two of them instead of after the whole burst. Without it, 200
 * generation requests arriving together run back to back as one long stretch of CPU, and a
 * /start that came in meanwhile waits for all of them.
 */
export class LoopTurns {
  private readonly waiting: Array<() => void> = [];
  private scheduled = false;

  get queued(): number {
    return this.waiting.length;
  }

  /** Resolves on a later loop iteration; turns are given out one per iteration, in order. */
  take(): Promise<void> {
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    // setImmediate runs after the poll phase: pending I/O goes first each time.
    setImmediate(() => {
      this.scheduled = false;
      this.waiting.shift()?.();
      if (this.waiting.length > 0) this.schedule();
    });
  }
}
