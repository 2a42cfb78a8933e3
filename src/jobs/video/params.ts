import { z } from 'zod';
import { SECONDS_AS, VIDEO_MODES } from '../../catalog/constants.js';
import type { SubmitVideoRequest } from '../../gateway/video.js';
import { inputRef } from '../image-params.js';

/**
 * What a video job carries from the handler to the submitter. Everything the wire request
 * depends on (the length's wire type, size or ratio, mode) is fixed when the job is made, so a
 * catalog edit cannot change what a paid job asks for.
 */
export const videoJobParams = z.object({
  prompt: z.string().min(1),
  duration: z.number().int().positive(),
  /** sora's `seconds` is a string ("8"); every model also gets the number as `duration`. */
  secondsAs: z.enum(SECONDS_AS).default('number'),
  size: z.string().optional(),
  aspectRatio: z.string().optional(),
  mode: z.enum(VIDEO_MODES).optional(),
  /** First frame (image-to-video): a Telegram file id; the submitter sends the bytes inline. */
  input: inputRef.optional(),
});
export type VideoJobParams = z.output<typeof videoJobParams>;
export type VideoJobParamsInput = z.input<typeof videoJobParams>;

/**
 * The gateway request for a job. `duration` always goes as a number (the seed gateway and
 * new-api's TaskSubmitReq read it); `seconds` is added as a string for sora-style models. A ratio
 * also goes into `metadata`, which new-api merges into vendor payloads (kling reads it there),
 * while the seed gateway reads the top-level `aspect_ratio`.
 */
export function toSubmitRequest(
  model: string,
  params: VideoJobParams,
  image?: { data: Buffer; mime: string },
): SubmitVideoRequest {
  const req: SubmitVideoRequest = { model, prompt: params.prompt, duration: params.duration };
  if (params.secondsAs === 'string') req.seconds = String(params.duration);
  if (params.size !== undefined) req.size = params.size;
  if (params.aspectRatio !== undefined) {
    req.aspectRatio = params.aspectRatio;
    req.metadata = { aspect_ratio: params.aspectRatio };
  }
  if (params.mode !== undefined) req.mode = params.mode;
  if (image) req.image = image;
  return req;
}
