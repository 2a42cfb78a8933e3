/**
 * The YAML parser, loaded on first use: a start from the compiled catalog (see load.ts) never
 * needs it, and it is 44 modules and about 100 ms of a cold start.
 */
import { createRequire } from 'node:module';

type Yaml = typeof import('yaml');
let loaded: Yaml | undefined;

export function yaml(): Yaml {
  loaded ??= createRequire(import.meta.url)('yaml') as Yaml;
  return loaded;
}
