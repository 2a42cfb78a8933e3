/** Midjourney button sets (§3.4) and customId → action mapping (new-api CoverPlusActionToNormalAction + plus rules). */

export interface MjButton {
  customId: string;
  emoji: string;
  label: string;
  type: number;
  style: number;
}

const btn = (customId: string, emoji: string, label: string): MjButton => ({
  customId,
  emoji,
  label,
  type: 2,
  style: 2,
});

/** IMAGINE / VARIATION / REROLL / BLEND / PAN / ZOOM grid: U1–U4, 🔄, V1–V4 in the order MJ sends them. */
export function gridButtons(hash: string): MjButton[] {
  const u = [1, 2, 3, 4].map((i) => btn(`MJ::JOB::upsample::${i}::${hash}`, '', `U${i}`));
  const v = [1, 2, 3, 4].map((i) => btn(`MJ::JOB::variation::${i}::${hash}`, '', `V${i}`));
  return [...u, btn(`MJ::JOB::reroll::0::${hash}::SOLO`, '🔄', ''), ...v];
}

/** Single upscaled image (v6 customIds). */
export function upscaleButtons(hash: string): MjButton[] {
  return [
    btn(`MJ::JOB::upsample_v6_2x_subtle::1::${hash}::SOLO`, 'upscale_1', 'Upscale (Subtle)'),
    btn(`MJ::JOB::upsample_v6_2x_creative::1::${hash}::SOLO`, 'upscale_1', 'Upscale (Creative)'),
    btn(`MJ::JOB::low_variation::1::${hash}::SOLO`, '🪄', 'Vary (Subtle)'),
    btn(`MJ::JOB::high_variation::1::${hash}::SOLO`, '🪄', 'Vary (Strong)'),
    btn(`MJ::Inpaint::1::${hash}::SOLO`, '🖌️', 'Vary (Region)'),
    btn(`MJ::Outpaint::50::1::${hash}::SOLO`, '🔍', 'Zoom Out 2x'),
    btn(`MJ::Outpaint::75::1::${hash}::SOLO`, '🔍', 'Zoom Out 1.5x'),
    btn(`MJ::CustomZoom::${hash}`, '🔍', 'Custom Zoom'),
    btn(`MJ::JOB::pan_left::1::${hash}::SOLO`, '⬅️', ''),
    btn(`MJ::JOB::pan_right::1::${hash}::SOLO`, '➡️', ''),
    btn(`MJ::JOB::pan_up::1::${hash}::SOLO`, '⬆️', ''),
    btn(`MJ::JOB::pan_down::1::${hash}::SOLO`, '⬇️', ''),
    btn(`MJ::BOOKMARK::${hash}`, '❤️', ''),
  ];
}

/** DESCRIBE result: note the mixed case `Job`, which new-api does not understand. */
export function describeButtons(): MjButton[] {
  const emojis = ['1️⃣', '2️⃣', '3️⃣', '4️⃣'];
  return [
    ...emojis.map((e, i) => btn(`MJ::Job::PicReader::${i + 1}`, e, '')),
    btn('MJ::Picread::Retry', '🔄', ''),
    btn('MJ::Job::PicReader::all', '🎉', 'Imagine all'),
  ];
}

export type MjResultKind = 'grid' | 'upscale' | 'describe';
export type MjModalKind = 'inpaint' | 'customzoom' | 'picreader';

export interface MjActionInfo {
  /** MJ action name stored on the new task (new-api constants). */
  action: string;
  /** Billed model name (token model limits apply to it). */
  model: string;
  index: number;
  result: MjResultKind;
  /** Actions that always open a Discord modal. */
  modal?: MjModalKind;
  /** Variation / pan / reroll: opens a modal only when the account has remix on. */
  remixable: boolean;
  /** The click itself is free (the modal submit is billed). */
  free: boolean;
}

/**
 * new-api's mapping: split on `::`, the action token is splits[2] when splits[1] === 'JOB' (case-sensitive),
 * else splits[1]. Anything it does not know is `undefined` (→ 400 unknown_action).
 */
export function newApiAction(customId: string): MjActionInfo | undefined {
  const s = customId.split('::');
  const token = s[1] === 'JOB' ? s[2] : s[1];
  if (token === undefined) return undefined;
  const idx = Number.parseInt(s[3] ?? '1', 10);
  const base = { remixable: false, free: false };
  if (token.includes('upsample')) {
    return { ...base, action: 'UPSCALE', model: 'mj_upscale', index: idx, result: 'upscale' };
  }
  if (token === 'variation') {
    return {
      action: 'VARIATION',
      model: 'mj_variation',
      index: idx,
      result: 'grid',
      remixable: true,
      free: false,
    };
  }
  if (token === 'low_variation' || token === 'high_variation') {
    const up = token.toUpperCase();
    return {
      action: up,
      model: `mj_${token}`,
      index: 1,
      result: 'grid',
      remixable: true,
      free: false,
    };
  }
  if (token.includes('pan')) {
    return {
      action: 'PAN',
      model: 'mj_pan',
      index: 1,
      result: 'grid',
      remixable: true,
      free: false,
    };
  }
  if (token.includes('reroll')) {
    return {
      action: 'REROLL',
      model: 'mj_reroll',
      index: 1,
      result: 'grid',
      remixable: true,
      free: false,
    };
  }
  if (token === 'Outpaint')
    return { ...base, action: 'ZOOM', model: 'mj_zoom', index: 1, result: 'grid' };
  if (token === 'CustomZoom') {
    return {
      action: 'CUSTOM_ZOOM',
      model: 'mj_custom_zoom',
      index: 1,
      result: 'grid',
      modal: 'customzoom',
      remixable: false,
      free: true,
    };
  }
  if (token === 'Inpaint') {
    return {
      action: 'INPAINT',
      model: 'mj_inpaint',
      index: 1,
      result: 'grid',
      modal: 'inpaint',
      remixable: false,
      free: true,
    };
  }
  return undefined;
}

/** Actions the plus proxy refuses with code 4 `不支持的动作`. */
export function isUnsupportedAction(customId: string): boolean {
  return customId.startsWith('MJ::BOOKMARK::') || customId === 'MJ::Job::PicReader::all';
}

/**
 * Raw proxy (plus) mapping: everything new-api knows, plus the describe buttons
 * (PicReader::N opens a modal with that prompt; Picread::Retry re-runs the describe).
 */
export function proxyAction(customId: string): MjActionInfo | undefined {
  const known = newApiAction(customId);
  if (known) return known;
  const pic = /^MJ::Job::PicReader::([1-4])$/.exec(customId);
  if (pic?.[1]) {
    return {
      action: 'IMAGINE',
      model: 'mj_imagine',
      index: Number(pic[1]),
      result: 'grid',
      modal: 'picreader',
      remixable: false,
      free: true,
    };
  }
  if (customId === 'MJ::Picread::Retry') {
    return {
      action: 'DESCRIBE',
      model: 'mj_describe',
      index: 1,
      result: 'describe',
      remixable: false,
      free: false,
    };
  }
  return undefined;
}
