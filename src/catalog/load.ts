/**
 * Reads and validates a catalog file. Every problem (YAML syntax, unknown key, wrong type,
 * cross-field rule) is reported as `file:line:col path: message` in one CatalogError, so an
 * operator can fix the file in one pass.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { type Catalog, createCatalog } from './catalog.js';
import { CatalogError, type CatalogProblem } from './errors.js';
import { formatPath, locateOffset } from './locate.js';
import { catalogSchema } from './schema.js';

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
  if (result.success) return createCatalog(result.data);

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
  return parseCatalog(text, file);
}
