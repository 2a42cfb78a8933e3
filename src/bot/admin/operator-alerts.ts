import type { Api } from 'grammy';
import {
  DEFAULT_LOCALE,
  type Locale,
  type TranslateIn,
  userLocale,
} from '../../accounts/locale.js';
import type { OperatorAlert } from '../../alerts/operator-alerts.js';
import type { Config } from '../../config.js';
import type { Database } from '../../db/engine.js';
import type { Logger } from '../../infra/logger.js';

export interface AlertSenderDeps {
  api: Api;
  db: Database;
  config: Pick<Config, 'ADMIN_IDS' | 'SUPPORT_CHAT_ID' | 'GATEWAY_BASE_URL'>;
  logger: Logger;
  t: TranslateIn;
}

/** Operator alerts go to every admin (in their language) and to the support chat. */
export function createAlertSender(d: AlertSenderDeps): (alert: OperatorAlert) => Promise<void> {
  const targets = async (): Promise<Array<{ chatId: number; locale: Locale }>> => [
    ...(await Promise.all(
      d.config.ADMIN_IDS.map(async (id) => ({ chatId: id, locale: await userLocale(d.db, id) })),
    )),
    ...(d.config.SUPPORT_CHAT_ID === undefined
      ? []
      : [{ chatId: d.config.SUPPORT_CHAT_ID, locale: DEFAULT_LOCALE }]),
  ];
  return async (alert) => {
    const key = alert.phase === 'raised' ? `alert-${alert.kind}` : `alert-${alert.kind}-cleared`;
    const vars = { ...alert.vars, gateway: d.config.GATEWAY_BASE_URL };
    await Promise.all(
      (await targets()).map(({ chatId, locale }) =>
        d.api
          .sendMessage(chatId, d.t(locale, key, vars), {
            parse_mode: 'HTML',
            link_preview_options: { is_disabled: true },
          })
          .catch((err: unknown) =>
            d.logger.warn({ err, chatId, incident: alert.kind }, 'operator alert not sent'),
          ),
      ),
    );
  };
}
