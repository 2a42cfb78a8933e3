/**
 * `npm run bench [-- <scenario> ...] [--quick]`: runs the named scenarios (all by default)
 * against the local stand-ins and prints a table per result. Add a scenario by writing a module
 * under scenarios/ and listing it in scenarios/index.ts.
 */
import { formatGoals, formatTable, type GoalRow } from './scenario.js';
import { scenarios } from './scenarios/index.js';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const names = args.filter((a) => !a.startsWith('--'));
if (args.includes('--list')) {
  for (const s of scenarios) console.log(`${s.name.padEnd(12)} ${s.description}`);
  process.exit(0);
}
const unknown = names.filter((n) => !scenarios.some((s) => s.name === n));
if (unknown.length > 0) {
  console.error(
    `Unknown scenario(s): ${unknown.join(', ')}. Known: ${scenarios.map((s) => s.name).join(', ')}`,
  );
  process.exit(2);
}
const chosen = names.length > 0 ? scenarios.filter((s) => names.includes(s.name)) : scenarios;

const goals: GoalRow[] = [];
for (const scenario of chosen) {
  console.log(`\n▶ ${scenario.name}: ${scenario.description}${quick ? ' (quick)' : ''}\n`);
  const results = await scenario.run({ quick });
  for (const r of results) {
    console.log(`${formatTable(r)}\n`);
    goals.push(...(r.goals ?? []));
  }
}
if (goals.length > 0) console.log(`\n${formatGoals(goals)}\n`);
process.exit(0);
