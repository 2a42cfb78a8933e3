/** One problem in a catalog file, pinned to a 1-based line and column. */
export interface CatalogProblem {
  file: string;
  line: number;
  col: number;
  /** Dotted path into the document (`models[3].sizes.default`), `(syntax)` or `(file)`. */
  path: string;
  message: string;
}

export function formatProblem(p: CatalogProblem): string {
  return `${p.file}:${p.line}:${p.col} ${p.path}: ${p.message}`;
}

/** Thrown by the loader; the message lists every problem, one per line, sorted by position. */
export class CatalogError extends Error {
  override readonly name = 'CatalogError';
  readonly problems: readonly CatalogProblem[];

  constructor(problems: readonly CatalogProblem[]) {
    const sorted = [...problems].sort((a, b) => a.line - b.line || a.col - b.col);
    const count = sorted.length === 1 ? '1 problem' : `${sorted.length} problems`;
    super(
      `Invalid model catalog (${count}):\n${sorted.map((p) => `  ${formatProblem(p)}`).join('\n')}`,
    );
    this.problems = sorted;
  }
}
