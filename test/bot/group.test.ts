import { describe, expect, it } from 'vitest';
import type { TestGroup, TestUser } from '../fakes/telegram/index.js';
import { fund, jobsOf, until } from './images/helpers.js';
import { knownUser, pause, useOperatorWorld } from './operator-helpers.js';

describe('group chats (bot level)', () => {
  let user: TestUser;
  let group: TestGroup;
  const w = useOperatorWorld({}, async (world) => {
    user = await knownUser(world.tg, { first_name: 'Gus' });
    group = world.tg.group({ title: 'Friends', members: [user, world.admin] });
  });
  const botName = () => w.tg.botInfo.username;
  /** The bot's successful calls into the group so far. */
  const botCalls = () =>
    w.tg.calls.filter((c) => String(c.params.chat_id) === String(group.id) && c.response.ok);

  it("one member's /describe does not end another member's open prompt", async () => {
    const ann = await knownUser(w.tg, { first_name: 'Ann' });
    const bob = await knownUser(w.tg, { first_name: 'Bob' });
    const room = w.tg.group({ title: 'Studio', members: [ann, bob] });
    fund(w.bot.app, ann.id, 1_000);
    fund(w.bot.app, bob.id, 1_000);
    const a = ann.inGroup(room);
    const b = bob.inGroup(room);
    // Bots in groups see replies to their own messages: each answers their own prompt.
    a.send(`/describe@${botName()}`);
    const askA = await a.waitFor({ text: /send a photo and I'll write four prompts/ });
    b.send(`/describe@${botName()}`);
    const askB = await b.waitFor({ text: /send a photo and I'll write four prompts/ });
    a.sendPhoto({ width: 64, height: 64 }, { replyTo: askA.message?.message_id ?? 0 });
    b.sendPhoto({ width: 64, height: 64 }, { replyTo: askB.message?.message_id ?? 0 });
    await until(
      () =>
        jobsOf(w.bot.app, ann.id).some((j) => j.kind === 'describe') &&
        jobsOf(w.bot.app, bob.id).some((j) => j.kind === 'describe'),
      5_000,
      'a describe job for each member',
    );
  });

  it('ordinary chatter is never taken for a prompt or answered', async () => {
    const inGroup = user.inGroup(group);
    inGroup.send('draw a cat');
    inGroup.sendPhoto({}, { caption: 'make it blue' });
    inGroup.send('hello everyone');
    const mine = inGroup.send('lunch?');
    inGroup.edit(mine, 'lunch at 2?');
    inGroup.send(`/start@someother_bot`);
    await pause(700);
    expect(botCalls()).toEqual([]);
    expect(w.tg.chatActions(group.id)).toEqual([]);
  });

  it('commands for the bot work, with or without its name; replies to it reach the features', async () => {
    const inGroup = user.inGroup(group);
    inGroup.send(`/start@${botName()}`);
    const hello = await inGroup.waitFor({ text: /Hi, Gus/ });
    inGroup.send('/help');
    await inGroup.waitFor({ text: /What I can do/ });
    inGroup.send(`/support@${botName()}`);
    const link = await inGroup.waitFor({ text: /Write to me in a private chat for support/ });
    expect(link.message?.text).toContain(`https://t.me/${botName()}?start=support`);
    // The Support button on a group message opens the private chat instead.
    const answer = await inGroup.press(hello.message ?? 0, '💬 Support');
    expect(answer.url).toBe(`https://t.me/${botName()}?start=support`);
    // A reply to the bot gets through the policy (no feature takes plain text in groups, so no
    // answer, but nothing breaks either).
    inGroup.reply(hello.message ?? 0, 'thanks!');
    await pause(400);
    expect(w.tg.calls.filter((c) => !c.response.ok && c.method !== 'getUpdates')).toEqual([]);
  });

  it('the deep link from the group opens support in private', async () => {
    user.send('/start support');
    await user.waitFor({ text: /Support is not set up/ });
  });
});
