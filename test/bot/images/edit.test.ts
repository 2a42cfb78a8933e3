import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateSettings } from '../../../src/accounts/users.js';
import { makePng } from '../../fakes/telegram/index.js';
import { startTestBot, type TestBot } from '../../helpers/bot-harness.js';
import { balanceOf, fund, generationCalls, jobsOf, waitForJob } from './helpers.js';

type Multipart = {
  fields: Record<string, string>;
  files: { field: string; name: string; type: string; size: number }[];
};
type ChatBody = {
  model: string;
  messages: { content: string | { type: string; text?: string; image_url?: { url: string } }[] }[];
};

/** The data: URLs of a chat request's image parts, decoded. */
function chatImages(body: unknown): Buffer[] {
  const content = (body as ChatBody).messages[0]?.content;
  if (!Array.isArray(content)) return [];
  return content
    .filter((p) => p.type === 'image_url')
    .map((p) => {
      const url = p.image_url?.url ?? '';
      expect(url).toMatch(/^data:image\/png;base64,/);
      return Buffer.from(url.slice(url.indexOf(',') + 1), 'base64');
    });
}

const chatText = (body: unknown) => {
  const content = (body as ChatBody).messages[0]?.content;
  return Array.isArray(content) ? content.find((p) => p.type === 'text')?.text : content;
};

