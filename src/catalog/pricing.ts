/**
 * Prices in integer minor units. The only non-integer input is a video mode multiplier; it is
 * applied in exact basis-point arithmetic and the result rounded **up** once, so the operator
 * never undercharges and the same inputs always give the same price.
 */

import type { Catalog } from './catalog.js';
import type { MjPriceKind, VideoMode } from './constants.js';
import type { ImageLikeModel, MidjourneyModel, VideoModel } from './schema.js';

function positiveInt(name: string, v: number): number {
  if (!Number.isSafeInteger(v) || v < 1) throw new RangeError(`${name} must be a positive integer`);
  return v;
}

/** `perImage` × n, or `perCall` regardless of n. */
export function priceImage(model: ImageLikeModel, req: { n: number }): number {
  const n = positiveInt('n', req.n);
  return model.price.unit === 'image' ? model.price.amount * n : model.price.amount;
}

const BASIS = 10_000n;

/** `perCall`, or `perSecond` × duration; then × the mode's multiplier (default mode if omitted). */
export function priceVideo(model: VideoModel, req: { duration: number; mode?: VideoMode }): number {
  const duration = positiveInt('duration', req.duration);
  const base = model.price.unit === 'second' ? model.price.amount * duration : model.price.amount;
  const mode = req.mode ?? model.modes?.default;
  const factor = mode === undefined ? undefined : model.price.modeMultipliers[mode];
  if (factor === undefined) return base;
  // BigInt: base (≤ 6e11) × basis points (≤ 1e6) can exceed 2^53 before the division.
  const bp = BigInt(Math.round(factor * 10_000));
  return Number((BigInt(base) * bp + BASIS - 1n) / BASIS);
}

export function priceMidjourney(model: MidjourneyModel, kind: MjPriceKind): number {
  return model.price[kind];
}

/** The modal step's price for a job's model (disabled models included: the job is paid for). */
export function modalPriceOf(catalog: Catalog, job: { model: string }): number | undefined {
  const model = catalog.models.find((m) => m.id === job.model);
  return model?.family === 'midjourney' ? priceMidjourney(model, 'modal') : undefined;
}
