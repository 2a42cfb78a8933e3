/**
 * Buttons of the /video settings keyboard: `v:<draftId>:<op>[:<value>]`. The draft (prompt,
 * photo, choices) lives server-side under its 8-character id; a model travels as its 8-character
 * `modelToken`. The longest, `v:xxxxxxxx:a:1792x1024`, is 22 bytes (Telegram allows 64).
 */
import { VIDEO_MODES, type VideoMode } from '../../catalog/constants.js';
import { callbackData } from '../transport/callback-data.js';

export type VideoAction =
  | { op: 'models' }
  | { op: 'back' }
  | { op: 'model'; token: string }
  | { op: 'duration'; value: number }
  | { op: 'shape'; value: string }
  | { op: 'mode'; value: VideoMode }
  | { op: 'effect'; value: string }
  | { op: 'voice'; value: string }
  | { op: 'confirm' }
  | { op: 'cancel' };

export interface VideoButton {
  draftId: string;
  action: VideoAction;
}

export function encodeVideo(draftId: string, a: VideoAction): string {
  return callbackData('v', draftId, ...videoParts(a));
}

function videoParts(a: VideoAction): Array<string | number> {
  switch (a.op) {
    case 'models':
      return ['m'];
    case 'back':
      return ['b'];
    case 'model':
      return ['mm', a.token];
    case 'duration':
      return ['d', a.value];
    case 'shape':
      return ['a', a.value];
    case 'mode':
      return ['o', a.value];
    case 'effect':
      return ['e', a.value];
    case 'voice':
      return ['vo', a.value];
    case 'confirm':
      return ['ok'];
    case 'cancel':
      return ['x'];
  }
}

const isMode = (v: string | undefined): v is VideoMode =>
  (VIDEO_MODES as readonly string[]).includes(v ?? '');

/**
 * Reads a video button. Values are checked for shape only (a forged duration still parses):
 * whether the draft's model allows it is the handler's question, so the user hears why not.
 */
export function parseVideo(data: string): VideoButton | undefined {
  const m = /^v:([A-Za-z0-9_-]{8}):([a-z]{1,2})(?::(.{1,40}))?$/.exec(data);
  const draftId = m?.[1];
  if (!m || !draftId) return undefined;
  const value = m[3];
  const bare = (action: VideoAction) => (value === undefined ? { draftId, action } : undefined);
  switch (m[2]) {
    case 'm':
      return bare({ op: 'models' });
    case 'b':
      return bare({ op: 'back' });
    case 'ok':
      return bare({ op: 'confirm' });
    case 'x':
      return bare({ op: 'cancel' });
    case 'mm':
      return value && /^[A-Za-z0-9_-]{8}$/.test(value)
        ? { draftId, action: { op: 'model', token: value } }
        : undefined;
    case 'd':
      return value && /^\d{1,3}$/.test(value)
        ? { draftId, action: { op: 'duration', value: Number(value) } }
        : undefined;
    case 'a':
      // A ratio ("16:9") or a size ("1280x720").
      return value && /^(\d{1,2}:\d{1,2}|\d{2,5}x\d{2,5})$/.test(value)
        ? { draftId, action: { op: 'shape', value } }
        : undefined;
    case 'o':
      return isMode(value) ? { draftId, action: { op: 'mode', value } } : undefined;
    case 'e':
      return value && /^[a-z][a-z0-9_]{1,19}$/.test(value)
        ? { draftId, action: { op: 'effect', value } }
        : undefined;
    case 'vo':
      return value && /^[\w.-]{1,40}$/.test(value)
        ? { draftId, action: { op: 'voice', value } }
        : undefined;
    default:
      return undefined;
  }
}
