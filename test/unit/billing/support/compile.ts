import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../../../../', import.meta.url));

/**
 * Transpiles a TS entry and every module it reaches by relative import into plain ESM in a temp
 * folder (node_modules and drizzle/ linked in), so worker threads start without a TS loader.
 * A tsx-registered worker pays for its own loader thread and esbuild service (~0.7 s CPU
 * each); this costs one TypeScript load for the whole pool. No type checking (tsc does that).
 */
export function compileForWorkers(entry: string): { file: string; dispose: () => void } {
  // Plain require: through vitest's module runner the compiler takes seconds longer to load.
  const ts: typeof import('typescript') = createRequire(import.meta.url)('typescript');
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'genbot-workers-'));
  const pending = [path.resolve(entry)];
  const seen = new Set<string>();
  for (let source = pending.pop(); source !== undefined; source = pending.pop()) {
    if (seen.has(source)) continue;
    seen.add(source);
    const js = ts.transpileModule(fs.readFileSync(source, 'utf8'), {
      fileName: source,
      compilerOptions: {
        module: ts.ModuleKind.ESNext,
        target: ts.ScriptTarget.ES2022,
        verbatimModuleSyntax: true,
      },
    }).outputText;
    const target = path.join(out, path.relative(REPO, source)).replace(/\.ts$/, '.js');
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, js);
    // Type-only imports are gone from the output, so this follows runtime edges only.
    for (const [, spec] of js.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)\.js'/g)) {
      pending.push(path.resolve(path.dirname(source), `${spec}.ts`));
    }
  }
  fs.writeFileSync(path.join(out, 'package.json'), '{ "type": "module" }\n');
  fs.symlinkSync(path.join(REPO, 'node_modules'), path.join(out, 'node_modules'), 'dir');
  // db/client.ts locates migrations by walking up to a drizzle/ folder.
  fs.symlinkSync(path.join(REPO, 'drizzle'), path.join(out, 'drizzle'), 'dir');
  return {
    file: path.join(out, path.relative(REPO, path.resolve(entry))).replace(/\.ts$/, '.js'),
    dispose: () => fs.rmSync(out, { recursive: true, force: true }),
  };
}
