import { z } from 'zod';
import { SECONDS_AS, VIDEO_IMAGE_ROLES, VIDEO_MODES } from '../../catalog/constants.js';
import type { SubmitVideoRequest } from '../../gateway/video.js';
import { inputRef } from '../image-params.js';

/**
 * What a video job carries from the handler to the submitter. Everything the wire request
 * depends on (the length's wire type, size or ratio, mode) is fixed when the job is made, so a
 * catalog edit cannot change what a paid job asks for.
 */
/** Kling's lip sync takes sound files up to 5 MB. */
export const AUDIO_LIMIT = 5 * 1024 * 1024;
/** What the cloud Bot API lets a bot download: the most a video to work on can be. */
export const VIDEO_INPUT_LIMIT = 20 * 1024 * 1024;

const fields = z.object({
  prompt: z.string().min(1),
  duration: z.number().int().positive(),
  /** sora's `seconds` is a string ("8"); every model also gets the number as `duration`. */
  secondsAs: z.enum(SECONDS_AS).default('number'),
  size: z.string().optional(),
  aspectRatio: z.string().optional(),
  mode: z.enum(VIDEO_MODES).optional(),
  /** Kling Effects' scene. */
  effect: z.string().optional(),
  /** Lip sync: the prompt is the words, said in this voice. */
  speech: z.object({ voice: z.string(), language: z.enum(['en', 'zh']) }).optional(),
  /** Lip sync from a sound file (Telegram file id) instead of words. */
  audio: inputRef.optional(),
  /** The video the model works on (Runway Aleph, Act-One), by Telegram file id. */
  video: inputRef.optional(),
  /** The earlier video this one continues (Kling Extend): its job, and its task at the gateway. */
  source: z.object({ jobId: z.string(), taskId: z.string() }).optional(),
  /** Photos by Telegram file id, in the order sent; the submitter sends the bytes inline. */
  inputs: z.array(inputRef).max(10).default([]),
  /** What the model does with them (catalog `imageRole`), fixed when the job was made. */
  imageRole: z.enum(VIDEO_IMAGE_ROLES).default('frames'),
});

/** Jobs stored before several photos were taken carry one first frame as `input`. */
export const videoJobParams = z.preprocess((raw) => {
  if (typeof raw !== 'object' || raw === null || !('input' in raw)) return raw;
  const { input, ...rest } = raw as { input?: unknown };
  return input === undefined ? rest : { ...rest, inputs: [input] };
}, fields);
export type VideoJobParams = z.output<typeof fields>;
export type VideoJobParamsInput = z.input<typeof fields>;
/** The video length as stored, for deadlines of jobs whose params no longer parse whole. */
export const storedDuration = fields.shape.duration;

/**
 * The gateway request for a job. `duration` always goes as a number (the seed gateway and
 * new-api's TaskSubmitReq read it); `seconds` is added as a string for sora-style models. A ratio
 * also goes into `metadata`, which new-api merges into vendor payloads (kling reads it there),
 * while the seed gateway reads the top-level `aspect_ratio`.
 */
type Bytes = { data: Buffer; mime: string };

/** The job's files, loaded: its photos in order, a sound file to speak, a video to work on. */
export interface JobFiles {
  images?: Bytes[];
  audio?: Bytes | undefined;
  video?: Bytes | undefined;
}

export function toSubmitRequest(
  model: string,
  params: VideoJobParams,
  files: JobFiles = {},
): SubmitVideoRequest {
  const { images = [], audio, video } = files;
  const req: SubmitVideoRequest = { model, prompt: params.prompt, duration: params.duration };
  if (params.secondsAs === 'string') req.seconds = String(params.duration);
  if (params.size !== undefined) req.size = params.size;
  if (params.aspectRatio !== undefined) {
    req.aspectRatio = params.aspectRatio;
    req.metadata = { aspect_ratio: params.aspectRatio };
  }
  if (params.mode !== undefined) req.mode = params.mode;
  if (params.effect !== undefined) req.metadata = { ...req.metadata, effect_scene: params.effect };
  // Kling's lip sync speaks a sound file, else the words in a voice; vendor fields ride in
  // metadata, which new-api merges into the vendor payload.
  if (audio)
    req.metadata = {
      ...req.metadata,
      mode: 'audio2video',
      audio_type: 'file',
      audio_file: audio.data.toString('base64'),
    };
  else if (params.speech !== undefined)
    req.metadata = {
      ...req.metadata,
      mode: 'text2video',
      text: params.prompt,
      voice_id: params.speech.voice,
      voice_language: params.speech.language,
    };
  // Kling names the earlier video by id (extend, lip sync).
  if (params.source !== undefined) {
    req.videoId = params.source.taskId;
    req.metadata = { ...req.metadata, video_id: params.source.taskId };
  }
  if (images.length > 0) req.images = { role: params.imageRole, files: images };
  if (video) req.inputVideo = video;
  return req;
}
