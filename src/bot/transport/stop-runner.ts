import type { RunnerHandle } from '@grammyjs/runner';

/**
 * Stops fetching updates, then waits (up to `graceMs`) for the handlers already running:
 * `runner.stop()` alone returns while they still use the database that is closed next.
 */
export async function stopRunner(runner: RunnerHandle, graceMs = 10_000): Promise<void> {
  if (runner.isRunning()) await runner.stop();
  const deadline = Date.now() + graceMs;
  while (runner.size() > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
