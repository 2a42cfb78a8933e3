import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  compileCatalog,
  compiledCatalogPath,
  defaultCatalogPath,
  loadCatalog,
  parseCatalog,
} from '../../../src/catalog/load.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'genbot-catalog-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const shipped = fs.readFileSync(defaultCatalogPath(), 'utf8');

function copyOfShipped(name: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, shipped);
  return file;
}

describe('the compiled catalog', () => {
  it('loads exactly what parsing the YAML gives, every field of every model', () => {
    const file = copyOfShipped('same.yaml');
    compileCatalog(file);
    expect(fs.existsSync(compiledCatalogPath(file))).toBe(true);
    const compiled = loadCatalog(file);
    const parsed = parseCatalog(shipped, file);
    expect(compiled.models).toStrictEqual(parsed.models);
    expect(compiled.version).toBe(parsed.version);
    expect(compiled.list().map((m) => m.id)).toEqual(parsed.list().map((m) => m.id));
  });

  it('is used only while the YAML is unchanged: an edit is read and checked afresh', () => {
    const file = copyOfShipped('edited.yaml');
    compileCatalog(file);
    fs.writeFileSync(file, shipped.replace('title: DALL·E 2 Edit', 'title: DALL·E 2 Retouch'));
    expect(loadCatalog(file).title('dall-e-2')).toBe('DALL·E 2 Retouch');
    // A broken edit is refused even though a compiled twin of the old text is there.
    fs.writeFileSync(file, `${shipped}\n  - id: [broken\n`);
    expect(() => loadCatalog(file)).toThrow(/edited\.yaml:\d+:\d+/);
  });

  it('is ignored when it cannot be read, and the YAML is parsed instead', () => {
    const file = copyOfShipped('corrupt.yaml');
    fs.writeFileSync(compiledCatalogPath(file), '{"source": "');
    expect(loadCatalog(file).get('dall-e-2')?.title).toBe('DALL·E 2 Edit');
  });

  it('refuses to compile a catalog with problems, and writes nothing', () => {
    const file = path.join(dir, 'bad.yaml');
    fs.writeFileSync(file, 'version: 1\nmodels:\n  - id: x\n');
    expect(() => compileCatalog(file)).toThrow(/bad\.yaml/);
    expect(fs.existsSync(compiledCatalogPath(file))).toBe(false);
  });
});
