import type { Logger } from './logger.js';

/** Interval tasks that never keep the process alive and log instead of throwing. */
export class Periodic {
  private readonly timers: NodeJS.Timeout[] = [];

  constructor(private readonly logger: Logger) {}

  every(ms: number, task: () => unknown): void {
    const timer = setInterval(() => {
      Promise.resolve()
        .then(task)
        .catch((err: unknown) => this.logger.error({ err }, 'periodic task failed'));
    }, ms);
    timer.unref();
    this.timers.push(timer);
  }

  stop(): void {
    for (const timer of this.timers) clearInterval(timer);
    this.timers.length = 0;
  }
}
