import type { GatewayClient } from '../gateway/client.js';
import type { SyncRunner } from './executor.js';
import { type ImageJobParams, imageJobParams } from './image-params.js';
import type { ProducedFile } from './ports.js';
import type { JobRow } from './store.js';

export interface RunnerPorts {
  /** The client to spend: the operator's key, or the user's own. */
  gatewayFor(job: JobRow): Promise<GatewayClient>;
  /** A user photo's bytes, by Telegram file id. */
  loadInput(fileId: string): Promise<{ data: Buffer; mime: string }>;
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
  return async (job, signal): Promise<ProducedFile[]> => {
    const p = imageJobParams.parse(job.params);
    return (await generate(ports, job, p, signal)).slice(0, p.n);
  };
}

async function generate(
  ports: RunnerPorts,
  job: JobRow,
  p: ImageJobParams,
  signal: AbortSignal,
): Promise<ProducedFile[]> {
  const gateway = await ports.gatewayFor(job);
  const inputs = await Promise.all(p.inputs.map((input) => ports.loadInput(input.fileId)));
  const user = `tg:${job.userId}`;
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
          user,
        },
        { signal },
      );
      return result.images;
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
          ...(p.n > 1 ? { n: p.n } : {}),
          ...(p.size ? { size: p.size } : {}),
          user,
        },
        { signal },
      );
      return result.images;
    }
    case 'chat': {
      const result = await gateway.chatImage(
        { model: job.model, prompt: chatPrompt(p.prompt, p.aspectRatio), images: inputs, user },
        { signal },
      );
      return result.images;
    }
  }
}
