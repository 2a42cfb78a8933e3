/**
 * `--fast`, `--relax` and `--turbo` in a Midjourney prompt pick the speed: the enabled model of
 * the same bot (Midjourney or Niji) in that mode. The model decides the queue and the price, so
 * the flag chooses the model rather than travelling in the prompt.
 */
import type { Catalog } from './catalog.js';
import type { MjMode } from './constants.js';
import type { MidjourneyModel } from './schema.js';

const FLAG = /(?:^|\s)(?:--|[—–])(fast|relax|turbo)(?=\s|$)/g;

/** The last speed flag of a prompt (Midjourney's own rule: the last one wins), if any. */
export function speedFlag(prompt: string): MjMode | undefined {
  let last: MjMode | undefined;
  for (const m of prompt.matchAll(FLAG)) last = m[1] as MjMode;
  return last;
}

export type SpeedChoice =
  | { ok: true; model: MidjourneyModel }
  /** The flag names a speed this bot does not offer for that model; `offered` are those it does. */
  | { ok: false; mode: MjMode; offered: MjMode[] };

export function modelForSpeed(
  catalog: Catalog,
  chosen: MidjourneyModel,
  prompt: string,
): SpeedChoice {
  const mode = speedFlag(prompt);
  if (!mode || mode === chosen.mode) return { ok: true, model: chosen };
  const siblings = catalog.list('midjourney').filter((m) => m.botType === chosen.botType);
  const hit = siblings.find((m) => m.mode === mode);
  return hit ? { ok: true, model: hit } : { ok: false, mode, offered: siblings.map((m) => m.mode) };
}
