import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { MockAgent } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { isPrivateAddress } from '../../../src/gateway/address-guard.js';
import { createGatewayClient } from '../../../src/gateway/index.js';
import { listenLocal } from '../../helpers/net.js';
import { failure, KEY, useSim } from './client-setup.js';

const start = useSim();
/** The file hosts below stand in for public CDNs but listen on 127.0.0.1. */
const LOCAL_CDN = { allowPrivateUrls: true };
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(64, 9),
]);

const MP4_HEAD = Buffer.from('00000018667479706973366f6d', 'hex');

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
        const chunk = Buffer.alloc(100_000, n);
        if (n === 1) MP4_HEAD.copy(chunk);
        res.write(chunk, tick);
      };
      tick();
    } else if (req.url === '/page.png') {
      res.writeHead(200, { 'content-type': 'image/png' });
      res.end('<!doctype html><html><body>Sign in</body></html>');
    } else if (req.url === '/trickle') {
      // A real PNG start, then a byte every 50 ms: never idle long enough for the idle limit.
      res.writeHead(200, { 'content-type': 'image/png' });
      res.write(PNG.subarray(0, 16));
      const timer = setInterval(() => res.write(Buffer.from([0])), 50);
      res.on('close', () => clearInterval(timer));
    } else {
      res.writeHead(403, { 'content-type': 'application/xml' });
      res.end('<Error><Code>AuthenticationFailed</Code></Error>');
    }
  });
  return { ...(await listenLocal(server)), seen };
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
    const file = await client.download(`${host.url}/img.bin`, { maxBytes: 1_000, expect: 'image' });
    expect(file.mime).toBe('image/png');
    expect(host.seen[0]?.authorization).toBeUndefined();
    expect(JSON.stringify(host.seen)).not.toContain(KEY);
  });

  it("a result URL on the gateway's own origin is fetched without the key", async () => {
    const { sim, client } = await start({}, LOCAL_CDN);
    const { images } = await client.generateImages({ model: 'dall-e-3', prompt: 'x' });
    const url = images[0]?.kind === 'url' ? images[0].url : '';
    expect((await client.download(url, { maxBytes: 5_000_000, expect: 'image' })).mime).toBe(
      'image/png',
    );
    expect(sim.requests.at(-1)?.headers.authorization).toBeUndefined();
  });

  it('an answer pointing at an API route gets no key, and its body is no image', async () => {
    const { sim, client } = await start({}, LOCAL_CDN);
    for (const path of ['/v1/dashboard/billing/subscription', '/v1/models']) {
      const e = await failure(
        client.download(`${sim.url}${path}`, { maxBytes: 100_000, expect: 'image' }),
      );
      // The gateway refuses the keyless call: an unusable answer, not a rejected key.
      expect(e).toMatchObject({ kind: 'malformed', status: 401 });
      const seen = sim.requests.filter((r) => r.path === path);
      expect(seen.map((r) => r.headers.authorization)).toEqual([undefined]);
    }
  });

  it('a body that is not what it claims is refused, whatever its Content-Type', async () => {
    const { client } = await start({}, LOCAL_CDN);
    const host = await foreign();
    const page = await failure(
      client.download(`${host.url}/page.png`, { maxBytes: 1_000, expect: 'image' }),
    );
    expect(page).toMatchObject({ kind: 'malformed' });
    expect(page.message).toContain('not an image');
    // An image where a video was expected is refused as well.
    const swapped = await failure(
      client.openStream(`${host.url}/img.bin`, { maxBytes: 1_000, expect: 'video' }),
    );
    expect(swapped.kind).toBe('malformed');
    const html = Buffer.from('<html>hi</html>').toString('base64');
    expect(
      (
        await failure(
          client.download(`data:image/png;base64,${html}`, { maxBytes: 1_000, expect: 'image' }),
        )
      ).kind,
    ).toBe('malformed');
  });

  it('a trickling body ends at the total deadline, though it is never idle', async () => {
    const { client } = await start({}, LOCAL_CDN);
    const host = await foreign();
    const opened = await client.openStream(`${host.url}/trickle`, {
      maxBytes: 1_000_000,
      expect: 'image',
      timeoutMs: 400,
    });
    const started = Date.now();
    const e = await failure(
      (async () => {
        for await (const _ of opened.stream) {
          // drain
        }
      })(),
    );
    expect(e.kind).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('Content-Length over the cap fails before the body is read', async () => {
    const { client } = await start({}, LOCAL_CDN);
    const { images } = await client.generateImages({
      model: 'dall-e-3',
      prompt: 'big [[big:2mb]]',
    });
    const url = images[0]?.kind === 'url' ? images[0].url : '';
    const e = await failure(client.download(url, { maxBytes: 1_000_000, expect: 'image' }));
    expect(e.kind).toBe('too_large');
    expect(
      (await client.download(url, { maxBytes: 3_000_000, expect: 'image' })).data.length,
    ).toBeGreaterThan(2_000_000);
  });

  it('a body without Content-Length is cut off while streaming', async () => {
    const { client } = await start({}, LOCAL_CDN);
    const host = await foreign();
    const e = await failure(
      client.download(`${host.url}/chunked`, { maxBytes: 250_000, expect: 'video' }),
    );
    expect(e.kind).toBe('too_large');
    const ok = await client.download(`${host.url}/chunked`, {
      maxBytes: 2_000_000,
      expect: 'video',
    });
    expect(ok.data.length).toBe(1_000_000);

    const opened = await client.openStream(`${host.url}/chunked`, {
      maxBytes: 250_000,
      expect: 'video',
    });
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
      expect(
        (await failure(client.download(url, { maxBytes: 5_000_000, expect: 'image' }))).kind,
      ).toBe('not_found');
    }
    const host = await foreign();
    expect(
      (await failure(client.download(`${host.url}/gone`, { maxBytes: 10, expect: 'image' }))).kind,
    ).toBe('not_found');
  });

  it('data: URLs and bad URLs', async () => {
    const { client } = await start({}, LOCAL_CDN);
    const d = await client.download(`data:image/png;base64,${PNG.toString('base64')}`, {
      maxBytes: 1_000,
      expect: 'image',
    });
    expect(d).toEqual({ data: PNG, mime: 'image/png' });
    expect(
      (
        await failure(
          client.download(`data:image/png;base64,${PNG.toString('base64')}`, {
            maxBytes: 10,
            expect: 'image',
          }),
        )
      ).kind,
    ).toBe('too_large');
    expect(
      (await failure(client.download('ftp://x/y', { maxBytes: 10, expect: 'image' }))).kind,
    ).toBe('invalid_request');
    expect(
      (await failure(client.download('not a url', { maxBytes: 10, expect: 'image' }))).kind,
    ).toBe('invalid_request');
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
      const e = await failure(client.download(url, { maxBytes: 1_000, expect: 'image' }));
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
    expect((await client.download(url, { maxBytes: 5_000_000, expect: 'image' })).mime).toBe(
      'image/png',
    );
  });

  it("trusts only the gateway's exact origin: its host name on another port is guarded", async () => {
    const { sim } = await start();
    const host = await foreign();
    const local = (url: string) => url.replace('127.0.0.1', 'localhost');
    const client = createGatewayClient({ baseUrl: local(sim.url), apiKey: KEY });
    try {
      const { images } = await client.generateImages({ model: 'dall-e-3', prompt: 'x' });
      const own = images[0]?.kind === 'url' ? local(images[0].url) : '';
      expect((await client.download(own, { maxBytes: 5_000_000, expect: 'image' })).mime).toBe(
        'image/png',
      );
      const e = await failure(
        client.download(local(`${host.url}/img.bin`), { maxBytes: 1_000, expect: 'image' }),
      );
      expect(e.message).toMatch(/private address/);
      expect(host.seen).toEqual([]);
    } finally {
      await client.close();
    }
  });

  it('refuses the IPv6 transition and site-local ranges, judging NAT64 by its IPv4', () => {
    for (const ip of [
      '64:ff9b::a00:1', // NAT64 of 10.0.0.1
      '64:ff9b::127.0.0.1',
      '64:ff9b::a9fe:a9fe', // 169.254.169.254
      '64:ff9b:1::808:808', // local-use NAT64
      '2002:a00:1::1', // 6to4
      '2002:808:808::1',
      '2001::1', // Teredo
      'fec0::1', // site-local
      '::ffff:7f00:1', // IPv4-mapped, as the URL parser writes it
      '::a00:1', // IPv4-compatible
    ]) {
      expect(isPrivateAddress(ip), ip).toBe(true);
    }
    expect(isPrivateAddress('64:ff9b::808:808')).toBe(false); // NAT64 of 8.8.8.8
    expect(isPrivateAddress('64:ff9b::1.1.1.1')).toBe(false);
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
  it('the content route the bot builds gets the key; a redirect to a CDN drops it', async () => {
    const agent = new MockAgent();
    agent.disableNetConnect();
    const seen: Array<Record<string, string> | undefined> = [];
    /** One GET on `origin` answered as given; the request headers go to `seen`. */
    const answer = (
      origin: string,
      path: string,
      statusCode: number,
      data: string | Buffer,
      headers: Record<string, string>,
    ) =>
      agent
        .get(origin)
        .intercept({ path, method: 'GET' })
        .reply((opts) => {
          seen.push(opts.headers as Record<string, string>);
          return { statusCode, data, responseOptions: { headers } };
        });
    answer('https://gw.test', '/v1/videos/task_1/content', 302, '', {
      location: 'https://cdn.test/v.mp4',
    });
    answer('https://cdn.test', '/v.mp4', 200, Buffer.from('....ftypisom....'), {
      'content-type': 'video/mp4',
    });
    const client = createGatewayClient({
      baseUrl: 'https://gw.test',
      apiKey: KEY,
      dispatcher: agent,
    });
    const opened = await client.openVideoContent('task_1', { maxBytes: 1_000 });
    expect(opened.mime).toBe('video/mp4');
    opened.stream.resume();
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
