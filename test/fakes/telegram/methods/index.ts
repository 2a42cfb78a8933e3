import type { Handler } from '../core.js';
import { chatMethods } from './chat.js';
import { editMethods } from './edit.js';
import { inlineMethods } from './inline.js';
import { miscMethods } from './misc.js';
import { paymentMethods } from './payments.js';
import { sendMethods } from './send.js';
import { updateMethods } from './updates.js';

export { FLOOD_METHODS } from './send.js';

const all: Record<string, Handler> = {
  ...sendMethods,
  ...editMethods,
  ...chatMethods,
  ...updateMethods,
  ...miscMethods,
  ...paymentMethods,
  ...inlineMethods,
};

/** Bot API method names are case-insensitive. */
export const METHODS = new Map<string, { name: string; handler: Handler }>(
  Object.entries(all).map(([name, handler]) => [name.toLowerCase(), { name, handler }]),
);
