/**
 * `compile-cli <catalog.yaml>`: writes `<catalog>.compiled.json` beside it (see load.ts), or
 * exits 1 with the file's problems. The build runs it on the shipped catalog.
 */
import { CatalogError } from './errors.js';
import { compileCatalog } from './load.js';

const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: compile-cli <catalog.yaml>\n');
  process.exit(2);
}
try {
  compileCatalog(file);
} catch (err) {
  if (!(err instanceof CatalogError)) throw err;
  process.stderr.write(`${err.message}\n`);
  process.exit(1);
}
