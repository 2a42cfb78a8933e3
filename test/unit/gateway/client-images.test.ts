import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { GatewayClient } from '../../../src/gateway/index.js';
import { failure, useSim } from './client-setup.js';
import { type GeneratedImage, sniffMimeForTest } from './test-utils.js';

const start = useSim();

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(32, 7),
]);
const isPng = (img: GeneratedImage | undefined) =>
  img?.kind === 'bytes' && sniffMimeForTest(img.data) === 'image/png';

describe('images/generations', () => {
  it('dall-e-3 url with revised prompt; request body as sent', async () => {
    const { sim, client } = await start();
    const r = await client.generateImages({
      model: 'dall-e-3',
      prompt: 'a red fox',
      size: '1024x1024',
      options: { quality: 'hd' },
      responseFormat: 'url',
      user: 'tg:1',
    });
    expect(r.images).toHaveLength(1);
    expect(r.images[0]?.kind).toBe('url');
    expect(r.revisedPrompt).toContain('a red fox');
    expect(sim.requests[0]?.body).toEqual({
      model: 'dall-e-3',
      prompt: 'a red fox',
      size: '1024x1024',
      quality: 'hd',
      response_format: 'url',
      user: 'tg:1',
    });
    // The URL is on the gateway's origin and downloads as a PNG.
    const img = r.images[0];
    if (img?.kind !== 'url') throw new Error('expected url');
    const file = await client.download(img.url, { maxBytes: 5_000_000, expect: 'image' });
    expect(file.mime).toBe('image/png');
    expect(sniffMimeForTest(file.data)).toBe('image/png');
  });

  it('gpt-image-1 returns b64_json → bytes; n=2 gives two images', async () => {
    const { client } = await start();
    const r = await client.generateImages({ model: 'gpt-image-1', prompt: 'a cat', n: 2 });
    expect(r.images).toHaveLength(2);
    expect(r.images.every(isPng)).toBe(true);
    expect(r.revisedPrompt).toBeUndefined();
  });

  it('b64_json on request for flux', async () => {
    const { client } = await start();
    const r = await client.generateImages({
      model: 'flux',
      prompt: 'x',
      responseFormat: 'b64_json',
    });
    expect(isPng(r.images[0])).toBe(true);
  });
});

describe('images/edits', () => {
  const png = (filename: string) => ({ data: PNG, filename, mime: 'image/png' });
  /** One edit against a fresh simulator: the result and the body the gateway got. */
  const sentEdit = async (request: Parameters<GatewayClient['editImage']>[0]) => {
    const { sim, client } = await start();
    const r = await client.editImage(request);
    return { r, body: sim.requests[0]?.body };
  };

  it('one image goes as `image`', async () => {
    const { r, body } = await sentEdit({
      model: 'flux-kontext-pro',
      prompt: 'add sunglasses',
      images: [png('cat.png')],
      size: '1024x1024',
    });
    expect(r.images).toHaveLength(1);
    expect(body).toEqual({
      fields: { model: 'flux-kontext-pro', prompt: 'add sunglasses', size: '1024x1024' },
      files: [{ field: 'image', name: 'cat.png', type: 'image/png', size: PNG.length }],
    });
  });

  it('declared options go as form fields under their wire names; unset ones not at all', async () => {
    const { body } = await sentEdit({
      model: 'qwen-image-edit',
      prompt: 'make it autumn',
      images: [png('a.png')],
      options: { seed: 7, negativePrompt: 'people', quality: undefined },
    });
    expect(body).toEqual({
      fields: {
        model: 'qwen-image-edit',
        prompt: 'make it autumn',
        seed: '7',
        negative_prompt: 'people',
      },
      files: expect.any(Array),
    });
  });

  it('several images go as repeated `image[]`', async () => {
    const { body } = await sentEdit({
      model: 'gpt-image-1',
      prompt: 'merge',
      n: 1,
      images: [png('a.png'), png('b.png')],
    });
    const { files } = body as { files: Array<{ field: string }> };
    expect(files.map((f) => f.field)).toEqual(['image[]', 'image[]']);
  });

  it('501 on gateways without edits → not_implemented', async () => {
    const { client } = await start({ editsNotImplemented: true });
    const e = await failure(
      client.editImage({
        model: 'flux-kontext-pro',
        prompt: 'x',
        images: [{ data: PNG, filename: 'a.png', mime: 'image/png' }],
      }),
    );
    expect(e.kind).toBe('not_implemented');
  });

  it('a mask goes as `mask.png` (image/png) and reaches the gateway as sent', async () => {
    const image = await sharp({
      create: { width: 64, height: 48, channels: 3, background: '#336699' },
    })
      .png()
      .toBuffer();
    const mask = await sharp({
      create: { width: 64, height: 48, channels: 4, background: '#00000000' },
    })
      .png()
      .toBuffer();
    const { sim, client } = await start();
    await client.editImage({
      model: 'gpt-image-1',
      prompt: 'a hat',
      images: [{ data: image, filename: 'a.png', mime: 'image/png' }],
      mask,
    });
    const { files } = (sim.requests[0]?.body ?? { files: [] }) as {
      files: Array<Record<string, unknown>>;
    };
    expect(files.at(-1)).toEqual({
      field: 'mask',
      name: 'mask.png',
      type: 'image/png',
      size: mask.length,
    });
    expect(sim.masks).toEqual([
      expect.objectContaining({ width: 64, height: 48, transparent: 64 * 48 }),
    ]);
    expect(sim.masks[0]?.refused).toBeUndefined();
    // A mask the gateway refuses is the user's request refused, with OpenAI's reason.
    const e = await failure(
      client.editImage({
        model: 'gpt-image-1',
        prompt: 'a hat',
        images: [{ data: image, filename: 'a.png', mime: 'image/png' }],
        mask: image,
      }),
    );
    expect(e.kind).toBe('invalid_request');
  });

  it('no image → rejected locally', async () => {
    const { sim, client } = await start();
    expect((await failure(client.editImage({ model: 'm', prompt: 'x', images: [] }))).kind).toBe(
      'invalid_request',
    );
    expect(sim.requests).toHaveLength(0);
  });
});