describe('photo editing (bot level)', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot();
  });
  afterAll(async () => {
    expect(bot.gateway.leaks).toEqual([]);
    await bot.close();
  });

  const newUser = (balance = 1000, language_code = 'en') => {
    const user = bot.tg.user({ language_code });
    fund(bot.app, user.id, balance);
    return user;
  };
  const callWithPrompt = (prompt: string) =>
    generationCalls(bot.gateway).find((r) =>
      r.path === '/v1/images/edits'
        ? (r.body as Multipart).fields.prompt === prompt
        : r.path === '/v1/chat/completions' && chatText(r.body) === prompt,
    );

  it('a photo with a caption is edited through /v1/images/edits with the photo’s bytes (multipart)', async () => {
    const user = newUser(100);
    const png = makePng(64, 48);
    user.sendPhoto(png, { caption: 'make the sky purple' });
    await user.waitFor({ text: /Queued/ });
    const result = await user.waitFor({ photo: true });
    expect(result.message?.caption).toMatch(/^FLUX Kontext Pro · /);
    const call = callWithPrompt('make the sky purple');
    expect(call?.path).toBe('/v1/images/edits');
    const form = call?.body as Multipart | undefined;
    expect(form?.fields.model).toBe('flux-kontext-pro');
    expect(form?.files).toEqual([
      { field: 'image', name: 'image-1.png', type: 'image/png', size: png.byteLength },
    ]);
    expect(JSON.stringify(call)).not.toContain(bot.tg.token);
    await waitForJob(bot.app, user.id, (j) => j.status === 'done' && j.family === 'edit');
    expect(balanceOf(bot.app, user.id)).toBe(95);
  });

  it('a reply to a photo with /edit uses a Gemini-style model through chat with a data: URL', async () => {
    const user = newUser();
    await updateSettings(bot.app.deps.database, user.id, {
      editModel: 'gemini-2.5-flash-image-preview',
    });
    const png = makePng(40, 40);
    const photo = user.sendPhoto(png);
    await user.waitFor({ text: /What should I change/ });
    user.reply(photo, '/edit add a hat');
    await user.waitFor({ photo: true, text: /Gemini Image Edit/ });
    const call = callWithPrompt('add a hat');
    expect(call?.path).toBe('/v1/chat/completions');
    expect((call?.body as ChatBody | undefined)?.model).toBe('gemini-2.5-flash-image-preview');
    expect(chatImages(call?.body)).toEqual([Buffer.from(png)]);
  });

  it('/edit with an instruction, then a photo without a caption', async () => {
    const user = newUser();
    user.send('/edit turn it into a pencil sketch');
    await user.waitFor({ text: /Now send the photo/ });
    user.sendPhoto({ width: 30, height: 30 });
    await user.waitFor({ photo: true, text: /pencil sketch/ });
    expect(callWithPrompt('turn it into a pencil sketch')?.path).toBe('/v1/images/edits');
  });

  it('/edit alone, then a photo with the instruction as its caption', async () => {
    const user = newUser();
    user.send('/edit');
    await user.waitFor({ text: /with the instruction as its caption/ });
    user.sendPhoto({ width: 30, height: 30 }, { caption: 'remove the background' });
    await user.waitFor({ photo: true, text: /remove the background/ });
  });

  it('a photo without a caption: the bot asks, and the next text is the instruction (not a prompt)', async () => {
    const user = newUser();
    user.sendPhoto({ width: 20, height: 20 });
    await user.waitFor({ text: /What should I change in this photo/ });
    expect(jobsOf(bot.app, user.id)).toHaveLength(0);
    user.send('make it night');
    await user.waitFor({ photo: true, text: /make it night/ });
    const [job] = jobsOf(bot.app, user.id);
    expect(job?.family).toBe('edit');
    expect(job?.model).toBe('flux-kontext-pro');
  });

  it('/cancel drops a pending edit; the next text is a prompt again', async () => {
    const user = newUser();
    user.sendPhoto({ width: 20, height: 20 });
    await user.waitFor({ text: /What should I change/ });
    user.send('/cancel');
    await user.waitFor({ text: /Cancelled/ });
    user.send('a quiet harbour');
    await user.waitFor({ photo: true, text: /a quiet harbour/ });
    expect(jobsOf(bot.app, user.id)[0]?.family).toBe('image');
  });

  it('an album goes to a model that accepts several images, all photos as data: URLs', async () => {
    const user = newUser();
    const pngs = [makePng(10, 10), makePng(12, 12), makePng(14, 14)];
    user.sendAlbum(pngs, { caption: 'combine into one scene' });
    await user.waitFor({ text: /Queued/ });
    await user.waitFor({ photo: true, text: /combine into one scene/ });
    const call = callWithPrompt('combine into one scene');
    expect(call?.path).toBe('/v1/chat/completions');
    expect((call?.body as ChatBody | undefined)?.model).toBe('gemini-2.5-flash-image-preview');
    expect(chatImages(call?.body)).toEqual(pngs.map((p) => Buffer.from(p)));
    expect(jobsOf(bot.app, user.id)).toHaveLength(1);
  });

  it('an album without a caption asks once, then edits all of it', async () => {
    const user = newUser();
    user.sendAlbum([makePng(10, 10), makePng(11, 11)]);
    await user.waitFor({ text: /these photos \(2\)/ });
    user.send('same style for both');
    await user.waitFor({ photo: true, text: /same style for both/ });
    expect(chatImages(callWithPrompt('same style for both')?.body)).toHaveLength(2);
  });

  it('an image sent as a file is edited too', async () => {
    const user = newUser();
    user.sendDocument(makePng(16, 16), { filename: 'cat.png', caption: 'add stars' });
    await user.waitFor({ photo: true, text: /add stars/ });
  });

  it('in a group, a photo caption is chatter unless it is /edit for this bot', async () => {
    const user = newUser();
    const group = bot.tg.group({ title: 'Edits', members: [user] });
    const g = user.inGroup(group);
    g.sendPhoto({ width: 10, height: 10 }, { caption: 'look at my cat' });
    g.sendPhoto(
      { width: 10, height: 10 },
      { caption: `/edit@${bot.tg.botInfo.username} give the cat a crown` },
    );
    await g.waitFor({ photo: true, text: /give the cat a crown/ });
    expect(jobsOf(bot.app, user.id)).toHaveLength(1);
  });

  describe('bad input: a clear answer and nothing charged', () => {
    it('a document that is not an image', async () => {
      const user = newUser(50);
      user.sendDocument(Buffer.from('%PDF-1.4 hello'), {
        filename: 'report.pdf',
        caption: 'edit this',
      });
      await user.waitFor({ text: /not an image I can edit/ });
      expect(jobsOf(bot.app, user.id)).toHaveLength(0);
      expect(balanceOf(bot.app, user.id)).toBe(50);
    });

    it('a 30 MB photo (over the 20 MB bots may download)', async () => {
      const user = newUser(50, 'ru');
      user.sendPhoto({ bytes: Buffer.alloc(30 * 1024 * 1024, 1) }, { caption: 'улучши' });
      const answer = await user.waitFor({ text: /30\.0 MB/ });
      expect(answer.message?.text).toContain('20.0 MB');
      expect(jobsOf(bot.app, user.id)).toHaveLength(0);
      expect(balanceOf(bot.app, user.id)).toBe(50);
    });

    it('an empty instruction on a reply asks for one instead of charging', async () => {
      const user = newUser(50);
      const photo = user.sendPhoto({ width: 10, height: 10 }, { caption: '   ' });
      await user.waitFor({ text: /What should I change/ });
      user.reply(photo, '/edit');
      await user.waitFor({ text: /What should I change/ });
      expect(jobsOf(bot.app, user.id)).toHaveLength(0);
    });
  });
});
