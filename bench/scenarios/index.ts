import type { Scenario } from '../scenario.js';
import { imagesScenario } from './images.js';

/** Every scenario `npm run bench` knows, in the order they run. */
export const scenarios: Scenario[] = [imagesScenario];
