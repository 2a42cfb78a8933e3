import { createHash } from 'node:crypto';
import { callbackData } from '../transport/callback-data.js';

/**
 * Buttons of the /settings screens, all under `s:`. Model ids can be up to 128 characters in the
 * catalog, so a model travels as an 8-character digest of its id (`modelToken`) and is looked up
 * among the enabled models when pressed: a button stays valid across restarts and catalog
 * reorders, and one for a model the operator removed resolves to nothing.
 */

/** Which model a menu sets: the one for generating, or the one for editing photos. */
export type ModelTarget = 'g' | 'e';
export const SETTINGS_FAMILIES = ['image', 'chat-image', 'edit'] as const;
export type SettingsFamily = (typeof SETTINGS_FAMILIES)[number];

export type SettingsAction =
  | { kind: 'home' }
  | { kind: 'close' }
  | { kind: 'families'; target: ModelTarget }
  | { kind: 'family'; target: ModelTarget; family: SettingsFamily }
  | { kind: 'model'; target: ModelTarget; token: string }
  | { kind: 'sizes' }
  | { kind: 'size'; value: string }
  | { kind: 'aspect'; value: string }
  | { kind: 'counts' }
  | { kind: 'count'; value: number }
  | { kind: 'mj' }
  | { kind: 'mjModel'; token: string }
  | { kind: 'mjVersion'; value: string };

/** Stable, short and callback-safe: base64url of sha256, 8 characters (48 bits). */
export function modelToken(modelId: string): string {
  return createHash('sha256').update(modelId).digest('base64url').slice(0, 8);
}

export function encodeSettings(a: SettingsAction): string {
  return callbackData('s', ...settingsParts(a));
}

function settingsParts(a: SettingsAction): Array<string | number> {
  switch (a.kind) {
    case 'home':
      return ['home'];
    case 'close':
      return ['close'];
    case 'families':
      return ['fams', a.target];
    case 'family':
      return ['fam', a.target, a.family];
    case 'model':
      return ['m', a.target, a.token];
    case 'sizes':
      return ['sizes'];
    case 'size':
      return ['sz', a.value];
    case 'aspect':
      return ['ar', a.value];
    case 'counts':
      return ['counts'];
    case 'count':
      return ['n', a.value];
    case 'mj':
      return ['mj'];
    case 'mjModel':
      return ['mjm', a.token];
    case 'mjVersion':
      return ['mjv', a.value];
  }
}

const isTarget = (v: string | undefined): v is ModelTarget => v === 'g' || v === 'e';
const isFamily = (v: string | undefined): v is SettingsFamily =>
  (SETTINGS_FAMILIES as readonly string[]).includes(v ?? '');

/**
 * Reads a settings button. Values are only checked for shape here (a forged size still parses);
 * whether the current model allows it is the handler's question, so the user hears why not.
 */
export function parseSettings(data: string): SettingsAction | undefined {
  if (!data.startsWith('s:')) return undefined;
  const [, kind, a, b] = data.split(':');
  switch (kind) {
    case 'home':
      return data === 's:home' ? { kind: 'home' } : undefined;
    case 'close':
      return data === 's:close' ? { kind: 'close' } : undefined;
    case 'fams':
      return isTarget(a) && b === undefined ? { kind: 'families', target: a } : undefined;
    case 'fam':
      return isTarget(a) && isFamily(b) ? { kind: 'family', target: a, family: b } : undefined;
    case 'm':
      return isTarget(a) && b && /^[A-Za-z0-9_-]{8}$/.test(b)
        ? { kind: 'model', target: a, token: b }
        : undefined;
    case 'sizes':
      return data === 's:sizes' ? { kind: 'sizes' } : undefined;
    case 'sz': {
      const value = data.slice('s:sz:'.length);
      return /^[0-9a-zA-Z×*]{1,20}$/.test(value) ? { kind: 'size', value } : undefined;
    }
    case 'ar': {
      const value = data.slice('s:ar:'.length);
      return /^\d{1,3}:\d{1,3}$/.test(value) ? { kind: 'aspect', value } : undefined;
    }
    case 'counts':
      return data === 's:counts' ? { kind: 'counts' } : undefined;
    case 'n':
      return a && /^\d{1,2}$/.test(a) && b === undefined
        ? { kind: 'count', value: Number(a) }
        : undefined;
    case 'mj':
      return data === 's:mj' ? { kind: 'mj' } : undefined;
    case 'mjm':
      return a && /^[A-Za-z0-9_-]{8}$/.test(a) && b === undefined
        ? { kind: 'mjModel', token: a }
        : undefined;
    case 'mjv':
      return a && /^(?:\d{1,2}(?:\.\d)?|default)$/.test(a) && b === undefined
        ? { kind: 'mjVersion', value: a }
        : undefined;
    default:
      return undefined;
  }
}
