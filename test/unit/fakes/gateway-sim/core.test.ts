import { describe, expect, it } from 'vitest';
import { type GatewaySim, startGatewaySim } from '../../../fakes/gateway-sim/index.js';
import { at, call, closeAfterEach, errMsg, KEY } from './helpers.js';

let sim: GatewaySim;
closeAfterEach(() => sim);

describe('gateway-sim core', () => {
  it('auth: missing / unknown / expired / disabled keys → 401 OpenAI envelope with request id', async () => {
    sim = await startGatewaySim({
      keys: {
        [KEY]: { unlimited: true },
        'sk-old': { expired: true },
        'sk-off': { disabled: true },
      },
    });
    const none = await call(sim, 'POST', '/v1/images/generations', { prompt: 'x' }, null);
    expect(none.status).toBe(401);
    expect(errMsg(none)).toMatch(/^无效的令牌 \(request id: \d{17}[A-Za-z0-9]{8}\)$/);
    expect(at(none.body, 'error', 'type')).toBe('one_api_error');
    expect(at(none.body, 'error', 'param')).toBe('');
    expect(errMsg(await call(sim, 'GET', '/v1/models', undefined, 'sk-nope'))).toContain(
      '无效的令牌',
    );
    expect(errMsg(await call(sim, 'GET', '/v1/models', undefined, 'sk-old'))).toContain(
      '该令牌已过期',
    );
    expect(errMsg(await call(sim, 'GET', '/v1/models', undefined, 'sk-off'))).toContain(
      '该令牌状态不可用',
    );
  });

  it('unknown route → 404 Invalid URL', async () => {
    sim = await startGatewaySim();
    const r = await call(sim, 'GET', '/x');
    expect(r.status).toBe(404);
    expect(r.body).toEqual({
      error: {
        message: 'Invalid URL (GET /x)',
        type: 'invalid_request_error',
        param: '',
        code: '',
      },
    });
  });

  it('images: url points at a real PNG; b64_json; validation', async () => {
    sim = await startGatewaySim({ errorType: 'new_api_error', requestIdSuffix: false });
    const r = await call(sim, 'POST', '/v1/images/generations', { model: 'flux', prompt: 'a fox' });
    expect(r.status).toBe(200);
    const url = String(at(r.body, 'data', 0, 'url'));
    expect(url.startsWith(`${sim.url}/files/`)).toBe(true);
    const img = await fetch(url);
    expect(img.headers.get('content-type')).toBe('image/png');
    const bytes = Buffer.from(await img.arrayBuffer());
    expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');

    const b64 = await call(sim, 'POST', '/v1/images/generations', {
      model: 'dall-e-3',
      prompt: 'a fox',
      response_format: 'b64_json',
    });
    expect(String(at(b64.body, 'data', 0, 'b64_json'))).toMatch(/^iVBORw0KGgo/);
    expect(at(b64.body, 'data', 0, 'revised_prompt')).toContain('a fox');

    const noPrompt = await call(sim, 'POST', '/v1/images/generations', { model: 'flux' });
    expect(noPrompt.status).toBe(400);
    expect(errMsg(noPrompt)).toBe('prompt is required');
    const badSize = await call(sim, 'POST', '/v1/images/generations', {
      model: 'dall-e-3',
      prompt: 'x',
      size: '512x512',
    });
    expect(errMsg(badSize)).toBe('size not supported for this image model');
    const badN = await call(sim, 'POST', '/v1/images/generations', {
      model: 'dall-e-3',
      prompt: 'x',
      n: 2,
    });
    expect(errMsg(badN)).toBe('invalid value of n');
    const banned = await call(sim, 'POST', '/v1/images/generations', {
      model: 'flux',
      prompt: 'nude',
    });
    expect(banned.status).toBe(400);
    expect(at(banned.body, 'error', 'code')).toBe('content_policy_violation');
  });
});
