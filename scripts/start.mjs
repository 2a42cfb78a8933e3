// `npm start`: the bot from the current source, bundled as `npm run build` bundles it (no type
// check) into node_modules/.cache/genbot/<fingerprint>/ and run from there, in this process.
// The fingerprint covers every file under src/ and what shapes the bundle, so an edit is always
// built before it runs, and an unchanged tree starts from the bundle already made (a few ms of
// stat calls). Running the bundle instead of the sources through a TypeScript loader is what
// makes this start as fast and as small as the Docker image's. Stack traces in the source's
// lines: NODE_OPTIONS=--enable-source-maps (a map is written beside; reading it costs ~20 MB).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = path.resolve(import.meta.dirname, '..');
const CACHE = path.join(ROOT, 'node_modules', '.cache', 'genbot');
/** Bundles kept: a bot still running from an older one reads its locales and page lazily. */
const KEEP = 3;

function fingerprint() {
  const hash = createHash('sha256');
  const add = (file) => {
    const s = statSync(file);
    hash.update(`${path.relative(ROOT, file)}:${s.size}:${s.mtimeMs}\n`);
  };
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else add(file);
    }
  };
  walk(path.join(ROOT, 'src'));
  for (const file of ['package.json', 'package-lock.json', 'scripts/build.mjs']) {
    add(path.join(ROOT, file));
  }
  return hash.digest('hex').slice(0, 16);
}

async function bundle() {
  const id = fingerprint();
  const dir = path.join(CACHE, id);
  const entry = path.join(dir, 'src', 'main.js');
  if (existsSync(entry)) return entry;
  // Built aside and renamed into place: two starts at once never see half a bundle.
  mkdirSync(CACHE, { recursive: true });
  const { buildBot } = await import('./build.mjs');
  const tmp = `${dir}.tmp-${process.pid}`;
  await buildBot(tmp, { sourcemap: true });
  try {
    renameSync(tmp, dir);
  } catch {
    rmSync(tmp, { recursive: true, force: true }); // another start won the race: same content
  }
  const old = readdirSync(CACHE)
    .filter((name) => /^[0-9a-f]{16}$/.test(name) && name !== id)
    .map((name) => ({ name, at: statSync(path.join(CACHE, name)).mtimeMs }))
    .sort((a, b) => b.at - a.at)
    .slice(KEEP - 1);
  for (const { name } of old) rmSync(path.join(CACHE, name), { recursive: true, force: true });
  return entry;
}

await import(pathToFileURL(await bundle()).href);
