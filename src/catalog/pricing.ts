/**
 * Prices in integer minor units. The only non-integer inputs are multipliers (video mode, image
 * quality); each is applied in exact basis-point arithmetic and the result rounded **up** once,
 * so the operator never undercharges and the same inputs always give the same price.
 */

import type { Catalog } from './catalog.js';
import type { ImageQuality, MjPriceKind, VideoMode } from './constants.js';
import type { ImageLikeModel, MidjourneyModel, VideoModel } from './schema.js';

function positiveInt(name: string, v: number): number {
  if (!Number.isSafeInteger(v) || v < 1) throw new RangeError(`${name} must be a positive integer`);
  return v;
}

const BASIS = 10_000n;

/** × a multiplier in exact basis points, rounded up once (none: the amount itself). */
function times(amount: number, factor: number | undefined): number {
  if (factor === undefined) return amount;
  // BigInt: an amount (≤ 6e11) × basis points (≤ 1e6) can exceed 2^53 before the division.
  const bp = BigInt(Math.round(factor * 10_000));
  return Number((BigInt(amount) * bp + BASIS - 1n) / BASIS);
}

/** `perImage` × n, or `perCall` regardless of n; then × the quality's multiplier, if any. */
export function priceImage(
  model: ImageLikeModel,
  req: { n: number; quality?: ImageQuality | undefined },
): number {
  const n = positiveInt('n', req.n);
  const base = model.price.unit === 'image' ? model.price.amount * n : model.price.amount;
  return times(base, req.quality && model.price.qualityMultipliers?.[req.quality]);
}

/** `perCall`, or `perSecond` × duration; then × the mode's multiplier (default mode if omitted). */
export function priceVideo(model: VideoModel, req: { duration: number; mode?: VideoMode }): number {
  const duration = positiveInt('duration', req.duration);
  const base = model.price.unit === 'second' ? model.price.amount * duration : model.price.amount;
  const mode = req.mode ?? model.modes?.default;
  return times(base, mode === undefined ? undefined : model.price.modeMultipliers[mode]);
}

export function priceMidjourney(model: MidjourneyModel, kind: MjPriceKind): number {
  return model.price[kind];
}

/** The modal step's price for a job's model (disabled models included: the job is paid for). */
export function modalPriceOf(catalog: Catalog, job: { model: string }): number | undefined {
  const model = catalog.models.find((m) => m.id === job.model);
  return model?.family === 'midjourney' ? priceMidjourney(model, 'modal') : undefined;
}
