/**
 * sharp (libvips) on first use: loading it costs ~30 MB of resident memory and ~0.2 s of start,
 * which a bot that has not yet made a preview, a thumbnail or a mask check does not need.
 */
import type SharpFactory from 'sharp';

export type Sharp = typeof SharpFactory;

let loading: Promise<Sharp> | undefined;

export function loadSharp(): Promise<Sharp> {
  loading ??= import('sharp').then(({ default: sharp }) => {
    // One libvips thread per image: at most one image per core is decoded at once anyway.
    sharp.concurrency(1);
    // Every image is read once; libvips' operation cache would only hold decoded pixels.
    sharp.cache(false);
    return sharp;
  });
  return loading;
}
