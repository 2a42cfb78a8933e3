import type { Api } from 'grammy';
import { sniffMime } from '../../gateway/mime.js';
import { InputFileError } from '../../jobs/failures.js';

/** The Bot API serves files up to 20 MB to bots. */
export const TELEGRAM_DOWNLOAD_LIMIT = 20 * 1024 * 1024;

/**
 * Downloads a user's file by file_id and returns the bytes. The download URL contains the bot
 * token, so it is used here and nowhere else: not logged, not in errors, never sent upstream.
 */
export function createTelegramFileLoader(api: Api, token: string, apiRoot: string) {
  return async (
    fileId: string,
    maxBytes = TELEGRAM_DOWNLOAD_LIMIT,
  ): Promise<{ data: Buffer; mime: string }> => {
    const file = await api.getFile(fileId).catch(() => {
      throw new InputFileError('input_unavailable', 'getFile failed');
    });
    if (file.file_size !== undefined && file.file_size > maxBytes) {
      throw new InputFileError('input_too_large', `file is ${file.file_size} bytes`);
    }
    if (!file.file_path) throw new InputFileError('input_unavailable', 'no file path');
    let response: Response;
    try {
      response = await fetch(`${apiRoot}/file/bot${token}/${file.file_path}`, {
        signal: AbortSignal.timeout(60_000),
      });
    } catch {
      throw new InputFileError('input_unavailable', 'download failed');
    }
    if (!response.ok || !response.body)
      throw new InputFileError('input_unavailable', `download status ${response.status}`);
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of response.body) {
      size += chunk.length;
      if (size > maxBytes)
        throw new InputFileError('input_too_large', `file exceeds ${maxBytes} bytes`);
      chunks.push(Buffer.from(chunk));
    }
    const data = Buffer.concat(chunks);
    const mime = sniffMime(data);
    if (!mime?.startsWith('image/')) throw new InputFileError('input_not_image', 'not an image');
    return { data, mime };
  };
}

export type TelegramFileLoader = ReturnType<typeof createTelegramFileLoader>;
