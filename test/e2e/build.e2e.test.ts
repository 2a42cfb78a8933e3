import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useSpawnedBot } from '../helpers/spawned-world.js';

const REPO = path.resolve(import.meta.dirname, '../..');
const GATEWAY_KEY = 'sk-e2eBuildKey0123456789abcdefgh';
// Inside the repository, so that node_modules and drizzle/ are found as from dist/.
const OUT = path.join(REPO, `.build-test-${process.pid}`);

describe('the built bot (the Docker image’s command), with everything it reads at run time', () => {
  beforeAll(() => {
    execFileSync(process.execPath, ['scripts/build.mjs', '--outdir', OUT], { cwd: REPO });
  }, 60_000);
  afterAll(() => fs.rmSync(OUT, { recursive: true, force: true }));
  const world = useSpawnedBot({
    key: GATEWAY_KEY,
    command: [process.execPath, [path.join(OUT, 'src/main.js')]],
    env: () => ({ MINI_APP_URL: 'http://127.0.0.1/app' }),
  });

  it('starts from the compiled catalog and answers in the user’s language', async () => {
    expect(fs.existsSync(path.join(OUT, 'src/default-catalog.compiled.json'))).toBe(true);
    const ru = world.tg.user({ first_name: 'Иван', language_code: 'ru' });
    ru.send('/start');
    await ru.waitFor({ text: /Привет, Иван/ }, { timeoutMs: 10_000 });
    ru.send('/imagine a red fox in the snow');
    // The price comes from the catalog: FLUX at 0.03 USD, more than a new user's balance.
    await ru.waitFor({ text: /стоимость 0,03 USD/ }, { timeoutMs: 10_000 });
  });

  it('serves the Mini App’s page and script', async () => {
    const port = Number(/"port":(\d+)[^\n]*is polling for updates/.exec(world.bot.output())?.[1]);
    for (const [file, type] of [
      ['', 'text/html'],
      ['app.js', 'javascript'],
      ['style.css', 'text/css'],
    ] as const) {
      const res = await fetch(`http://127.0.0.1:${port}/app/${file}`);
      expect(res.status, file).toBe(200);
      expect(res.headers.get('content-type'), file).toContain(type);
      expect((await res.text()).length, file).toBeGreaterThan(100);
    }
  });
});
