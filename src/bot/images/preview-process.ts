/**
 * A child process that makes previews of stored results at the lowest CPU priority: on a
 * machine with one or two cores, decoding a 2048² grid competes with the bot's event loop for
 * the CPU, and at nice 19 it takes only what the loop leaves. Requests carry paths, answers
 * too: no image bytes cross the IPC channel.
 */
import { writeFile } from 'node:fs/promises';
import { renderPreview } from './preview-render.js';

export interface PreviewRequest {
  id: number;
  input: string;
  output: string;
}

export type PreviewAnswer = { id: number; size: number } | { id: number; size?: undefined };

process.on('message', (message: PreviewRequest) => {
  void (async () => {
    let answer: PreviewAnswer = { id: message.id };
    try {
      const jpeg = await renderPreview(message.input);
      if (jpeg) {
        await writeFile(message.output, jpeg);
        answer = { id: message.id, size: jpeg.length };
      }
    } catch {
      // Unreadable, too many pixels: no preview, the original goes as a document.
    }
    process.send?.(answer);
  })();
});
// The bot's channel closing (it stopped or died) ends this process too.
process.on('disconnect', () => process.exit(0));
