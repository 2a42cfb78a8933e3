import { z } from 'zod';

/** A user photo the job needs: Telegram file id (bytes are fetched by the worker, not stored). */
export const inputRef = z.object({ fileId: z.string().min(1), uniqueId: z.string().optional() });

/** A mask is a PNG of the image's size in two levels: a few hundred KB at most. */
export const MAX_MASK_BASE64 = 4 * 1024 * 1024;

/**
 * An earlier result of the same user as the input (an edit from the gallery): its bytes are read
 * when the job runs, from the result store or back from Telegram, like the gallery reads them.
 */
export const resultRef = z.object({
  jobId: z.string().min(1).max(64),
  index: z.number().int().min(0).max(15),
});
export type ResultRef = z.output<typeof resultRef>;

/** What image, chat-image and edit jobs carry from the handler to the worker. */
export const imageJobParams = z.object({
  /** How the model is called (catalog `api`), fixed when the job was created. */
  api: z.enum(['images', 'chat', 'edits']),
  prompt: z.string(),
  n: z.number().int().min(1).default(1),
  size: z.string().optional(),
  aspectRatio: z.string().optional(),
  responseFormat: z.enum(['url', 'b64_json', 'none']).optional(),
  /** Forwarded options (catalog `options`), checked when the job was made. */
  quality: z.string().optional(),
  background: z.string().optional(),
  outputFormat: z.string().optional(),
  seed: z.number().int().optional(),
  negativePrompt: z.string().optional(),
  inputs: z.array(inputRef).default([]),
  /** Edited instead of `inputs` (edits from the gallery). */
  source: resultRef.optional(),
  /** OpenAI's mask for `source` (base64 PNG, transparent = edit), checked against it when made. */
  mask: z.string().max(MAX_MASK_BASE64).optional(),
});
export type ImageJobParams = z.output<typeof imageJobParams>;
export type ImageJobParamsInput = z.input<typeof imageJobParams>;
