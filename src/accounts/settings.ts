import { z } from 'zod';

const name = z.string().trim().min(1).max(64);

/**
 * Per-user preferences stored as JSON in users.settings. Every field is optional: absent means
 * "use the catalog default". Add fields here; unknown stored keys are kept but not exposed.
 */
export const settingsSchema = z.object({
  imageModel: name.optional(),
  imageSize: name.optional(),
  imageAspect: name.optional(),
  imageN: z.number().int().min(1).max(10).optional(),
  editModel: name.optional(),
  mjModel: name.optional(),
  /** Chosen in /settings; a model without it falls back to its default (mj-version.ts). */
  mjVersion: z.string().trim().min(1).max(8).optional(),
  videoModel: name.optional(),
  videoDuration: z.number().positive().max(600).optional(),
  videoAspect: name.optional(),
  videoMode: name.optional(),
  locale: z.string().trim().min(2).max(16).optional(),
});

export type UserSettings = z.output<typeof settingsSchema>;
export type SettingsKey = keyof UserSettings;
/** A patch: a value sets the field, `null` clears it, a missing key leaves it alone. */
export type SettingsPatch = { [K in SettingsKey]?: UserSettings[K] | null };

const KEYS = Object.keys(settingsSchema.shape) as SettingsKey[];

/**
 * Reads whatever is stored, field by field: one bad value (hand-edited row, older version)
 * drops that field only; unparseable JSON or a non-object gives `{}`. Never throws.
 */
export function sanitizeSettings(raw: unknown): UserSettings {
  let value = raw;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      return {};
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of KEYS) {
    if (source[key] === undefined) continue;
    const parsed = settingsSchema.shape[key].safeParse(source[key]);
    if (parsed.success && parsed.data !== undefined) out[key] = parsed.data;
  }
  return out as UserSettings;
}

export class SettingsError extends Error {
  constructor(
    readonly key: string,
    detail: string,
  ) {
    super(`setting ${key}: ${detail}`);
    this.name = 'SettingsError';
  }
}

/**
 * Applies a patch to the stored object. Unknown stored keys (written by a newer version) are
 * preserved; unknown or invalid patch keys throw SettingsError — they are the caller's bug.
 */
export function applySettingsPatch(
  stored: Record<string, unknown>,
  patch: SettingsPatch,
): Record<string, unknown> {
  const next = { ...stored };
  for (const [key, value] of Object.entries(patch)) {
    if (!(KEYS as string[]).includes(key)) throw new SettingsError(key, 'unknown setting');
    if (value === null || value === undefined) {
      if (value === null) delete next[key];
      continue;
    }
    const parsed = settingsSchema.shape[key as SettingsKey].safeParse(value);
    if (!parsed.success) throw new SettingsError(key, parsed.error.issues[0]?.message ?? 'invalid');
    next[key] = parsed.data;
  }
  return next;
}
