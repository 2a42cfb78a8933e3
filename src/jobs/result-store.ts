import { createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { StoredFile } from './ports.js';

const EXT: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
  'image/gif': 'gif',
  'video/mp4': 'mp4',
  'video/webm': 'webm',
  'video/quicktime': 'mov',
};

/**
 * Result files on disk, one folder per job. Written before the job enters `delivering`, so a
 * crash during delivery can deliver again; kept for a while for the "original file" button.
 */
export class ResultStore {
  constructor(readonly root: string) {}

  async save(jobId: string, index: number, data: Buffer, mime: string): Promise<StoredFile> {
    const dir = path.join(this.root, jobId);
    await fs.mkdir(dir, { recursive: true });
    const file = path.join(dir, `${index}.${EXT[mime] ?? 'bin'}`);
    await fs.writeFile(file, data);
    return { path: file, mime, size: data.length };
  }

  /**
   * Writes a large result (a video) as it arrives, never holding it in memory. A failed or
   * aborted stream leaves no partial file behind.
   */
  async saveStream(
    jobId: string,
    index: number,
    stream: Readable,
    mime: string,
    signal?: AbortSignal,
  ): Promise<StoredFile> {
    const dir = path.join(this.root, jobId);
    await fs.mkdir(dir, { recursive: true });
    const file = path.join(dir, `${index}.${EXT[mime] ?? 'bin'}`);
    try {
      await pipeline(stream, createWriteStream(file), signal ? { signal } : {});
    } catch (err) {
      await fs.rm(file, { force: true });
      throw err;
    }
    const { size } = await fs.stat(file);
    return { path: file, mime, size };
  }

  /** Removes what a job stored so far (its results turned out unusable). */
  async discard(jobId: string): Promise<void> {
    await fs.rm(path.join(this.root, jobId), { recursive: true, force: true });
  }

  async exists(file: StoredFile): Promise<boolean> {
    return fs.stat(file.path).then(
      () => true,
      () => false,
    );
  }

  /** Deletes job folders older than `maxAgeMs`; returns how many were removed. */
  async sweep(maxAgeMs: number, now = Date.now()): Promise<number> {
    let removed = 0;
    const entries = await fs.readdir(this.root, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      if (!entry.isDirectory()) continue;
      const dir = path.join(this.root, entry.name);
      const stat = await fs.stat(dir);
      if (now - stat.mtimeMs > maxAgeMs) {
        await fs.rm(dir, { recursive: true, force: true });
        removed++;
      }
    }
    return removed;
  }
}
