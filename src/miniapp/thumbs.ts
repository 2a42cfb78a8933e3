/**
 * Small WebP thumbnails of results, made once with sharp (off the event loop) and kept on disk
 * under a byte budget: the oldest are removed when a new one would exceed it.
 */
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { loadSharp } from '../infra/sharp.js';

export const THUMB_SIZE = 320;

export class ThumbStore {
  private used: number | undefined;

  constructor(
    private readonly dir: string,
    private readonly maxBytes: number,
  ) {}

  /** The thumbnail of image `source`, made if missing; undefined when sharp cannot read it. */
  async get(jobId: string, index: number, source: () => Promise<Buffer | undefined>) {
    const file = path.join(this.dir, `${jobId.replace(/[^\w-]/g, '_')}-${index}.webp`);
    const cached = await readFile(file).catch(() => undefined);
    if (cached) return cached;
    const input = await source();
    if (!input) return undefined;
    let thumb: Buffer;
    try {
      const sharp = await loadSharp();
      thumb = await sharp(input, { limitInputPixels: 8192 * 8192 })
        .rotate()
        .resize(THUMB_SIZE, THUMB_SIZE, { fit: 'cover' })
        .webp({ quality: 70 })
        .toBuffer();
    } catch {
      return undefined;
    }
    await mkdir(this.dir, { recursive: true });
    await this.makeRoom(thumb.length);
    await writeFile(file, thumb);
    this.used = (this.used ?? 0) + thumb.length;
    return thumb;
  }

  /** Removes the oldest thumbnails until `incoming` more bytes fit the budget. */
  private async makeRoom(incoming: number): Promise<void> {
    if (this.used !== undefined && this.used + incoming <= this.maxBytes) return;
    const names = await readdir(this.dir);
    const entries = await Promise.all(
      names.map(async (name) => {
        const s = await stat(path.join(this.dir, name)).catch(() => undefined);
        return s ? { name, size: s.size, mtime: s.mtimeMs } : undefined;
      }),
    );
    const files = entries.filter((e) => e !== undefined).sort((a, b) => a.mtime - b.mtime);
    let used = files.reduce((sum, f) => sum + f.size, 0);
    for (const f of files) {
      if (used + incoming <= this.maxBytes) break;
      await rm(path.join(this.dir, f.name), { force: true });
      used -= f.size;
    }
    this.used = used;
  }
}
