import type { Handler } from '../core.js';
import { badRequest } from '../errors.js';
import { bool, int, json, str } from '../params.js';

const getUpdates: Handler = (core, call) => {
  const allowed = json(call.params, 'allowed_updates');
  return core.queue.getUpdates(
    {
      ...(int(call.params, 'offset') !== undefined ? { offset: int(call.params, 'offset') } : {}),
      ...(int(call.params, 'limit') !== undefined ? { limit: int(call.params, 'limit') } : {}),
      ...(int(call.params, 'timeout') !== undefined
        ? { timeout: int(call.params, 'timeout') }
        : {}),
      ...(Array.isArray(allowed) ? { allowed: allowed.map(String) } : {}),
    },
    call.signal,
  );
};

const setWebhook: Handler = (core, call) => {
  const url = str(call.params, 'url') ?? '';
  const allowed = json(call.params, 'allowed_updates');
  const dropPending = bool(call.params, 'drop_pending_updates');
  if (url === '') {
    core.queue.deleteWebhook(dropPending);
    return true;
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw badRequest('bad webhook: invalid URL specified');
  }
  // Telegram needs HTTPS; the stand-in only reaches loopback, where plain HTTP is fine.
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname)) {
    throw badRequest('bad webhook: Failed to resolve host: Name or service not known');
  }
  const secret = str(call.params, 'secret_token');
  if (secret !== undefined && secret.length > 256) throw badRequest('secret token is too long');
  if (secret !== undefined && !/^[A-Za-z0-9_-]*$/.test(secret)) {
    throw badRequest('secret token contains unallowed characters');
  }
  core.queue.setWebhook(
    {
      url,
      ...(secret ? { secretToken: secret } : {}),
      maxConnections: int(call.params, 'max_connections') ?? 40,
    },
    dropPending,
    Array.isArray(allowed) ? allowed.map(String) : undefined,
  );
  return true;
};

const deleteWebhook: Handler = (core, call) => {
  core.queue.deleteWebhook(bool(call.params, 'drop_pending_updates'));
  return true;
};

const getWebhookInfo: Handler = (core) => core.queue.webhookInfo();

export const updateMethods: Record<string, Handler> = {
  getUpdates,
  setWebhook,
  deleteWebhook,
  getWebhookInfo,
};
