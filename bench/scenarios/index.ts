import type { Scenario } from '../scenario.js';
import { footprintScenario } from './footprint.js';
import { gridsScenario } from './grids.js';
import { handlerScenario } from './handler.js';
import { imagesScenario } from './images.js';
import { opsScenario } from './ops.js';
import { pollerScenario } from './poller.js';

/** Every scenario `npm run bench` knows, in the order they run. */
export const scenarios: Scenario[] = [
  footprintScenario,
  imagesScenario,
  gridsScenario,
  handlerScenario,
  opsScenario,
  pollerScenario,
];
