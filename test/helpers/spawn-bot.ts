import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface SpawnedBot {
  child: ChildProcess;
  dataDir: string;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  waitForOutput(pattern: RegExp, timeoutMs?: number): Promise<void>;
  /** Signals the process group (SIGTERM by default) and waits until the bot itself has exited. */
  stop(signal?: NodeJS.Signals, timeoutMs?: number): Promise<number | null>;
  cleanup(): void;
}

/** The environment that points a bot at both stand-ins with the given operator key. */
export function standInEnv(
  tg: { token: string; apiRoot: string },
  gateway: { url: string },
  apiKey: string,
): Record<string, string> {
  return {
    BOT_TOKEN: tg.token,
    BOT_API_ROOT: tg.apiRoot,
    GATEWAY_BASE_URL: gateway.url,
    GATEWAY_API_KEY: apiKey,
  };
}

/**
 * Starts the bot the way the README does (`npm start`), or with `command` (the built bot), as
 * its own process group so a signal reaches tsx and node beneath npm.
 */
export function spawnBot(
  env: Record<string, string>,
  dataDir?: string,
  command: [string, string[]] = ['npm', ['start', '--silent']],
): SpawnedBot {
  const dir = dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'genbot-e2e-'));
  const child = spawn(command[0], command[1], {
    cwd: path.resolve(import.meta.dirname, '../..'),
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? os.tmpdir(),
      DATABASE_PATH: path.join(dir, 'bot.sqlite'),
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      ...env,
    },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const waiters = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    out += chunk.toString();
    for (const w of waiters) w();
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  // 'close' waits for the pipes to close, i.e. for the bot under npm too, not just npm.
  const exited = new Promise<number | null>((resolve) =>
    child.once('close', (code) => resolve(code)),
  );

  return {
    child,
    dataDir: dir,
    output: () => out,
    waitForOutput: (pattern, timeoutMs = 20_000) =>
      new Promise<void>((resolve, reject) => {
        const check = () => {
          if (pattern.test(out)) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve();
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`bot output did not match ${pattern} in ${timeoutMs} ms:\n${out}`));
        }, timeoutMs);
        waiters.add(check);
        void exited.then((code) => {
          if (waiters.has(check)) {
            waiters.delete(check);
            clearTimeout(timer);
            reject(new Error(`bot exited with ${code} before printing ${pattern}:\n${out}`));
          }
        });
        check();
      }),
    stop: async (signal = 'SIGTERM', timeoutMs = 15_000) => {
      if (child.pid === undefined) return child.exitCode;
      if (child.exitCode !== null || child.signalCode !== null) return exited;
      // The whole group, as a terminal or a container runtime would: npm itself dies of the
      // signal, so callers judge a clean stop by the bot's own log line, not npm's exit code.
      process.kill(-child.pid, signal);
      const timer = setTimeout(() => child.pid && process.kill(-child.pid, 'SIGKILL'), timeoutMs);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
    cleanup: () => {
      if (!dataDir) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
