import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MockAgent } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { isPrivateAddress } from '../../../src/gateway/address-guard.js';
import { createGatewayClient } from '../../../src/gateway/index.js';
import { failure, KEY, useSim } from './sim-setup.js';

const start = useSim();
/** The file hosts below stand in for public CDNs but listen on 127.0.0.1. */
const LOCAL_CDN = { allowPrivateUrls: true };
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(64, 9),
]);

/** A foreign file host (a CDN stand-in on another origin) that records request headers. */
async function fileHost(): Promise<{
  url: string;
  seen: IncomingHttpHeaders[];
  close(): Promise<void>;
}> {
  const seen: IncomingHttpHeaders[] = [];
  const server: Server = createServer((req, res) => {
    seen.push(req.headers);
    if (req.url === '/img.bin') {
      res.writeHead(200, {
        'content-type': 'application/octet-stream',
        'content-length': PNG.length,
      });
      res.end(PNG);
    } else if (req.url === '/chunked') {
      res.writeHead(200, { 'content-type': 'video/mp4' }); // no Content-Length
      let n = 0;
      const tick = () => {
        if (n++ >= 10 || res.destroyed) return res.end();
        res.write(Buffer.alloc(100_000, n), tick);
      };
      tick();
    } else if (req.url === '/named') {
      res.writeHead(200, {
        'content-type': 'image/png',
        'content-disposition': 'attachment; filename="fox.png"',
      });
      res.end(PNG);
    } else {
      res.writeHead(403, { 'content-type': 'application/xml' });
      res.end('<Error><Code>AuthenticationFailed</Code></Error>');
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

const hosts: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(hosts.splice(0).map((c) => c()));
});
async function foreign() {
  const h = await fileHost();
  hosts.push(h.close);
  return h;
}

describe('download', () => {
  it('never sends the key to a foreign host; sniffs a generic content type', async () => {
    const { client } = await start({}, LOCAL_CDN);
    const host = await foreign();
    const file = await client.download(`${host.url}/img.bin`, { maxBytes: 1_000 });
    expect(file.mime).toBe('image/png');
    expect(file.filename).toBe('img.bin');
    expect(host.seen[0]?.authorization).toBeUndefined();
    expect(JSON.stringify(host.seen)).not.toContain(KEY);
  });

  it('sends the key to the gateway origin', async () => {
    const { sim, client } = await start({}, LOCAL_CDN);
    const { images } = await client.generateImages({ model: 'dall-e-3', prompt: 'x' });
    const url = images[0]?.kind === 'url' ? images[0].url : '';
    await client.download(url, { maxBytes: 5_000_000 });
    expect(sim.requests.at(-1)?.headers.authorization).toBe(`Bearer ${KEY}`);
  });

  it('Content-Length over the cap fails before the body is read', async () => {
    const { client } = await start({}, LOCAL_CDN);
    const { images } = await client.generateImages({
      model: 'dall-e-3',
      prompt: 'big [[big:2mb]]',
    });
    const url = images[0]?.kind === 'url' ? images[0].url : '';
    const e = await failure(client.download(url, { maxBytes: 1_000_000 }));
    expect(e.kind).toBe('too_large');
    expect((await client.download(url, { maxBytes: 3_000_000 })).data.length).toBeGreaterThan(
      2_000_000,
    );
  });

  it('a body without Content-Length is cut off while streaming', async () => {
    const { client } = await start({}, LOCAL_CDN);
    const host = await foreign();
    const e = await failure(client.download(`${host.url}/chunked`, { maxBytes: 250_000 }));
    expect(e.kind).toBe('too_large');
    const ok = await client.download(`${host.url}/chunked`, { maxBytes: 2_000_000 });
    expect(ok.data.length).toBe(1_000_000);

    const opened = await client.openStream(`${host.url}/chunked`, { maxBytes: 250_000 });
    expect(opened.length).toBeUndefined();
    const streamed = await failure(
      (async () => {
        for await (const _ of opened.stream) {
          // drain
        }
      })(),
    );
    expect(streamed).toMatchObject({ kind: 'too_large' });
  });

  it('expired and missing URLs are not_found', async () => {
    const { client } = await start({}, LOCAL_CDN);
    for (const marker of ['[[expired]]', '[[404]]']) {
      const { images } = await client.generateImages({ model: 'dall-e-3', prompt: `x ${marker}` });
      const url = images[0]?.kind === 'url' ? images[0].url : '';
      expect((await failure(client.download(url, { maxBytes: 5_000_000 }))).kind).toBe('not_found');
    }
    const host = await foreign();
    expect((await failure(client.download(`${host.url}/gone`, { maxBytes: 10 }))).kind).toBe(
      'not_found',
    );
  });

  it('data: URLs, filenames and bad URLs', async () => {
    const { client } = await start({}, LOCAL_CDN);
    const d = await client.download(`data:image/png;base64,${PNG.toString('base64')}`, {
      maxBytes: 1_000,
    });
    expect(d).toEqual({ data: PNG, mime: 'image/png' });
    expect(
      (
        await failure(
          client.download(`data:image/png;base64,${PNG.toString('base64')}`, { maxBytes: 10 }),
        )
      ).kind,
    ).toBe('too_large');
    expect((await failure(client.download('ftp://x/y', { maxBytes: 10 }))).kind).toBe(
      'invalid_request',
    );
    expect((await failure(client.download('not a url', { maxBytes: 10 }))).kind).toBe(
      'invalid_request',
    );
    const host = await foreign();
    expect((await client.download(`${host.url}/named`, { maxBytes: 1_000 })).filename).toBe(
      'fox.png',
    );
  });
});

describe('result URLs that lead into private networks', () => {
  it('refuses a private address literal or a name that resolves to one; nothing is requested', async () => {
    const { client } = await start();
    const host = await foreign();
    const port = new URL(host.url).port;
    for (const url of [
      `${host.url}/img.bin`,
      `http://localhost:${port}/img.bin`,
      `http://[::1]:${port}/img.bin`,
      'http://169.254.169.254/latest/meta-data/',
      'http://10.1.2.3/x.png',
    ]) {
      const e = await failure(client.download(url, { maxBytes: 1_000 }));
      expect(e).toMatchObject({ kind: 'malformed', retryable: false });
      expect(e.message).toMatch(/private address/);
    }
    expect(host.seen).toEqual([]);
  });

  it("still downloads from the gateway's own host, even when that host is private", async () => {
    const { client } = await start();
    const { images } = await client.generateImages({ model: 'dall-e-3', prompt: 'x' });
    const url = images[0]?.kind === 'url' ? images[0].url : '';
    expect(new URL(url).hostname).toBe('127.0.0.1');
    expect((await client.download(url, { maxBytes: 5_000_000 })).mime).toBe('image/png');
  });

  it('tells private addresses from public ones', () => {
    for (const ip of [
      '127.0.0.1',
      '10.0.0.8',
      '172.31.255.1',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '224.0.0.1',
      '::1',
      '::',
      'fd00::1',
      'fe80::1',
      '::ffff:127.0.0.1',
      '[::1]',
    ]) {
      expect(isPrivateAddress(ip), ip).toBe(true);
    }
    for (const ip of [
      '8.8.8.8',
      '172.32.0.1',
      '2606:4700::1111',
      '::ffff:1.1.1.1',
      'example.com',
    ]) {
      expect(isPrivateAddress(ip), ip).toBe(false);
    }
  });
});

describe('download with a mocked dispatcher', () => {
  it('a redirect from the gateway to a CDN drops the key', async () => {
    const agent = new MockAgent();
    agent.disableNetConnect();
    const seen: Array<Record<string, string> | undefined> = [];
    agent
      .get('https://gw.test')
      .intercept({ path: '/v1/videos/task_1/content', method: 'GET' })
      .reply((opts) => {
        seen.push(opts.headers as Record<string, string>);
        return {
          statusCode: 302,
          data: '',
          responseOptions: { headers: { location: 'https://cdn.test/v.mp4' } },
        };
      });
    agent
      .get('https://cdn.test')
      .intercept({ path: '/v.mp4', method: 'GET' })
      .reply((opts) => {
        seen.push(opts.headers as Record<string, string>);
        return {
          statusCode: 200,
          data: Buffer.from('....ftypisom....'),
          responseOptions: { headers: { 'content-type': 'video/mp4' } },
        };
      });
    const client = createGatewayClient({
      baseUrl: 'https://gw.test',
      apiKey: KEY,
      dispatcher: agent,
    });
    const file = await client.download('https://gw.test/v1/videos/task_1/content', {
      maxBytes: 1_000,
    });
    expect(file.mime).toBe('video/mp4');
    expect(seen[0]?.authorization).toBe(`Bearer ${KEY}`);
    expect(seen[1]?.authorization).toBeUndefined();
    await client.close();
    await agent.close();
  });

  it('Retry-After is honoured for GETs and reported when too long', async () => {
    const agent = new MockAgent();
    agent.disableNetConnect();
    const pool = agent.get('https://gw.test');
    pool
      .intercept({ path: '/v1/models', method: 'GET' })
      .reply(429, '', { headers: { 'retry-after': '0' } });
    pool
      .intercept({ path: '/v1/models', method: 'GET' })
      .reply(200, { object: 'list', data: [{ id: 'flux' }] });
    const client = createGatewayClient({
      baseUrl: 'https://gw.test',
      apiKey: KEY,
      dispatcher: agent,
    });
    expect(await client.listModels()).toEqual(['flux']);

    pool
      .intercept({ path: '/v1/models', method: 'GET' })
      .reply(429, '', { headers: { 'retry-after': '120' } });
    const e = await failure(client.listModels());
    expect(e).toMatchObject({ kind: 'rate_limited', retryAfterSec: 120 });
    await client.close();
    await agent.close();
  });
});
