import { z } from 'zod';
import { MJ_BOT_TYPES, MJ_MODES } from '../../catalog/constants.js';
import { inputRef, MAX_MASK_BASE64 } from '../image-params.js';

/**
 * What a Midjourney job carries from the handler to the submitter. `mode` and `botType` are
 * copied from the model when the job is made, so a later catalog edit cannot change the queue
 * a paid job runs in.
 */
const common = {
  mode: z.enum(MJ_MODES),
  botType: z.enum(MJ_BOT_TYPES),
};

export const mjJobParams = z.discriminatedUnion('op', [
  z.object({
    ...common,
    op: z.literal('imagine'),
    prompt: z.string().min(1),
    inputs: z.array(inputRef).default([]),
  }),
  z.object({
    ...common,
    op: z.literal('action'),
    /** The upstream task whose button was pressed. */
    taskId: z.string().min(1),
    customId: z.string().min(1),
    /** classifyMjCustomId kind, for deadlines and labels. */
    action: z.string(),
    /** The parent's prompt: what the modal shows as "current prompt". */
    prompt: z.string().default(''),
    /** Prompt typed before the task reached MODAL (Custom Zoom asks at once). */
    modalPrompt: z.string().optional(),
    /** The user is already being asked for the modal prompt: no second question. */
    modalAsked: z.boolean().optional(),
    /** Vary (Region): the mask drawn in the Mini App (base64 PNG, white = repaint). */
    modalMask: z.string().max(MAX_MASK_BASE64).optional(),
  }),
  z.object({
    ...common,
    op: z.literal('modal'),
    /** The task waiting in status MODAL (the modal keeps its id). */
    taskId: z.string().min(1),
    /** Empty: the gateway reuses the task's final prompt. */
    prompt: z.string(),
    action: z.string(),
    mask: z.string().max(MAX_MASK_BASE64).optional(),
  }),
  z.object({
    ...common,
    op: z.literal('blend'),
    inputs: z.array(inputRef).min(2).max(5),
    dimensions: z.enum(['PORTRAIT', 'SQUARE', 'LANDSCAPE']),
  }),
  z.object({
    ...common,
    op: z.literal('describe'),
    inputs: z.array(inputRef).length(1),
  }),
]);

export type MjJobParams = z.output<typeof mjJobParams>;
export type MjJobParamsInput = z.input<typeof mjJobParams>;
export type MjOp = MjJobParams['op'];
