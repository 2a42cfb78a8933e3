/**
 * Prompt / model-name markers that steer the simulator (documented in README.md):
 *   [[big:12mb]] / [[big:800kb]]  produced image (or video) is at least that many bytes
 *   [[size:2048x2048]]            produced PNG has these pixel dimensions
 *   [[expired]]                   the returned URL answers 403 (expired signed URL)
 *   [[404]]                       the returned URL answers 404
 *   [[ttl:30s]] / [[ttl:5m]]      the returned URL works for that much sim time, then 403
 */

export interface Markers {
  bigBytes?: number;
  dims?: { width: number; height: number };
  expired: boolean;
  missing: boolean;
  ttlMs?: number;
}

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
  return out;
}

/** Removes markers so they do not leak into revised prompts / MJ prompts shown to users. */
export function stripMarkers(text: string): string {
  return text.replace(/\s*\[\[[a-z0-9]+(?::[^\]]*)?\]\]/gi, '').trim();
}
