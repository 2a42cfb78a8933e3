// The production build: the bot and its preview process bundled by esbuild into one file each
// (dependencies stay in node_modules), beside the files they read at run time. One file instead
// of ~330 modules to resolve and link is what makes a cold start fast; tsc only type-checks.
//
// Every bundled module sees the bundle's folder as its own, so each asset goes where its module
// looks "beside itself": dist/src/locales, dist/src/web, dist/src/default-catalog.yaml, and the
// preview process at dist/src/preview-process.js. Migrations are found by walking up (drizzle/).
import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');
const outArg = process.argv.indexOf('--outdir');
const out = path.resolve(root, outArg > 0 ? process.argv[outArg + 1] : 'dist', 'src');

/** Pure-JS packages of many small modules, inlined (zod alone is ~100 ms of loading unbundled). */
const INLINE = (process.env.BUILD_INLINE ?? 'zod,drizzle-orm,@fluent/bundle').split(',');
const { dependencies } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const external = Object.keys(dependencies)
  .filter((name) => !INLINE.includes(name))
  .flatMap((name) => [name, `${name}/*`]);

rmSync(out, { recursive: true, force: true });
const common = {
  absWorkingDir: root,
  bundle: true,
  external,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  legalComments: 'none',
  logLevel: 'warning',
};
await build({
  ...common,
  entryPoints: { main: 'src/main.ts', 'preview-process': 'src/bot/images/preview-process.ts' },
  outdir: out,
});
for (const [from, to] of [
  ['src/bot/locales', 'locales'],
  ['src/miniapp/web', 'web'],
  ['src/catalog/default-catalog.yaml', 'default-catalog.yaml'],
]) {
  cpSync(path.join(root, from), path.join(out, to), { recursive: true });
}

// The shipped catalog, validated once here: a start reads the JSON (no YAML parser, no checks).
const compiler = path.join(out, '..', 'compile-catalog.mjs');
await build({ ...common, entryPoints: ['src/catalog/compile-cli.ts'], outfile: compiler });
try {
  execFileSync(process.execPath, [compiler, path.join(out, 'default-catalog.yaml')], {
    stdio: 'inherit',
  });
} finally {
  rmSync(compiler, { force: true });
}
