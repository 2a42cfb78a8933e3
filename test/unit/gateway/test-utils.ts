/** Small shared helpers for the gateway tests. */
export type { GeneratedImage } from '../../../src/gateway/index.js';
export { sniffMime as sniffMimeForTest } from '../../../src/gateway/mime.js';
