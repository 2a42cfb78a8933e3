/** Public surface of the model catalog. */
export type { Catalog } from './catalog.js';
export { createCatalog } from './catalog.js';
export * from './constants.js';
export { CatalogError, type CatalogProblem, formatProblem } from './errors.js';
export { DEFAULT_CATALOG_FILE, defaultCatalogPath, loadCatalog, parseCatalog } from './load.js';
export * from './mj-actions.js';
export { modelForSpeed, type SpeedChoice, speedFlag } from './mj-speed.js';
export { versionFlag, versionFor, withVersion } from './mj-version.js';
export { modalPriceOf, priceImage, priceMidjourney, priceVideo } from './pricing.js';
export {
  type CatalogData,
  type ChatImageModel,
  type EditModel,
  type ImageLikeModel,
  type ImageModel,
  type ImageOptionsSpec,
  type ImagePrice,
  isImageLike,
  MAX_PRICE,
  type MidjourneyModel,
  type MjPriceTable,
  type ModelOfFamily,
  type ModelSpec,
  optionsOf,
  takesMask,
  type VideoModel,
  type VideoPrice,
} from './schema.js';
export { timeoutMsOf } from './timeouts.js';
export * from './validate.js';
