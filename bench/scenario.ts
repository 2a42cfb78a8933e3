/** What a benchmark scenario is: a name, a sentence, and a run that returns rows to print. */

export interface BenchOptions {
  /** Scale down for a quick look (`--quick`): fewer jobs, shorter latency. */
  quick: boolean;
}

export interface BenchResult {
  title: string;
  /** Printed as a two-column table, in order. */
  rows: Array<[metric: string, value: string]>;
  /** Lines printed under the table (configuration, caveats). */
  notes?: string[];
}

export interface Scenario {
  name: string;
  description: string;
  run(options: BenchOptions): Promise<BenchResult[]>;
}

/** p-th percentile (0–100) of the values, nearest-rank; NaN for none. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] as number;
}

export const ms = (v: number) => (Number.isFinite(v) ? `${v.toFixed(1)} ms` : 'n/a');
export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** A box-drawn two-column table. */
export function formatTable(result: BenchResult): string {
  const w1 = Math.max(6, ...result.rows.map(([k]) => [...k].length));
  const w2 = Math.max(5, ...result.rows.map(([, v]) => [...v].length));
  const pad = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - [...s].length));
  const line = (l: string, m: string, r: string) =>
    `${l}${'─'.repeat(w1 + 2)}${m}${'─'.repeat(w2 + 2)}${r}`;
  const out = [
    result.title,
    line('┌', '┬', '┐'),
    `│ ${pad('metric', w1)} │ ${pad('value', w2)} │`,
    line('├', '┼', '┤'),
    ...result.rows.map(([k, v]) => `│ ${pad(k, w1)} │ ${pad(v, w2)} │`),
    line('└', '┴', '┘'),
    ...(result.notes ?? []).map((n) => `  ${n}`),
  ];
  return out.join('\n');
}
