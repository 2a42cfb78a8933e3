import type { GatewayClient } from '../gateway/client.js';
import type { ForwardedImageOptions } from '../gateway/images.js';
import type { RunnerOutput, SyncRunner } from './executor.js';
import { type ImageJobParams, imageJobParams, type ResultRef } from './image-params.js';
import type { ProducedFile } from './ports.js';
import type { JobRow } from './store.js';

export interface RunnerPorts {
  /** The client to spend: the operator's key, or the user's own. */
  gatewayFor(job: JobRow): Promise<GatewayClient>;
  /** A user photo's bytes, by Telegram file id. */
  loadInput(fileId: string): Promise<{ data: Buffer; mime: string }>;
  /** An earlier result of the job's owner (an edit from the gallery), by job and file index. */
  loadResult(owner: JobRow, ref: ResultRef): Promise<{ data: Buffer; mime: string }>;
  /** The model's own limit for the call (ms), over the client's default for generations. */
  timeoutOf?(job: JobRow): number | undefined;
}

const EXT: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
  'image/gif': 'gif',
};

/** Chat models take no size parameter; the aspect ratio rides in the prompt, as their docs suggest. */
function chatPrompt(prompt: string, aspectRatio: string | undefined): string {
  return aspectRatio ? `${prompt}\n\nAspect ratio: ${aspectRatio}.` : prompt;
}

/**
 * One runner for the three synchronous image families; the job's `api` picks the endpoint. At
 * most the requested `n` images are taken from an answer: a list of 60 for `n=1` (or a chat
 * reply full of links) is not 60 downloads.
 */
export function createImageRunner(ports: RunnerPorts): SyncRunner {
  return async (job, signal): Promise<RunnerOutput> => {
    const p = imageJobParams.parse(job.params);
    const made = await generate(ports, job, p, signal);
    const note = noteOf(made.note, p.prompt);
    return { files: made.files.slice(0, p.n), ...(note ? { note } : {}) };
  };
}

const NOTE_CHARS = 500;

/**
 * What the model said with its images (a chat reply's text, DALL-E's revised prompt), worth
 * showing only when it adds something: not an echo of the prompt, and never a wall of text.
 */
export function noteOf(text: string | undefined, prompt: string): string | undefined {
  const note = text?.replace(/\s+/g, ' ').trim();
  if (!note || note === prompt.replace(/\s+/g, ' ').trim()) return undefined;
  const chars = [...note];
  return chars.length > NOTE_CHARS ? `${chars.slice(0, NOTE_CHARS - 1).join('')}…` : note;
}

const forwarded = (p: ImageJobParams): ForwardedImageOptions => ({
  quality: p.quality,
  background: p.background,
  outputFormat: p.outputFormat,
  seed: p.seed,
  negativePrompt: p.negativePrompt,
});

async function generate(
  ports: RunnerPorts,
  job: JobRow,
  p: ImageJobParams,
  signal: AbortSignal,
): Promise<{ files: ProducedFile[]; note?: string | undefined }> {
  const gateway = await ports.gatewayFor(job);
  const inputs = p.source
    ? [await ports.loadResult(job, p.source)]
    : await Promise.all(p.inputs.map((input) => ports.loadInput(input.fileId)));
  const user = `tg:${job.userId}`;
  const timeoutMs = ports.timeoutOf?.(job);
  const call = { signal, ...(timeoutMs !== undefined ? { timeoutMs } : {}) };
  switch (p.api) {
    case 'images': {
      const result = await gateway.generateImages(
        {
          model: job.model,
          prompt: p.prompt,
          n: p.n,
          ...(p.size ? { size: p.size } : {}),
          ...(p.aspectRatio ? { aspectRatio: p.aspectRatio } : {}),
          ...(p.responseFormat && p.responseFormat !== 'none'
            ? { responseFormat: p.responseFormat }
            : {}),
          options: forwarded(p),
          user,
        },
        call,
      );
      return { files: result.images, note: result.revisedPrompt };
    }
    case 'edits': {
      const result = await gateway.editImage(
        {
          model: job.model,
          prompt: p.prompt,
          images: inputs.map((input, i) => ({
            ...input,
            filename: `image-${i + 1}.${EXT[input.mime] ?? 'png'}`,
          })),
          ...(p.mask ? { mask: Buffer.from(p.mask, 'base64') } : {}),
          ...(p.n > 1 ? { n: p.n } : {}),
          ...(p.size ? { size: p.size } : {}),
          options: forwarded(p),
          user,
        },
        call,
      );
      return { files: result.images, note: result.revisedPrompt };
    }
    case 'chat': {
      const result = await gateway.chatImage(
        { model: job.model, prompt: chatPrompt(p.prompt, p.aspectRatio), images: inputs, user },
        call,
      );
      return { files: result.images, note: result.text };
    }
  }
}
