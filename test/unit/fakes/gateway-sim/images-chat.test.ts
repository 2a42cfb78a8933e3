import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { type GatewaySim, startGatewaySim } from '../../../fakes/gateway-sim/index.js';
import { at, call, closeAfterEach, errMsg } from './helpers.js';

let sim: GatewaySim;
closeAfterEach(() => sim);

const DATA_PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC';

const gen = (prompt: string, extra: Record<string, unknown> = {}) =>
  call(sim, 'POST', '/v1/images/generations', { model: 'flux', prompt, ...extra });

describe('gateway-sim image markers', () => {
  it('[[big:Nmb]] gives a ≥N MB valid PNG; [[size:]] sets dimensions', async () => {
    sim = await startGatewaySim();
    const r = await gen('huge [[big:4mb]]');
    const res = await fetch(String(at(r.body, 'data', 0, 'url')));
    const buf = Buffer.from(await res.arrayBuffer());
    expect(buf.length).toBeGreaterThanOrEqual(4 * 1024 * 1024);
    expect(buf.length).toBeLessThan(4.2 * 1024 * 1024);
    expect(buf.subarray(12, 16).toString('ascii')).toBe('IHDR');
    const sized = await gen('dims [[size:2048x1024]]', { response_format: 'b64_json' });
    const png = Buffer.from(String(at(sized.body, 'data', 0, 'b64_json')), 'base64');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([2048, 1024]);
  });

  it('[[expired]] → 403, [[404]] → 404, [[ttl:30s]] expires with sim time', async () => {
    sim = await startGatewaySim({ manualClock: true });
    const url = async (p: string) => String(at((await gen(p)).body, 'data', 0, 'url'));
    const status = async (u: string) => {
      const r = await fetch(u);
      await r.arrayBuffer();
      return r.status;
    };
    expect(await status(await url('x [[expired]]'))).toBe(403);
    expect(await status(await url('x [[404]]'))).toBe(404);
    const ttl = await url('x [[ttl:30s]]');
    expect(await status(ttl)).toBe(200);
    sim.advance(31_000);
    expect(await status(ttl)).toBe(403);
  });
});

describe('gateway-sim edits', () => {
  it('accepts image or repeated image[]; rejects missing prompt/image; 501 switch', async () => {
    sim = await startGatewaySim({ requestIdSuffix: false });
    const png = new Blob([Buffer.from(DATA_PNG.split(',')[1] ?? '', 'base64')], {
      type: 'image/png',
    });
    const form = (withPrompt: boolean, field: string | null, count = 1) => {
      const f = new FormData();
      f.set('model', 'flux-kontext-pro');
      if (withPrompt) f.set('prompt', 'add sunglasses');
      for (let i = 0; field && i < count; i++) f.append(field, png, `in${i}.png`);
      return f;
    };
    expect((await call(sim, 'POST', '/v1/images/edits', form(true, 'image'))).status).toBe(200);
    const multi = await call(sim, 'POST', '/v1/images/edits', form(true, 'image[]', 3));
    expect(multi.status).toBe(200);
    expect((at(sim.requests.at(-1)?.body, 'files') as unknown[]).length).toBe(3);
    expect(errMsg(await call(sim, 'POST', '/v1/images/edits', form(false, 'image')))).toBe(
      'prompt is required',
    );
    expect(errMsg(await call(sim, 'POST', '/v1/images/edits', form(true, null)))).toBe(
      'image is required',
    );
    await sim.close();
    sim = await startGatewaySim({ editsNotImplemented: true, requestIdSuffix: false });
    const r = await call(sim, 'POST', '/v1/images/edits', form(true, 'image'));
    expect([r.status, r.body]).toEqual([
      501,
      {
        error: {
          message: 'API not implemented',
          type: 'one_api_error',
          param: '',
          code: 'api_not_implemented',
        },
      },
    ]);
  });
});

