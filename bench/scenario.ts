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
  /** Figures that have a target; `npm run bench` gathers them into one summary table. */
  goals?: GoalRow[];
}

/** One measured figure next to its goal, e.g. idle RSS 92 MB vs < 100 MB. */
export interface GoalRow {
  measure: string;
  value: string;
  goal: string;
  held: boolean;
  /** Why a goal is missed, or what the figure is compared with. */
  note?: string;
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
  return [
    result.title,
    ...boxTable(['metric', 'value'], result.rows),
    ...(result.notes ?? []).map((n) => `  ${n}`),
  ].join('\n');
}

/** Every goal of a run, one line each, with ✅ where it holds and ❌ where it misses. */
export function formatGoals(goals: readonly GoalRow[]): string {
  const rows = goals.map((g) => [g.held ? '✅' : '❌', g.measure, g.value, g.goal, g.note ?? '']);
  return [
    'Summary: every figure that has a goal',
    ...boxTable(['', 'measure', 'value', 'goal', 'note'], rows),
  ].join('\n');
}

function boxTable(head: readonly string[], rows: ReadonlyArray<readonly string[]>): string[] {
  const widths = head.map((h, i) =>
    Math.max([...h].length, ...rows.map((r) => [...(r[i] ?? '')].length)),
  );
  const pad = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - [...s].length));
  const line = (l: string, m: string, r: string) =>
    l + widths.map((w) => '─'.repeat(w + 2)).join(m) + r;
  const row = (cells: readonly string[]) =>
    `│ ${widths.map((w, i) => pad(cells[i] ?? '', w)).join(' │ ')} │`;
  return [
    line('┌', '┬', '┐'),
    row(head),
    line('├', '┼', '┤'),
    ...rows.map(row),
    line('└', '┴', '┘'),
  ];
}
