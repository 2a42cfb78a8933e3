/**
 * A delivered result's bytes, read one way for the gallery's page and for jobs that start from a
 * result (✏️ edit): the result store while it keeps the file, else back from Telegram by file id.
 */
import { readFile } from 'node:fs/promises';
import type { Db } from '../db/client.js';
import { sniffKind } from '../gateway/mime.js';
import { InputFileError } from '../jobs/failures.js';
import type { ResultRef } from '../jobs/image-params.js';
import type { ResultStore } from '../jobs/result-store.js';
import { getJob, type JobRow } from '../jobs/store.js';
import { type GalleryFile, galleryFiles } from './gallery.js';

export interface ResultBytesSource {
  results: ResultStore;
  /** A delivered file back from Telegram by file id, when the result store no longer has it. */
  fromTelegram: (fileId: string, kind: 'image' | 'video') => Promise<Buffer | undefined>;
}

export async function resultFileBytes(
  o: ResultBytesSource,
  file: GalleryFile,
): Promise<Buffer | undefined> {
  if (await o.results.exists(file)) return readFile(file.path);
  const id = file.documentFileId ?? file.photoFileId ?? file.videoFileId;
  if (!id) return undefined;
  return o.fromTelegram(id, file.mime.startsWith('video/') ? 'video' : 'image');
}

/**
 * The source image of an edit started from the gallery: a finished result of the job's own
 * owner, sniffed as an image. Anything else fails the job as an unavailable input (refunded).
 */
export function resultSourceLoader(o: ResultBytesSource & { db: Db }) {
  return async (owner: JobRow, ref: ResultRef): Promise<{ data: Buffer; mime: string }> => {
    const source = getJob(o.db, ref.jobId);
    const mine = source?.userId === owner.userId && source.status === 'done';
    const file = mine ? galleryFiles(source)[ref.index] : undefined;
    const data = file ? await resultFileBytes(o, file) : undefined;
    const mime = data ? sniffKind(data, 'image') : undefined;
    if (!data || !mime) throw new InputFileError('input_unavailable', 'the source result is gone');
    return { data, mime };
  };
}
