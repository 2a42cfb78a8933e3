// tsc copies only .ts output; locales and the default catalog are read at run time.
import { cpSync, existsSync } from 'node:fs';

for (const [from, to] of [
  ['src/bot/locales', 'dist/src/bot/locales'],
  ['src/catalog/default-catalog.yaml', 'dist/src/catalog/default-catalog.yaml'],
]) {
  if (existsSync(from)) cpSync(from, to, { recursive: true });
}
