/** Starts the gateway simulator and a client against it; everything is closed after each test. */
import { afterEach } from 'vitest';
import {
  createGatewayClient,
  type GatewayClient,
  type GatewayClientOptions,
  GatewayError,
  type RequestObservation,
} from '../../../src/gateway/index.js';
import {
  type GatewaySim,
  type GatewaySimOptions,
  startGatewaySim,
} from '../../fakes/gateway-sim/index.js';

export const KEY = 'sk-test-unlimited';

export interface Harness {
  sim: GatewaySim;
  client: GatewayClient;
  observed: RequestObservation[];
}

export function useSim(): (
  simOptions?: GatewaySimOptions,
  clientOptions?: Partial<GatewayClientOptions>,
) => Promise<Harness> {
  const open: Array<() => Promise<void>> = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((close) => close()));
  });
  return async (simOptions = {}, clientOptions = {}) => {
    const sim = await startGatewaySim({ manualClock: true, ...simOptions });
    const observed: RequestObservation[] = [];
    const client = createGatewayClient({
      baseUrl: sim.url,
      apiKey: KEY,
      timeoutMs: 5_000,
      generationTimeoutMs: 5_000,
      retry: { retries: 2, baseDelayMs: 10, maxDelayMs: 500 },
      onRequest: (info) => observed.push(info),
      ...clientOptions,
    });
    open.push(async () => {
      await client.close();
      await sim.close();
    });
    return { sim, client, observed };
  };
}

/** Awaits a promise that must reject with a GatewayError and returns it. */
export async function failure(p: Promise<unknown>): Promise<GatewayError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof GatewayError) return e;
    throw new Error(`expected a GatewayError, got ${String(e)}`);
  }
  throw new Error('expected a rejection');
}
