import http from 'node:http';
import { listenLocal, readResponse } from './net.js';

export interface Balancer {
  url: string;
  /** Requests each target answered. */
  served: Map<string, number>;
  close(): Promise<void>;
}

/**
 * A round-robin reverse proxy on 127.0.0.1 (what nginx or a cloud load balancer does in front of
 * the bot instances): a target that refuses the connection is skipped, so a dead instance's
 * share goes to the live ones.
 */
export async function startBalancer(targets: readonly string[]): Promise<Balancer> {
  let next = 0;
  const served = new Map<string, number>();
  const forward = (target: string, req: http.IncomingMessage, body: Buffer) =>
    new Promise<Awaited<ReturnType<typeof readResponse>>>((resolve, reject) => {
      const out = http.request(`${target}${req.url ?? '/'}`, {
        method: req.method,
        headers: { ...req.headers, 'content-length': String(body.length) },
      });
      out.once('response', (res) => {
        readResponse(res).then(resolve, reject);
      });
      out.once('error', reject);
      out.end(body);
    });
  const server = http.createServer(async (req, res) => {
    const parts: Buffer[] = [];
    for await (const c of req) parts.push(c as Buffer);
    const body = Buffer.concat(parts);
    for (let tries = 0; tries < targets.length; tries++) {
      const target = targets[next++ % targets.length] as string;
      try {
        const answer = await forward(target, req, body);
        served.set(target, (served.get(target) ?? 0) + 1);
        res.writeHead(answer.status || 502, {
          'content-type': answer.headers['content-type'] ?? 'text/plain',
        });
        res.end(answer.body);
        return;
      } catch {
        // Connection refused or reset: that instance is gone, try the next one.
      }
    }
    res.writeHead(502).end('no live target');
  });
  return { ...(await listenLocal(server)), served };
}
