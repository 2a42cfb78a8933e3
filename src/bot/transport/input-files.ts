import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Api } from 'grammy';
import { type MediaKind, sniffKind } from '../../gateway/mime.js';
import { InputFileError } from '../../jobs/failures.js';

/** The Bot API serves files up to 20 MB to bots; inputs sent upstream keep that cap locally too. */
export const TELEGRAM_DOWNLOAD_LIMIT = 20 * 1024 * 1024;

export interface TelegramFileSource {
  api: Api;
  token: string;
  apiRoot: string;
  /**
   * A self-hosted Bot API server started with `--local` answers getFile with an absolute path
   * on its own disk and serves no download route. When that disk is mounted here, this is its
   * `--dir`; only files under it are read.
   */
  filesDir?: string | undefined;
}

/**
 * Downloads a user's file by file_id and returns the bytes. The download URL (and a local
 * server's path) contains the bot token, so neither is logged, put in an error or sent upstream.
 */
export function createTelegramFileLoader(source: TelegramFileSource) {
  const root = source.filesDir ? realpath(source.filesDir).catch(() => undefined) : undefined;
  return async (
    fileId: string,
    maxBytes = TELEGRAM_DOWNLOAD_LIMIT,
    kind: MediaKind = 'image',
  ): Promise<{ data: Buffer; mime: string }> => {
    const file = await source.api.getFile(fileId).catch(() => {
      throw new InputFileError('input_unavailable', 'getFile failed');
    });
    if (file.file_size !== undefined && file.file_size > maxBytes) {
      throw new InputFileError('input_too_large', `file is ${file.file_size} bytes`);
    }
    if (!file.file_path) throw new InputFileError('input_unavailable', 'no file path');
    const chunks = path.isAbsolute(file.file_path)
      ? await readLocal(file.file_path, await root)
      : await download(`${source.apiRoot}/file/bot${source.token}/${file.file_path}`);
    const data = await collect(chunks, maxBytes);
    const mime = sniffKind(data, kind);
    if (!mime) throw new InputFileError(`input_not_${kind}`, `not of kind ${kind}`);
    return { data, mime };
  };
}

export type TelegramFileLoader = ReturnType<typeof createTelegramFileLoader>;

async function download(url: string): Promise<AsyncIterable<Uint8Array>> {
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(60_000) });
  } catch {
    throw new InputFileError('input_unavailable', 'download failed');
  }
  if (!response.ok || !response.body)
    throw new InputFileError('input_unavailable', `download status ${response.status}`);
  return response.body;
}

async function readLocal(
  filePath: string,
  root: string | undefined,
): Promise<AsyncIterable<Uint8Array>> {
  if (!root) {
    throw new InputFileError(
      'input_unavailable',
      'the Bot API server answered with a local path; set BOT_API_FILES_DIR to its --dir',
    );
  }
  // realpath, so neither `..` nor a symlink inside the directory leads out of it.
  const real = await realpath(filePath).catch(() => undefined);
  if (!real?.startsWith(root + path.sep))
    throw new InputFileError('input_unavailable', 'local file is outside BOT_API_FILES_DIR');
  const info = await stat(real).catch(() => undefined);
  if (!info?.isFile()) throw new InputFileError('input_unavailable', 'local file is missing');
  return createReadStream(real);
}

async function collect(chunks: AsyncIterable<Uint8Array>, maxBytes: number): Promise<Buffer> {
  const parts: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of chunks) {
      size += chunk.length;
      if (size > maxBytes)
        throw new InputFileError('input_too_large', `file exceeds ${maxBytes} bytes`);
      parts.push(Buffer.from(chunk));
    }
  } catch (err) {
    if (err instanceof InputFileError) throw err;
    throw new InputFileError('input_unavailable', 'reading the file failed');
  }
  return Buffer.concat(parts);
}
