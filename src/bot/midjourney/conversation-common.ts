/** How long a Midjourney conversation waits for the next answer before it is dropped. */
export const MJ_WAIT_MS = 10 * 60_000;
