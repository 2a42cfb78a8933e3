import { type ChildProcess, fork } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PreviewAnswer, PreviewRequest } from './preview-process.js';

const REQUEST_TIMEOUT_MS = 60_000;
const here = fileURLToPath(import.meta.url);
/** preview-process.ts under tsx (npm start, tests), preview-process.js when built. */
const ENTRY = path.join(path.dirname(here), `preview-process${path.extname(here)}`);

interface Pending {
  resolve: (size: number | undefined) => void;
  timer: NodeJS.Timeout;
}

/**
 * The bot's side of the preview process: started on first use at nice 19, started again after
 * a crash; a request that it cannot answer (crash, timeout) resolves to "no preview".
 */
export class PreviewWorker {
  private child: ChildProcess | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  /** Writes a preview of the file at `input` to `output`; its size, or undefined for none. */
  render(input: string, output: string): Promise<number | undefined> {
    const child = this.ensure();
    const id = this.nextId++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.settle(id, undefined), REQUEST_TIMEOUT_MS);
      timer.unref();
      this.pending.set(id, { resolve, timer });
      // A request in flight keeps the bot alive for its answer; an idle process does not.
      child.channel?.ref();
      const request: PreviewRequest = { id, input, output };
      child.send(request, (err) => {
        if (err) this.settle(id, undefined);
      });
    });
  }

  stop(): void {
    this.child?.kill();
    this.child = undefined;
  }

  private ensure(): ChildProcess {
    if (this.child?.connected) return this.child;
    const child = fork(ENTRY, [], {
      execArgv: path.extname(ENTRY) === '.ts' ? ['--import', 'tsx'] : [],
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
      serialization: 'json',
    });
    try {
      if (child.pid !== undefined) os.setPriority(child.pid, 19);
    } catch {
      // Not permitted here: the previews still work, at the bot's priority.
    }
    child.on('message', (answer: PreviewAnswer) => this.settle(answer.id, answer.size));
    child.once('exit', () => {
      if (this.child === child) this.child = undefined;
      for (const id of [...this.pending.keys()]) this.settle(id, undefined);
    });
    // Neither the process nor its channel keeps the bot alive.
    child.unref();
    child.channel?.unref();
    this.child = child;
    return child;
  }

  private settle(id: number, size: number | undefined): void {
    const p = this.pending.get(id);
    if (!p) return;
    this.pending.delete(id);
    clearTimeout(p.timer);
    if (this.pending.size === 0) this.child?.channel?.unref();
    p.resolve(size);
  }
}
