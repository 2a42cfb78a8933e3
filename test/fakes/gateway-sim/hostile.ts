/**
 * Hostile answers ([[link:]], [[fake:]], [[urls:]], [[trickle:]]): what a prompt-steered chat
 * model or a broken upstream really sends. The bot must fetch none of the gateway's own routes
 * with its key, deliver no non-media body and take no more files than it asked for.
 */
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import type { FileSpec } from './files.js';
import type { LinkTarget, Markers } from './markers.js';

/** A result URL pointing at one of the gateway's own routes, or at another origin. */
export function linkUrl(base: string, target: LinkTarget): string {
  const id = randomBytes(6).toString('hex');
  switch (target) {
    case 'subscription':
      return `${base}/v1/dashboard/billing/subscription`;
    case 'models':
      return `${base}/v1/models`;
    case 'mj-fetch':
      return `${base}/mj/task/${id}/fetch`;
    case 'video-content':
      return `${base}/v1/videos/video_${id}/content`;
    case 'foreign': {
      const u = new URL(base);
      u.hostname = u.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
      return `${u.origin}/v1/dashboard/billing/subscription`;
    }
  }
}

const FAKE_BODIES = {
  html: '<!DOCTYPE html>\n<html><head><title>Attention Required! | Cloudflare</title></head><body><h1>Sorry, you have been blocked</h1></body></html>\n',
  json: '{"object":"billing_subscription","has_payment_method":true,"soft_limit_usd":100000,"hard_limit_usd":100000,"system_hard_limit_usd":100000,"access_until":0}',
} as const;

/** The [[fake:]] body, labelled as the media it pretends to be. */
export function fakeSpec(kind: NonNullable<Markers['fake']>, contentType: string): FileSpec {
  return { kind: 'bytes', data: Buffer.from(FAKE_BODIES[kind]), contentType };
}

/** How many results one answer lists: the [[urls:]] count, else what was asked for. */
export const resultCount = (markers: Markers, asked: number): number => markers.urls ?? asked;

const TRICKLE_CHUNK = 1024;

/** Re-emits a body 1 KB per `everyMs` of real time; stops when the reader goes away. */
export function trickle(src: Readable, everyMs: number): Readable {
  async function* slow() {
    for await (const chunk of src as AsyncIterable<Buffer>) {
      for (let at = 0; at < chunk.length; at += TRICKLE_CHUNK) {
        await new Promise((r) => setTimeout(r, everyMs));
        yield chunk.subarray(at, at + TRICKLE_CHUNK);
      }
    }
  }
  const out = Readable.from(slow(), { objectMode: false });
  out.on('close', () => src.destroy());
  return out;
}
