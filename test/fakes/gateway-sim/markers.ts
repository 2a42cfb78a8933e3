/**
 * Prompt / model-name markers that steer the simulator (documented in README.md):
 *   [[big:12mb]] / [[big:800kb]]  produced image (or video) is at least that many bytes
 *   [[size:2048x2048]]            produced PNG has these pixel dimensions
 *   [[expired]]                   the returned URL answers 403 (expired signed URL)
 *   [[404]]                       the returned URL answers 404
 *   [[ttl:30s]] / [[ttl:5m]]      the returned URL works for that much sim time, then 403
 * Hostile answers (what a prompt-steered or broken upstream can send):
 *   [[link:subscription]]         the result URL is one of the gateway's own routes (subscription,
 *                                 models, mj-fetch, video-content) or `foreign` (another origin)
 *   [[fake:html]] / [[fake:json]] the "image" is an HTML page or a JSON document, labelled image/png
 *   [[urls:60]]                   the answer lists that many images, whatever n was
 *   [[trickle:200ms]]             the file's body comes 1 KB per that much real time
 */

export interface Markers {
  bigBytes?: number;
  dims?: { width: number; height: number };
  expired: boolean;
  missing: boolean;
  ttlMs?: number;
  link?: LinkTarget;
  fake?: 'html' | 'json';
  urls?: number;
  trickleMs?: number;
}

export const LINK_TARGETS = [
  'subscription',
  'models',
  'mj-fetch',
  'video-content',
  'foreign',
] as const;
export type LinkTarget = (typeof LINK_TARGETS)[number];

const isLinkTarget = (s: string): s is LinkTarget =>
  (LINK_TARGETS as readonly string[]).includes(s);

const UNITS: Record<string, number> = { b: 1, kb: 1024, mb: 1024 * 1024 };
const TTL_UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

export function parseMarkers(...texts: Array<string | undefined>): Markers {
  const text = texts.filter((t): t is string => typeof t === 'string').join(' ');
  const out: Markers = {
    expired: /\[\[expired\]\]/i.test(text),
    missing: /\[\[404\]\]/.test(text),
  };
  const big = /\[\[big:(\d+(?:\.\d+)?)(b|kb|mb)\]\]/i.exec(text);
  if (big?.[1] && big[2])
    out.bigBytes = Math.ceil(Number(big[1]) * (UNITS[big[2].toLowerCase()] ?? 1));
  const size = /\[\[size:(\d{1,5})x(\d{1,5})\]\]/i.exec(text);
  if (size?.[1] && size[2]) out.dims = { width: Number(size[1]), height: Number(size[2]) };
  const ttl = /\[\[ttl:(\d+)(ms|s|m|h)\]\]/i.exec(text);
  if (ttl?.[1] && ttl[2]) out.ttlMs = Number(ttl[1]) * (TTL_UNITS[ttl[2].toLowerCase()] ?? 1000);
  const link = /\[\[link(?::([a-z-]+))?\]\]/i.exec(text);
  if (link) {
    const target = (link[1] ?? 'subscription').toLowerCase();
    if (isLinkTarget(target)) out.link = target;
  }
  const fake = /\[\[fake:(html|json)\]\]/i.exec(text);
  if (fake?.[1]) out.fake = fake[1].toLowerCase() === 'html' ? 'html' : 'json';
  const urls = /\[\[urls:(\d{1,3})\]\]/i.exec(text);
  if (urls?.[1]) out.urls = Math.max(1, Number(urls[1]));
  const trickle = /\[\[trickle:(\d+)(ms|s)\]\]/i.exec(text);
  if (trickle?.[1] && trickle[2])
    out.trickleMs = Number(trickle[1]) * (TTL_UNITS[trickle[2].toLowerCase()] ?? 1);
  return out;
}

/** Removes markers so they do not leak into revised prompts / MJ prompts shown to users. */
export function stripMarkers(text: string): string {
  return text.replace(/\s*\[\[[a-z0-9]+(?::[^\]]*)?\]\]/gi, '').trim();
}
