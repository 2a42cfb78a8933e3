// The bot bundled by esbuild, with its preview process, into one file each (dependencies other
// than INLINE's stay in node_modules), beside the files they read at run time. One file instead
// of ~330 modules to resolve and link is what makes a cold start fast. `npm run build` writes
// dist/ (tsc type-checks before); `npm start` builds into a cache first (scripts/start.mjs).
//
// Every bundled module sees the bundle's folder as its own, so each asset goes where its module
// looks "beside itself": <out>/src/locales, web, default-catalog.yaml, and the preview process
// at <out>/src/preview-process.js. Migrations are found by walking up (drizzle/).
import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

export const ROOT = path.resolve(import.meta.dirname, '..');

/** Pure-JS packages of many small modules, inlined (zod alone is ~100 ms of loading unbundled). */
const INLINE = ['zod', 'drizzle-orm', '@fluent/bundle'];

/** Builds into `<outRoot>/src`; `sourcemap` links a map for readable stack traces. */
export async function buildBot(outRoot, { sourcemap = false } = {}) {
  const out = path.join(outRoot, 'src');
  const { dependencies } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const external = Object.keys(dependencies)
    .filter((name) => !INLINE.includes(name))
    .flatMap((name) => [name, `${name}/*`]);
  const common = {
    absWorkingDir: ROOT,
    bundle: true,
    external,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    legalComments: 'none',
    logLevel: 'warning',
  };
  rmSync(out, { recursive: true, force: true });
  await build({
    ...common,
    entryPoints: { main: 'src/main.ts', 'preview-process': 'src/bot/images/preview-process.ts' },
    outdir: out,
    // Code only some starts need (PostgreSQL's engine and driver) stays in a chunk of its own,
    // loaded by its dynamic import; without splitting its imports would load at every start.
    splitting: true,
    ...(sourcemap ? { sourcemap: 'linked' } : {}),
  });
  for (const [from, to] of [
    ['src/bot/locales', 'locales'],
    ['src/miniapp/web', 'web'],
    ['src/catalog/default-catalog.yaml', 'default-catalog.yaml'],
  ]) {
    cpSync(path.join(ROOT, from), path.join(out, to), { recursive: true });
  }
  // The shipped catalog, validated once here: a start reads the JSON (no YAML parser, no checks).
  const compiler = path.join(outRoot, 'compile-catalog.mjs');
  await build({ ...common, entryPoints: ['src/catalog/compile-cli.ts'], outfile: compiler });
  try {
    execFileSync(process.execPath, [compiler, path.join(out, 'default-catalog.yaml')], {
      stdio: 'inherit',
    });
  } finally {
    rmSync(compiler, { force: true });
  }
  return path.join(out, 'main.js');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const outArg = process.argv.indexOf('--outdir');
  await buildBot(path.resolve(ROOT, outArg > 0 ? process.argv[outArg + 1] : 'dist'));
}
