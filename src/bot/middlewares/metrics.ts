import type { MiddlewareFn } from 'grammy';
import { type Metrics, updateType } from '../../infra/metrics.js';
import type { BotContext } from '../context.js';

/** Counts every update and times its whole trip through the middleware stack. */
export function metricsMiddleware(metrics: Metrics): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    const type = updateType(ctx.update);
    const end = metrics.handlerSeconds.startTimer({ type });
    try {
      await next();
    } catch (err) {
      metrics.handlerErrors.inc();
      throw err;
    } finally {
      end();
      metrics.updates.inc({ type });
    }
  };
}
