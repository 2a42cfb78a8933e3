import type { Api } from 'grammy';

export type UploadKind = 'upload_photo' | 'upload_document' | 'upload_video';

/**
 * "sending a photo…" at the top of the chat while a result uploads (Telegram shows it for five
 * seconds or until the next message). Best effort: a refused action must not stop the upload.
 */
export async function showUploading(api: Api, chatId: number, kind: UploadKind): Promise<void> {
  await api.sendChatAction(chatId, kind).catch(() => {});
}
