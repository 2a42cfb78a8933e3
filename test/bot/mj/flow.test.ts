import type { Message } from 'grammy/types';
import { describe, expect, it } from 'vitest';
import { mjResultOf } from '../../../src/jobs/midjourney/result.js';
import { getJob } from '../../../src/jobs/store.js';
import type { TestUser } from '../../fakes/telegram/index.js';
import * as mj from './helpers.js';

describe('Midjourney: imagine, progress, buttons (bot level)', () => {
  const h = mj.useMjBot();

  const db = () => h.bot.app.deps.db;
  const database = () => h.bot.app.deps.database;

  /** Presses a button on a result and waits for the child job's result message. */
  async function pressFor(user: TestUser, on: Message, button: string | RegExp): Promise<Message> {
    const before = mj.jobsOf(h, user.id).length;
    const answer = await user.press(on, button);
    expect(answer.text).toMatch(/⏳/);
    const child = await mj.jobAppears(h, user.id, () => mj.jobsOf(h, user.id).length > before);
    const latest = mj.jobsOf(h, user.id)[0];
    expect(latest?.parentJobId).toBeDefined();
    await mj.pump(h, () => getJob(db(), latest?.id ?? child.id)?.status === 'done', {
      what: `${String(button)} result`,
    });
    const result = await mj.waitForResult(user);
    expect(result.photo).toBeDefined();
    mj.expectCallbackDataFits(result);
    return result;
  }

  it('imagine → progress in the status message → grid with U/V buttons → U2 → V1 → zoom → pan', async () => {
    const user = mj.fundedUser(h, 1_000);
    user.send('/mj a red fox in snow --ar 16:9 --v 6');
    const status = await user.waitFor({ text: /Queued/ });
    const job = await mj.jobAppears(h, user.id, (j) => j.kind === 'imagine');
    await mj.pump(h, () => getJob(db(), job.id)?.status === 'done', { what: 'the grid' });
    const grid = { message: await mj.waitForResult(user) };

    // The submit went to the fast queue (by path, account filter and flag), parameters untouched.
    const [submit] = mj.mjSubmits(h.sim, 'imagine');
    expect(submit?.path).toBe('/mj-fast/mj/submit/imagine');
    expect(submit?.body).toEqual({
      prompt: 'a red fox in snow --ar 16:9 --v 6 --fast',
      botType: 'MID_JOURNEY',
      accountFilter: { modes: ['FAST'] },
    });
    // Polled in batches, not one fetch per task.
    expect(h.sim.requests.some((r) => r.path === '/mj/task/list-by-condition')).toBe(true);
    expect(h.sim.requests.some((r) => r.path.endsWith('/fetch'))).toBe(false);

    // Progress: free text in the status message, edited only when it changed, never faster
    // than the status editor allows, and the message goes once the result is there.
    const statusId = status.message?.message_id;
    const edits = statusEdits(statusId);
    expect(edits.length).toBeGreaterThanOrEqual(1);
    expect(edits.some((t) => /\d+%|Waiting to start/.test(t))).toBe(true);
    expect(new Set(edits).size).toBe(edits.length);
    expect(user.messages().some((m) => m.message_id === statusId)).toBe(false);
    // The preview photo was uploaded (never a gateway URL) and removed with the status.
    const previews = h.tg.calls
      .filter((c) => c.method === 'sendPhoto' && c.params.chat_id === user.id)
      .filter((c) => String(c.params.caption ?? '').includes('Preview'));
    expect(previews.length).toBeGreaterThanOrEqual(1);
    for (const p of previews) expect(JSON.stringify(p.params)).not.toContain(h.sim.url);
    expect(user.messages().some((m) => m.caption?.includes('Preview'))).toBe(false);

    expect(grid.message?.caption).toContain('Midjourney (fast)');
    expect(grid.message?.caption).toContain('a red fox in snow');
    expect(mj.buttonTexts(grid.message)).toEqual([
      ['U1', 'U2', 'U3', 'U4'],
      ['🔄', 'V1', 'V2', 'V3', 'V4'],
    ]);
    mj.expectCallbackDataFits(grid.message);
    expect(mj.balanceOf(h, user.id)).toBe(990);
    if (!grid.message) throw new Error('no grid');

    // U2 → one upscaled image with the upscale buttons (bookmark hidden).
    const upscaled = await pressFor(user, grid.message, 'U2');
    const gridTask = mjResultOf(getJob(db(), job.id) ?? job).taskId;
    const action = mj.mjSubmits(h.sim, 'action').at(-1);
    expect(action?.path).toBe('/mj-fast/mj/submit/action');
    expect(action?.body).toMatchObject({ taskId: gridTask });
    expect(lastCustomId()).toMatch(/^MJ::JOB::upsample::2::/);
    const upscaleButtons = mj.buttonTexts(upscaled).flat();
    expect(upscaleButtons).toEqual(
      expect.arrayContaining([
        'Upscale (Subtle)',
        'Upscale (Creative)',
        '🪄 Vary (Subtle)',
        '🪄 Vary (Strong)',
        '🖌️ Vary (Region)',
        '🔍 Zoom Out 2x',
        '🔍 Zoom Out 1.5x',
        '🔍 Custom Zoom',
        '⬅️',
        '➡️',
        '⬆️',
        '⬇️',
      ]),
    );
    expect(upscaleButtons).not.toContain('❤️');
    expect(mj.buttonTexts(upscaled)[0]).toEqual(['Upscale (Subtle)', 'Upscale (Creative)']);
    expect(mj.buttonTexts(upscaled).at(-1)).toEqual(['⬅️', '➡️', '⬆️', '⬇️']);
    expect(mj.balanceOf(h, user.id)).toBe(985);

    // V1 on the grid → a new grid with its own U/V buttons.
    const varied = await pressFor(user, grid.message, 'V1');
    expect(mj.buttonTexts(varied)[0]).toEqual(['U1', 'U2', 'U3', 'U4']);
    expect(mj.balanceOf(h, user.id)).toBe(975);

    // Zoom Out 2x and ⬅️ on the upscale → grids.
    const zoomed = await pressFor(user, upscaled, '🔍 Zoom Out 2x');
    expect(mj.buttonTexts(zoomed)[0]).toEqual(['U1', 'U2', 'U3', 'U4']);
    expect(lastCustomId()).toMatch(/^MJ::Outpaint::50::1::/);
    const panned = await pressFor(user, upscaled, '⬅️');
    expect(mj.buttonTexts(panned)[1]).toEqual(['🔄', 'V1', 'V2', 'V3', 'V4']);
    expect(lastCustomId()).toMatch(/^MJ::JOB::pan_left::1::/);
    // 10 imagine + 5 upscale + 10 variation + 10 zoom + 10 pan.
    expect(mj.balanceOf(h, user.id)).toBe(955);
    expect(mj.jobsOf(h, user.id).every((j) => j.status === 'done')).toBe(true);
  });

  /** The customId of the last /mj/submit/action the simulator received. */
  function lastCustomId(): string {
    const body = mj.mjSubmits(h.sim, 'action').at(-1)?.body as { customId?: string } | undefined;
    return body?.customId ?? '';
  }

  function statusEdits(messageId: number | undefined): string[] {
    return h.tg.calls
      .filter((c) => c.method === 'editMessageText' && c.params.message_id === messageId)
      .map((c) => String(c.params.text));
  }

  it('answers forged, stale, foreign, unsupported and double presses without charging', async () => {
    const user = mj.fundedUser(h, 1_000);
    user.send('/mj a lighthouse at dusk');
    const job = await mj.jobAppears(h, user.id, (j) => j.kind === 'imagine');
    await mj.pump(h, () => getJob(db(), job.id)?.status === 'done');
    const grid = await mj.waitForResult(user);
    if (!grid) throw new Error('no grid');
    const balance = mj.balanceOf(h, user.id);
    const jobs = mj.jobsOf(h, user.id).length;

    expect((await user.pressData(grid, `mj:${job.id}:42`)).text).toMatch(/out of date/);
    expect((await user.pressData(grid, 'mj:abcdefghjk:0')).text).toMatch(/out of date/);
    expect((await user.pressData(grid, `mj:${job.id}:x`)).text).toMatch(/no longer active/);

    const other = mj.fundedUser(h, 1_000);
    const foreign = h.tg.driver(user.chatId, other.id);
    const answer = await foreign.pressData(grid, `mj:${job.id}:0`);
    expect(answer.text).toMatch(/someone else/);
    expect(answer.show_alert).toBe(true);

    // U1 then upscale buttons: Vary (Region) explains itself; a forged index at the hidden
    // bookmark is refused as unsupported.
    await user.press(grid, 'U1');
    const up = await mj.jobAppears(h, user.id, (j) => j.kind === 'action');
    // A second tap on the same button within seconds buys nothing.
    expect((await user.press(grid, 'U1')).text).toMatch(/Already/);
    await mj.pump(h, () => getJob(db(), up.id)?.status === 'done');
    const upscaled = await mj.waitForResult(user);
    if (!upscaled) throw new Error('no upscale');
    const region = await user.press(upscaled, /Vary \(Region\)/);
    expect(region.text).toMatch(/mask/);
    expect(region.show_alert).toBe(true);
    const buttons = mjResultOf(getJob(db(), up.id) ?? up).buttons ?? [];
    const bookmark = buttons.findIndex((b) => b.customId.startsWith('MJ::BOOKMARK::'));
    expect(bookmark).toBeGreaterThanOrEqual(0);
    expect((await user.pressData(upscaled, `mj:${up.id}:${bookmark}`)).text).toMatch(
      /not available for this Midjourney model/,
    );

    expect(mj.jobsOf(h, user.id)).toHaveLength(jobs + 1);
    expect(mj.balanceOf(h, user.id)).toBe(balance - 5);
    expect(mj.balanceOf(h, other.id)).toBe(1_000);
  });

  it('Niji and relax models use their bot type and queue', async () => {
    const user = mj.fundedUser(h, 1_000);
    const { updateSettings } = await import('../../../src/accounts/users.js');
    await updateSettings(database(), user.id, { mjModel: 'niji_relax' });
    user.send('/mj a cat samurai --niji 6');
    const job = await mj.jobAppears(h, user.id, (j) => j.kind === 'imagine');
    await mj.pump(h, () => getJob(db(), job.id)?.status === 'done');
    await mj.waitForResult(user);
    const submit = mj.mjSubmits(h.sim, 'imagine').at(-1);
    expect(submit?.path).toBe('/mj-relax/mj/submit/imagine');
    expect(submit?.body).toMatchObject({ botType: 'NIJI_JOURNEY' });
    expect(mj.balanceOf(h, user.id)).toBe(995);
  });

  it('a photo captioned /mj goes as a reference image (base64, never a Telegram URL)', async () => {
    const user = mj.fundedUser(h, 1_000);
    user.sendPhoto({ width: 64, height: 64 }, { caption: '/mj in the style of this --ar 1:1' });
    const job = await mj.jobAppears(h, user.id, (j) => j.kind === 'imagine');
    await mj.pump(h, () => getJob(db(), job.id)?.status === 'done');
    await mj.waitForResult(user);
    const body = mj.mjSubmits(h.sim, 'imagine').at(-1)?.body as {
      prompt: string;
      base64Array?: string[];
    };
    expect(body.prompt).toBe('in the style of this --ar 1:1 --fast');
    expect(body.base64Array?.[0]).toMatch(/^data:image\/png;base64,/);
  });

  it('a grid too large for a photo: a smaller copy with the buttons, the file as a document', async () => {
    const user = mj.fundedUser(h, 1_000);
    user.send('/mj a huge panorama [[big:12mb]]');
    const job = await mj.jobAppears(h, user.id, (j) => j.kind === 'imagine');
    await mj.pump(h, () => getJob(db(), job.id)?.status === 'done', { what: 'the big grid' });
    const shown = await mj.waitForResult(user);
    expect(shown.photo).toBeDefined();
    expect(mj.buttonTexts(shown)[0]).toEqual(['U1', 'U2', 'U3', 'U4']);
    const file = await user.waitFor({ document: true });
    expect(file.message?.document?.file_size).toBeGreaterThan(10 * 1024 * 1024);
    expect(file.message?.reply_to_message?.message_id).toBe(shown.message_id);
    // The copy really is smaller (a JPEG preview) and carries the buttons.
    const photoId = shown.photo?.at(-1)?.file_id ?? '';
    expect(h.tg.fileBytes(photoId)?.byteLength ?? 0).toBeLessThan(10 * 1024 * 1024);
    const stored = mjResultOf(getJob(db(), job.id) ?? job);
    expect(stored.files?.[0]?.documentFileId).toBeDefined();
    expect(stored.messageIds).toHaveLength(2);
  });

  it('/mj without a prompt explains itself and charges nothing', async () => {
    const user = mj.fundedUser(h, 1_000);
    user.send('/mj');
    await user.waitFor({ text: /Midjourney/ });
    expect(mj.jobsOf(h, user.id)).toHaveLength(0);
  });

  it('not enough balance: nothing is queued', async () => {
    const user = mj.fundedUser(h, 3);
    user.send('/mj a tiny house');
    await user.waitFor({ text: /Not enough balance/ });
    expect(mj.jobsOf(h, user.id)).toHaveLength(0);
    expect(mj.balanceOf(h, user.id)).toBe(3);
  });
});
