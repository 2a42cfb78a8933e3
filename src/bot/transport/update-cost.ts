import type { Update } from 'grammy/types';

/** Commands that start generations (or a conversation that does). */
const GENERATION_COMMANDS = new Set(['imagine', 'edit', 'mj', 'blend', 'describe', 'video']);

const COMMAND_RE = /^\/([a-z0-9_]+)(?:@\w+)?(?:\s|$)/i;

/**
 * Whether handling this update may start a job: the costly kind (validation, a transaction, a
 * status message, a gateway call). A prompt, a photo, a generation command or a button is; any
 * other command, and everything that is not a message or a button press, is not. Only used to
 * schedule: a wrong guess costs a little latency, nothing else.
 */
export function mayStartJob(update: Update): boolean {
  if (update.callback_query) return true;
  const message = update.message;
  if (!message) return false;
  const command = COMMAND_RE.exec(message.text ?? message.caption ?? '')?.[1];
  return command === undefined || GENERATION_COMMANDS.has(command.toLowerCase());
}