describe('gateway-sim edit masks', () => {
  const png = (width: number, height: number, background: string, channels: 3 | 4 = 4) =>
    sharp({ create: { width, height, channels, background } }).png().toBuffer();
  const edit = async (mask: Buffer, type = 'image/png') => {
    const f = new FormData();
    f.set('model', 'gpt-image-1');
    f.set('prompt', 'a red hat');
    f.append('image', new Blob([await png(96, 64, '#336699', 3)], { type: 'image/png' }), 'a.png');
    f.append('mask', new Blob([mask], { type }), 'mask.png');
    return call(sim, 'POST', '/v1/images/edits', f);
  };

  it('checks a mask as OpenAI does: PNG, the image’s size, alpha, something transparent', async () => {
    sim = await startGatewaySim({ requestIdSuffix: false });
    const hole = await sharp(await png(96, 64, '#000000ff'))
      .composite([{ input: await png(10, 10, '#000000ff'), left: 5, top: 5, blend: 'dest-out' }])
      .png()
      .toBuffer();
    expect((await edit(hole)).status).toBe(200);
    const refused = [
      [
        await sharp(await png(96, 64, '#000000', 3))
          .jpeg()
          .toBuffer(),
        'unsupported mimetype',
      ],
      [await png(95, 64, '#00000000'), 'mask size does not match image size'],
      [await png(96, 64, '#000000', 3), 'format must be'],
      [await png(96, 64, '#000000ff'), 'no fully transparent area'],
      [Buffer.from('not an image'), 'unsupported mimetype'],
    ] as const;
    for (const [mask, reason] of refused) {
      const r = await edit(mask);
      expect(r.status).toBe(400);
      expect(at(r.body, 'error', 'type')).toBe('invalid_request_error');
      expect(at(r.body, 'error', 'param')).toBe('mask');
      expect(errMsg(r)).toContain(reason);
    }
    expect(sim.masks.map((m) => [m.transparent, m.refused === undefined])).toEqual([
      [100, true],
      [0, false],
      [0, false],
      [0, false],
      [0, false],
      [0, false],
    ]);
    expect(sim.masks[0]).toMatchObject({ width: 96, height: 64, image: { width: 96, height: 64 } });
  });
});

describe('gateway-sim chat images', () => {
  const ask = (model: string, content: unknown = 'draw a cat') =>
    call(sim, 'POST', '/v1/chat/completions', { model, messages: [{ role: 'user', content }] });
  const content = (r: { body: unknown }) => String(at(r.body, 'choices', 0, 'message', 'content'));

  it('answers in each configured variant', async () => {
    sim = await startGatewaySim({
      chatImageVariant: {
        a: 'markdown-data',
        b: 'markdown-url',
        c: 'raw-base64',
        d: 'images-array',
        e: 'mixed',
      },
    });
    expect(content(await ask('a'))).toMatch(
      /^!\[image\]\(data:image\/png;base64,iVBORw0KGgo[^)]+\)$/,
    );
    expect(content(await ask('b'))).toMatch(
      new RegExp(`^!\\[image\\]\\(${sim.url}/files/[0-9a-f]+\\.png\\?`),
    );
    expect(content(await ask('c'))).toMatch(/^iVBORw0KGgo[A-Za-z0-9+/=]+$/);
    const d = await ask('d');
    expect(String(at(d.body, 'choices', 0, 'message', 'images', 0, 'image_url', 'url'))).toMatch(
      /^data:image\/png;base64,/,
    );
    expect(content(await ask('e')).match(/!\[image\]\(/g)?.length).toBe(3);
    expect(content(await ask('gemini-2.5-flash-image'))).toMatch(/^!\[image\]\(data:/);
    expect(content(await ask('gpt-4o'))).toBe('Echo: draw a cat');
  });

  it('accepts data: image inputs, rejects and records leaked Telegram file URLs', async () => {
    sim = await startGatewaySim();
    const ok = await ask('nano-banana', [
      { type: 'text', text: 'edit this' },
      { type: 'image_url', image_url: { url: DATA_PNG } },
    ]);
    expect(ok.status).toBe(200);
    const leak = await ask('nano-banana', [
      { type: 'text', text: 'edit this' },
      {
        type: 'image_url',
        image_url: { url: 'https://api.telegram.org/file/bot123:ABC/photos/file_1.jpg' },
      },
    ]);
    expect(leak.status).toBe(400);
    expect(sim.leaks).toEqual(['https://api.telegram.org/file/bot123:ABC/photos/file_1.jpg']);
  });

  it('stream:true answers SSE ending with [DONE]', async () => {
    sim = await startGatewaySim();
    const r = await call(sim, 'POST', '/v1/chat/completions', {
      model: 'nano-banana',
      stream: true,
      messages: [{ role: 'user', content: 'x' }],
    });
    expect(r.headers.get('content-type')).toBe('text/event-stream');
    expect(r.text.trim().endsWith('data: [DONE]')).toBe(true);
  });
});
