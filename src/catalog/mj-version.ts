/**
 * The Midjourney model version a prompt runs on: the one the prompt names (`--v 6.1`,
 * `--version 7`, `--niji 6`), else the one the user picked in /settings, if this model offers it;
 * else none is added and the account's default runs. Pure: the bot stores the pick.
 */
import type { MidjourneyModel } from './schema.js';

const NAMED = /(?:^|\s)(?:--|[—–])(?:v|version|niji)(?=\s|$)/i;

/** The flag a model's versions are written with. */
export const versionFlag = (model: MidjourneyModel): string =>
  model.botType === 'NIJI_JOURNEY' ? '--niji' : '--v';

/** The user's pick if this model offers it (a pick made on another model may not apply). */
export const versionFor = (
  model: MidjourneyModel,
  picked: string | undefined,
): string | undefined =>
  picked !== undefined && model.versions?.includes(picked) ? picked : undefined;

/** The prompt with the picked version's flag, unless the prompt names a version itself. */
export function withVersion(
  model: MidjourneyModel,
  prompt: string,
  picked: string | undefined,
): string {
  const version = versionFor(model, picked);
  if (version === undefined || NAMED.test(prompt)) return prompt;
  return `${prompt} ${versionFlag(model)} ${version}`;
}
