import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { BotCommand, File } from 'grammy/types';
import { type Core, commandsKey, type Handler } from '../core.js';
import { badRequest, TEXTS } from '../errors.js';
import type { StoredFile } from '../files.js';
import { bool, int, isRecord, json, str } from '../params.js';
import { codePoints } from '../text.js';

const getMe: Handler = (core) => core.botInfo;

const answerCallbackQuery: Handler = (core, call) => {
  const id = str(call.params, 'callback_query_id') ?? '';
  const q = core.queries.get(id);
  const text = str(call.params, 'text');
  if (text !== undefined && codePoints(text) > 200) throw badRequest('MESSAGE_TOO_LONG');
  if (!q || q.answered || core.options.now() - q.createdAt > core.options.callbackQueryTimeoutMs) {
    throw badRequest(TEXTS.queryTooOld);
  }
  q.answered = true;
  const url = str(call.params, 'url');
  const cacheTime = int(call.params, 'cache_time');
  q.resolve({
    ...(text !== undefined ? { text } : {}),
    ...(call.params.show_alert !== undefined
      ? { show_alert: bool(call.params, 'show_alert') }
      : {}),
    ...(url !== undefined ? { url } : {}),
    ...(cacheTime !== undefined ? { cache_time: cacheTime } : {}),
  });
  return true;
};

const getFile: Handler = (core, call) => {
  const id = str(call.params, 'file_id') ?? '';
  if (id === '') throw badRequest('file_id not specified');
  const f = core.files.get(id);
  if (!f) throw badRequest('wrong file_id or the file is temporarily unavailable');
  if (f.bytes.byteLength > core.options.downloadLimitBytes) throw badRequest('file is too big');
  const dir = core.options.localDir;
  const file: File = {
    file_id: f.file_id,
    file_unique_id: f.file_unique_id,
    file_size: f.bytes.byteLength,
    file_path: dir === undefined ? f.file_path : writeLocal(dir, core.options.token, f),
  };
  return file;
};

/** A `--local` server downloads the file into its own directory and names that path. */
function writeLocal(dir: string, token: string, f: StoredFile): string {
  const target = path.resolve(dir, token, f.file_path);
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, f.bytes);
  return target;
}

function validateCommands(raw: unknown): BotCommand[] {
  if (!Array.isArray(raw)) throw badRequest('expected an Array of BotCommand');
  if (raw.length > 100) throw badRequest('too many commands specified');
  return raw.map((c) => {
    if (!isRecord(c)) throw badRequest("can't parse BotCommand: expected an Object");
    const command = String(c.command ?? '').replace(/^\//, '');
    const description = String(c.description ?? '');
    if (!/^[a-z0-9_]{1,32}$/.test(command)) throw badRequest('BOT_COMMAND_INVALID');
    if (codePoints(description) < 1 || codePoints(description) > 256) {
      throw badRequest('BOT_COMMAND_DESCRIPTION_INVALID');
    }
    return { command, description };
  });
}

function scopeKey(core: Core, p: Record<string, unknown>): string {
  const scope = json(p, 'scope', 'BotCommandScope JSON object');
  const lang = str(p, 'language_code');
  if (lang && !/^[a-z]{2}$/.test(lang)) throw badRequest('invalid language code specified');
  if (
    isRecord(scope) &&
    scope.chat_id !== undefined &&
    !core.world.findChat(Number(scope.chat_id))
  ) {
    throw badRequest('chat not found');
  }
  return commandsKey(scope, lang || undefined);
}

const setMyCommands: Handler = (core, call) => {
  const commands = validateCommands(json(call.params, 'commands', 'commands JSON object'));
  const key = scopeKey(core, call.params);
  if (commands.length === 0) core.commands.delete(key);
  else core.commands.set(key, commands);
  return true;
};

const getMyCommands: Handler = (core, call) => core.commands.get(scopeKey(core, call.params)) ?? [];

const deleteMyCommands: Handler = (core, call) => {
  core.commands.delete(scopeKey(core, call.params));
  return true;
};

/** setMyName / setMyDescription / setMyShortDescription and their getters, per language. */
function profileField(
  field: 'name' | 'description' | 'short_description',
  max: number,
): [Handler, Handler] {
  const set: Handler = (core, call) => {
    const value = str(call.params, field) ?? '';
    if (codePoints(value) > max) throw badRequest(`${field} is too long`);
    const key = `${field}|${str(call.params, 'language_code') ?? ''}`;
    if (value === '') core.profile.delete(key);
    else core.profile.set(key, value);
    return true;
  };
  const get: Handler = (core, call) => ({
    [field]: core.profile.get(`${field}|${str(call.params, 'language_code') ?? ''}`) ?? '',
  });
  return [set, get];
}

const [setMyName, getMyName] = profileField('name', 64);
const [setMyDescription, getMyDescription] = profileField('description', 512);
const [setMyShortDescription, getMyShortDescription] = profileField('short_description', 120);

export const miscMethods: Record<string, Handler> = {
  setMyName,
  getMyName,
  setMyDescription,
  getMyDescription,
  setMyShortDescription,
  getMyShortDescription,
  setMessageReaction: () => true,
  getMe,
  answerCallbackQuery,
  getFile,
  setMyCommands,
  getMyCommands,
  deleteMyCommands,
  logOut: () => true,
  close: () => true,
};
