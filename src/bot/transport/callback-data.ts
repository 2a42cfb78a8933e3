/**
 * The one callback_data convention: `<prefix>:<part>:<part>…`, the prefix naming the feature
 * (`j` job buttons, `mj` Midjourney, `s` settings, `v` video, `menu`, `lang`, `bc` broadcast).
 * Every keyboard builds its data here, so none can exceed Telegram's 64-byte limit unnoticed.
 */
export const CALLBACK_DATA_MAX_BYTES = 64;

/** Joins the parts and refuses, loudly, anything Telegram would reject. */
export function callbackData(prefix: string, ...parts: ReadonlyArray<string | number>): string {
  const data = [prefix, ...parts].join(':');
  if (Buffer.byteLength(data, 'utf8') > CALLBACK_DATA_MAX_BYTES)
    throw new RangeError(`callback_data over ${CALLBACK_DATA_MAX_BYTES} bytes: ${data}`);
  return data;
}
