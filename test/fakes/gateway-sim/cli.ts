/**
 * `npm run sim:gateway`: a long-running simulator with realistic timings for manual runs of the bot.
 * Env: SIM_PORT (default 8787), SIM_KEY (default sk-test-unlimited), SIM_MJ_MODE (newapi|proxy),
 * SIM_SPEED (real-time multiplier, default 1), SIM_MJ_LAG_MS (new-api poller lag, default 0).
 */
import { DEFAULT_TEST_KEY, startGatewaySim } from './index.js';
import type { SimTimings } from './types.js';

export const REALISTIC_TIMINGS: SimTimings = {
  mjLagMs: 0,
  mjSubmittedMs: 3_000,
  mjWaitingMs: 5_000,
  mjStepMs: 9_000, // → SUCCESS ~35 s after submit
  mjDescribeMs: 10_000,
  videoQueuedMs: 15_000,
  videoRunMs: 75_000, // → completed ~90 s after submit
  imageLatencyMs: [2_000, 5_000],
};

const port = Number(process.env.SIM_PORT ?? 8787);
const key = process.env.SIM_KEY ?? DEFAULT_TEST_KEY;
const mjMode = process.env.SIM_MJ_MODE === 'proxy' ? 'proxy' : 'newapi';

const sim = await startGatewaySim({
  port,
  keys: { [key]: { unlimited: true } },
  mjMode,
  speed: Number(process.env.SIM_SPEED ?? 1),
  timings: { ...REALISTIC_TIMINGS, mjLagMs: Number(process.env.SIM_MJ_LAG_MS ?? 0) },
});

process.stdout.write(
  [
    `gateway-sim listening on ${sim.url} (mj mode: ${mjMode})`,
    `  GATEWAY_BASE_URL=${sim.url}`,
    `  GATEWAY_API_KEY=${key}`,
    '  markers in prompts: [[big:12mb]] [[size:2048x2048]] [[expired]] [[404]] [[ttl:30s]];',
    '  hostile: [[link:subscription|models|mj-fetch|video-content|foreign]] [[fake:html|json]] [[urls:60]] [[trickle:100ms]]; banned word: nude',
    'Ctrl-C to stop.',
    '',
  ].join('\n'),
);

let stopping = false;
const stop = (): void => {
  if (stopping) return;
  stopping = true;
  void sim.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
