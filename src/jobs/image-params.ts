import { z } from 'zod';

/** A user photo the job needs: Telegram file id (bytes are fetched by the worker, not stored). */
export const inputRef = z.object({ fileId: z.string().min(1), uniqueId: z.string().optional() });

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
});
export type ImageJobParams = z.output<typeof imageJobParams>;
export type ImageJobParamsInput = z.input<typeof imageJobParams>;
