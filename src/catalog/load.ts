/**
 * Reads and validates a catalog file. Every problem (YAML syntax, unknown key, wrong type,
 * cross-field rule) is reported as `file:line:col path: message` in one CatalogError, so an
 * operator can fix the file in one pass.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import { type Catalog, createCatalog } from './catalog.js';
import { CatalogError, type CatalogProblem } from './errors.js';
import { formatPath, locateOffset } from './locate.js';
import { type CatalogData, catalogSchema } from './schema.js';
import { yaml } from './yaml.js';

export const DEFAULT_CATALOG_FILE = 'default-catalog.yaml';
const MAX_SYNTAX_ERRORS = 5;

/**
 * The shipped catalog. tsc does not copy YAML, so next to this module (src/ under tsx, or
 * dist/src/ when the build copied it) comes first, then the source tree seen from dist/src/.
 */
export function defaultCatalogPath(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const beside = path.join(here, DEFAULT_CATALOG_FILE);
  const inSource = path.resolve(here, '../../../src/catalog', DEFAULT_CATALOG_FILE);
  return existsSync(beside) || !existsSync(inSource) ? beside : inSource;
}

// Without an explicit message zod says "expected number, received undefined" for a missing key.
const errorMap: z.core.$ZodErrorMap = (issue) =>
  issue.code === 'invalid_type' && issue.input === undefined ? 'is required' : undefined;

export function parseCatalog(text: string, fileName: string): Catalog {
  return createCatalog(parseCatalogData(text, fileName));
}

/** The file's models, validated: what `createCatalog` takes, and what the build compiles. */
export function parseCatalogData(text: string, fileName: string): CatalogData {
  const { LineCounter, parseDocument } = yaml();
  const lineCounter = new LineCounter();
  const doc = parseDocument(text.replace(/^\uFEFF/, ''), {
    lineCounter,
    prettyErrors: false,
    uniqueKeys: true,
  });
  const at = (offset: number, p: string, message: string): CatalogProblem => {
    const { line, col } = lineCounter.linePos(offset);
    return { file: fileName, line, col, path: p, message };
  };

  if (doc.errors.length > 0) {
    // One broken bracket cascades into dozens of errors; the first few locate it.
    const shown = doc.errors.slice(0, MAX_SYNTAX_ERRORS);
    const problems = shown.map((e) => at(e.pos[0], '(syntax)', `${e.message} [${e.code}]`));
    const rest = doc.errors[MAX_SYNTAX_ERRORS];
    if (rest)
      problems.push(
        at(rest.pos[0], '(syntax)', `${doc.errors.length - MAX_SYNTAX_ERRORS} more syntax errors`),
      );
    throw new CatalogError(problems);
  }
  if (doc.contents === null) throw new CatalogError([at(0, '(root)', 'the file is empty')]);

  const result = catalogSchema.safeParse(doc.toJS(), { error: errorMap });
  if (result.success) return result.data;

  const problems: CatalogProblem[] = [];
  for (const issue of result.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      // One problem per key, pointing at the key itself.
      for (const key of issue.keys) {
        const p = [...issue.path, key];
        problems.push(at(locateOffset(doc, p, true), formatPath(p), 'unknown key (typo?)'));
      }
    } else {
      problems.push(at(locateOffset(doc, issue.path), formatPath(issue.path), issue.message));
    }
  }
  throw new CatalogError(problems);
}

/** Loads `file` (default: the shipped catalog). Unreadable files are CatalogErrors too. */
export function loadCatalog(file: string = defaultCatalogPath()): Catalog {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    const hint =
      file === defaultCatalogPath()
        ? ` (the build must copy src/catalog/${DEFAULT_CATALOG_FILE} next to load.js, or set CATALOG_PATH)`
        : '';
    throw new CatalogError([
      { file, line: 1, col: 1, path: '(file)', message: `cannot read: ${reason}${hint}` },
    ]);
  }
  return createCatalog(compiledData(file, text) ?? parseCatalogData(text, file));
}

/**
 * A catalog compiled by the build (`<name>.compiled.json` beside it: the validated data and the
 * hash of the text it came from). Used only while the text is unchanged, so an edited file is
 * always read and checked afresh; a start from it needs neither the YAML parser nor validation.
 */
export function compiledCatalogPath(file: string): string {
  return file.replace(/(\.ya?ml)?$/, '.compiled.json');
}

interface CompiledCatalog {
  source: string;
  data: CatalogData;
}

const catalogHash = (text: string) => createHash('sha256').update(text).digest('hex');

/** Validates `file` and writes its compiled twin; a CatalogError when the file has problems. */
export function compileCatalog(file: string): void {
  const text = readFileSync(file, 'utf8');
  const compiled: CompiledCatalog = {
    source: catalogHash(text),
    data: parseCatalogData(text, file),
  };
  writeFileSync(compiledCatalogPath(file), JSON.stringify(compiled));
}

function compiledData(file: string, text: string): CatalogData | undefined {
  let compiled: CompiledCatalog;
  try {
    compiled = JSON.parse(readFileSync(compiledCatalogPath(file), 'utf8')) as CompiledCatalog;
  } catch {
    return undefined;
  }
  return compiled.source === catalogHash(text) ? compiled.data : undefined;
}
