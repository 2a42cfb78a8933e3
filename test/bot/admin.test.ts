import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getUser } from '../../src/accounts/users.js';
import { topUp } from '../../src/billing/ledger.js';
import { defaultCatalogPath } from '../../src/catalog/index.js';
import type { TestUser } from '../fakes/telegram/index.js';
import { insertImageJob } from '../helpers/jobs.js';
import { knownUser, type OperatorWorld, pause, startOperatorWorld } from './operator-helpers.js';

const ADMIN_COMMANDS = ['/stats', '/broadcast', '/ban 1', '/unban 1', '/reload'];

describe('admin tools (bot level)', () => {
  let w: OperatorWorld;
  let catalogFile: string;
  const db = () => w.bot.app.deps.db;
  const database = () => w.bot.app.deps.database;

  beforeAll(async () => {
    // The catalog is a copy the test may edit; the path must be known before the bot starts.
    const dir = fs.mkdtempSync(path.join(process.env.TMPDIR ?? '/tmp', 'genbot-cat-'));
    catalogFile = path.join(dir, 'catalog.yaml');
    fs.copyFileSync(defaultCatalogPath(), catalogFile);
    w = await startOperatorWorld({ support: 'group', env: { CATALOG_PATH: catalogFile } });
  });
  afterAll(async () => {
    await w.close();
    fs.rmSync(path.dirname(catalogFile), { recursive: true, force: true });
  });

  it('admin commands do not exist for anyone else: the usual unknown-command answer', async () => {
    const user = await knownUser(w.tg);
    for (const command of ADMIN_COMMANDS) {
      user.send(command);
      const reply = await user.waitFor({ method: 'sendMessage' });
      expect(reply.message?.text).toBe("I don't know that command. Here is what I can do: /help");
    }
    // Nor in a group, even addressed to the bot: silence, as for any unknown command there.
    const group = w.tg.group({ title: 'Friends', members: [user] });
    const inGroup = user.inGroup(group);
    inGroup.send(`/stats@${w.tg.botInfo.username}`);
    w.admin.inGroup(group).send(`/stats@${w.tg.botInfo.username}`);
    await pause(400);
    expect(w.tg.messages(group.id).filter((m) => m.from?.id === w.tg.botInfo.id)).toEqual([]);
    // Their menu has no admin commands (none is set for their chat at all).
    expect(w.tg.commands({ type: 'chat', chat_id: user.id })).toBeUndefined();
  });

  it("the admin menu is set for the admin's chat only (chat scope, each language)", async () => {
    w.admin.send('/start');
    await w.admin.waitFor({ text: /Hi, Olga/ });
    await w.tg.waitForCall('setMyCommands', (c) => c.params.language_code === 'ru');
    const scope = { type: 'chat' as const, chat_id: w.admin.id };
    const en = w.tg.commands(scope)?.map((c) => c.command) ?? [];
    expect(en).toEqual(expect.arrayContaining(['stats', 'broadcast', 'ban', 'unban', 'reload']));
    expect(en).toContain('imagine');
    const ru = w.tg.commands(scope, 'ru');
    expect(ru?.find((c) => c.command === 'stats')?.description).toBe('Статистика');
    for (const call of w.tg.callsTo('setMyCommands')) {
      expect(call.params.scope).toEqual({ type: 'chat', chat_id: w.admin.id });
    }
  });

  it('/stats: users, jobs by family and status, money today and in total, top models, failures, gateway', async () => {
    const a = await knownUser(w.tg, { first_name: 'Stat A' });
    const b = await knownUser(w.tg, { first_name: 'Stat B' });
    const job = (id: string, userId: number, over: Record<string, unknown>) =>
      insertImageJob(db(), id, userId, over);
    job('s1', a.id, { status: 'done' });
    job('s2', a.id, { status: 'done' });
    job('s3', b.id, { status: 'failed', errorCode: 'content_policy' });
    job('s4', b.id, { status: 'running', family: 'video', model: 'kling-video-v2-6' });
    job('s5', b.id, {
      status: 'failed',
      family: 'video',
      model: 'kling-video-v2-6',
      errorCode: 'timeout',
    });
    topUp(db(), { userId: a.id, amount: 1000, ref: 'pay:stat-1' });
    w.bot.app.deps.gatewayStats.record({
      route: 'POST /v1/images/generations',
      status: 200,
      ms: 5,
      attempts: 1,
    });
    w.bot.app.deps.gatewayStats.record({
      route: 'POST /v1/images/generations',
      status: 429,
      ms: 5,
      attempts: 3,
      errorKind: 'rate_limited',
    });

    w.admin.send('/stats');
    const reply = await w.admin.waitFor({ text: /Statistics/ });
    const text = reply.message?.text ?? '';
    const users = getUserCount();
    expect(text).toContain(`Users: ${users} · active today ${users}`);
    expect(text).toContain('image: 3 (today 3) · done 2 · failed 1 · in progress 0');
    expect(text).toContain('video: 2 (today 2) · done 0 · failed 1 · in progress 1');
    expect(text).toContain('Today: top-ups 10.00 USD · spent 0.00 USD · refunds 0.00 USD');
    expect(text).toContain('In total: top-ups 10.00 USD');
    expect(text).toMatch(
      /Top models \(7 days\)\n• flux: 3 \(33\.3% failed\)\n• kling-video-v2-6: 2 \(100% failed\)/,
    );
    expect(text).toContain('Failures (24 h): 2 of 4 (50%)');
    expect(text).toContain('Reasons: content_policy 1, timeout 1');
    expect(text).toContain('Gateway (last 60 min): calls 2, errors 1 (50%)');
    expect(text).toContain('Errors: rate_limited 1');
    expect(text).toContain('Support tickets: open 0, total 0');
    expect(reply.call.params.parse_mode).toBe('HTML');
  });

  function getUserCount(): number {
    return (db().$client.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n;
  }

  it('/ban: the banned user gets the ban note and nothing else; /unban restores them', async () => {
    const user = await knownUser(w.tg, { first_name: 'Mallory', username: 'mallory' });
    w.admin.send('/ban @mallory');
    await w.admin.waitFor({ text: /Mallory \(@mallory, \d+\) is banned/ });
    expect((await getUser(database(), user.id))?.banned).toBe(true);

    const before = w.tg.calls.length;
    user.send('draw a cat');
    const note = await user.waitFor({ method: 'sendMessage' });
    // No SUPPORT_CONTACT configured: the note names nobody to write to.
    expect(note.message?.text).toBe('⛔ Your access to this bot has been suspended.');
    user.send('/support');
    user.send('/start');
    await pause(500);
    const toUser = w.tg.calls
      .slice(before)
      .filter((c) => String(c.params.chat_id) === String(user.id));
    expect(toUser.map((c) => c.method)).toEqual(['sendMessage']);

    w.admin.send('/ban @mallory');
    await w.admin.waitFor({ text: /was already banned/ });
    w.admin.send(`/unban ${user.id}`);
    await w.admin.waitFor({ text: /Mallory \(@mallory, \d+\) is unbanned/ });
    user.send('/start');
    await user.waitFor({ text: /Hi, Mallory/ });
    w.admin.send(`/unban ${user.id}`);
    await w.admin.waitFor({ text: /was not banned/ });
  });

  it('/ban bad input: unknown user, no argument, an admin; a reply to a ticket in the support chat', async () => {
    w.admin.send('/ban @nobody_here');
    await w.admin.waitFor({ text: /No user “@nobody_here” found/ });
    w.admin.send('/ban');
    await w.admin.waitFor({ text: /Usage: \/ban/ });
    w.admin.send(`/ban ${w.admin.id}`);
    await w.admin.waitFor({ text: 'Admins cannot be banned.' });

    const user: TestUser = await knownUser(w.tg, { first_name: 'Trent' });
    user.send('/support');
    await user.waitFor({ method: 'sendMessage', text: /Write your message/ });
    user.send('spam spam');
    const confirm = await user.waitFor({ method: 'sendMessage', text: /Send this message/ });
    await user.press(confirm.message ?? 0, '✅ Send');
    const staff = w.admin.inGroup(w.group?.id ?? 0);
    const copy = await staff.waitFor({ text: 'spam spam' });
    staff.send('/ban', { replyTo: copy.message?.message_id ?? 0 });
    await staff.waitFor({ text: /Trent .* is banned/ });
    expect((await getUser(database(), user.id))?.banned).toBe(true);
  });

  it('/reload picks up an edited catalog; a broken file is refused with its line, the old one kept', async () => {
    const original = fs.readFileSync(catalogFile, 'utf8');
    expect(w.bot.app.deps.catalog.get('flux-dev')?.title).toBe('FLUX dev');
    const enabledBefore = w.bot.app.deps.catalog.list().length;

    fs.writeFileSync(
      catalogFile,
      original.replace('title: FLUX dev\n    enabled: true', 'title: FLUX dev\n    enabled: false'),
    );
    w.admin.send('/reload');
    const ok = await w.admin.waitFor({ text: /Catalog reloaded/ });
    expect(ok.message?.text).toBe(
      `✅ Catalog reloaded: 59 models (enabled: ${enabledBefore - 1}, before: 59).`,
    );
    expect(w.bot.app.deps.catalog.get('flux-dev')).toBeUndefined();

    const current = w.bot.app.deps.catalog;
    const broken = original.replace('title: FLUX Pro\n', 'title: FLUX Pro\n    prise: 7\n');
    fs.writeFileSync(catalogFile, broken);
    const line = broken.split('\n').findIndex((l) => l.includes('prise: 7')) + 1;
    w.admin.send('/reload');
    const refused = await w.admin.waitFor({ text: /not reloaded/ });
    expect(refused.message?.text).toContain('the current one stays (models: 59)');
    expect(refused.message?.text).toContain(
      `${catalogFile}:${line}:5 models[2].prise: unknown key`,
    );
    expect(w.bot.app.deps.catalog).toBe(current);
    expect(w.bot.app.deps.catalog.get('flux-dev')).toBeUndefined();
    fs.writeFileSync(catalogFile, original);
  });
});