describe('chat images (every variant)', () => {
  it.each([
    ['markdown-data', 1, 'bytes'],
    ['markdown-url', 1, 'url'],
    ['raw-base64', 1, 'bytes'],
    ['images-array', 1, 'bytes'],
    ['mixed', 3, 'mixed'],
  ] as const)('%s', async (variant, count, kind) => {
    const model = `img-${variant}`;
    const { sim, client } = await start({ chatImageVariant: { [model]: variant } });
    const r = await client.chatImage({ model, prompt: 'draw a cat' });
    expect(r.images).toHaveLength(count);
    if (kind !== 'mixed') expect(r.images.every((i) => i.kind === kind)).toBe(true);
    else expect(r.images.map((i) => i.kind)).toEqual(['bytes', 'bytes', 'url']);
    const body = sim.requests[0]?.body as Record<string, unknown>;
    expect(body.stream).toBe(false);
    expect(body.messages).toEqual([{ role: 'user', content: 'draw a cat' }]);
  });

  it('input images are sent as data: URLs in image_url parts', async () => {
    const { sim, client } = await start();
    await client.chatImage({
      model: 'gemini-2.5-flash-image',
      prompt: 'edit',
      images: [{ data: PNG, mime: 'image/png' }],
    });
    const body = sim.requests[0]?.body as { messages: Array<{ content: unknown }> };
    expect(body.messages[0]?.content).toEqual([
      { type: 'text', text: 'edit' },
      { type: 'image_url', image_url: { url: `data:image/png;base64,${PNG.toString('base64')}` } },
    ]);
    expect(sim.leaks).toEqual([]);
  });

  it('a text-only answer is malformed with the text; a refusal is content_policy', async () => {
    const { sim, client } = await start();
    const e = await failure(client.chatImage({ model: 'gpt-4o', prompt: 'hello' }));
    expect(e.kind).toBe('malformed');
    expect(e.message).toContain('Echo: hello');

    sim.inject({
      route: '/v1/chat/completions',
      status: 200,
      body: {
        choices: [
          {
            index: 0,
            message: { role: 'assistant', content: "I'm sorry, I can't create that image." },
            finish_reason: 'stop',
          },
        ],
      },
    });
    const refusal = await failure(client.chatImage({ model: 'nano-banana', prompt: 'x' }));
    expect(refusal.kind).toBe('content_policy');
    expect(refusal.message).toContain("can't create");
  });

  it('banned prompt → content_policy; empty choices → malformed', async () => {
    const { sim, client } = await start();
    expect((await failure(client.chatImage({ model: 'nano-banana', prompt: 'nude' }))).kind).toBe(
      'content_policy',
    );
    sim.inject({ route: '/v1/chat/completions', status: 200, body: { choices: [] } });
    expect((await failure(client.chatImage({ model: 'nano-banana', prompt: 'x' }))).kind).toBe(
      'malformed',
    );
  });
});
