import type { Catalog } from './catalog.js';

/**
 * The catalog's wait for a job's model, in ms (disabled models included: the job was accepted);
 * undefined when the model sets none and the bot's default applies.
 */
export function timeoutMsOf(catalog: Catalog, job: { model: string }): number | undefined {
  const seconds = catalog.models.find((m) => m.id === job.model)?.timeoutSeconds;
  return seconds === undefined ? undefined : seconds * 1000;
}
