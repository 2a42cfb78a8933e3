/**
 * The gateway simulator on a thread of its own, so its work (PNG encoding, JSON) does not share
 * an event loop with the Telegram stand-in whose clock the latencies are read from.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { type GatewaySimOptions, startGatewaySim } from '../test/fakes/gateway-sim/index.js';

const sim = await startGatewaySim(workerData as GatewaySimOptions);
parentPort?.on('message', (message: unknown) => {
  if (message === 'close') void sim.close().then(() => parentPort?.postMessage({ closed: true }));
});
parentPort?.postMessage({ url: sim.url });
