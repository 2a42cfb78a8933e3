/**
 * The gateway simulator in a child process for the poller benchmark: its 10,000 task records and
 * PNGs do not count against the poller's RSS. Manual clock, driven over IPC:
 *   { op: 'now' }                      → { now }
 *   { op: 'advance', ms }              → { now }
 *   { op: 'delay', starts: [[id, ms]] } → { ok }   task i gets its queue slot `ms` after submit
 *   { op: 'close' }                    → exits
 */
import { type GatewaySimOptions, startGatewaySim } from '../test/fakes/gateway-sim/index.js';

type Message =
  | { op: 'now' }
  | { op: 'advance'; ms: number }
  | { op: 'delay'; starts: Array<[string, number]> }
  | { op: 'close' };

const options = JSON.parse(process.argv[2] ?? '{}') as GatewaySimOptions;
const sim = await startGatewaySim({ ...options, manualClock: true });

process.on('message', (raw: unknown) => {
  const message = raw as Message;
  switch (message.op) {
    case 'now':
      process.send?.({ now: sim.now() });
      return;
    case 'advance':
      sim.advance(message.ms);
      process.send?.({ now: sim.now() });
      return;
    case 'delay':
      for (const [id, ms] of message.starts) {
        const task = sim.mjTask(id);
        if (task) task.startAt = task.submitAt + ms;
      }
      process.send?.({ ok: true });
      return;
    case 'close':
      void sim.close().then(() => process.exit(0));
      return;
  }
});
process.send?.({ url: sim.url, now: sim.now() });
