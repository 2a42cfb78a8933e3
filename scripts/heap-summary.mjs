// Summarises a V8 heap snapshot (node --heapsnapshot-signal, v8.writeHeapSnapshot): self size by
// node type, by constructor, and the code and functions of each package or source folder (a
// SharedFunctionInfo's script, with the bytecode it owns). `node scripts/heap-summary.mjs FILE`.
import fs from 'node:fs';

const file = process.argv[2];
if (!file) {
  console.error('usage: node scripts/heap-summary.mjs <file.heapsnapshot> [top]');
  process.exit(2);
}
const top = Number(process.argv[3] ?? 15);
const snap = JSON.parse(fs.readFileSync(file, 'utf8'));
const { node_fields: nf, edge_fields: ef, node_types: nt, edge_types: et } = snap.snapshot.meta;
const N = nf.length;
const E = ef.length;
const [T, NAME, SIZE, EDGES] = ['type', 'name', 'self_size', 'edge_count'].map((f) =>
  nf.indexOf(f),
);
const [ET, EN, ETO] = ['type', 'name_or_index', 'to_node'].map((f) => ef.indexOf(f));
const types = nt[T];
const edgeTypes = et[ET];
const { nodes, edges, strings } = snap;
const count = nodes.length / N;
const firstEdge = new Uint32Array(count + 1);
for (let i = 0, e = 0; i < count; i++) {
  firstEdge[i] = e;
  e += nodes[i * N + EDGES] * E;
  firstEdge[i + 1] = e;
}
const typeOf = (i) => types[nodes[i * N + T]];
const nameOf = (i) => strings[nodes[i * N + NAME]];
const sizeOf = (i) => nodes[i * N + SIZE];
const edgesOf = function* (i) {
  for (let e = firstEdge[i]; e < firstEdge[i + 1]; e += E) {
    const type = edgeTypes[edges[e + ET]];
    const name = type === 'element' || type === 'hidden' ? edges[e + EN] : strings[edges[e + EN]];
    yield { type, name, to: edges[e + ETO] / N };
  }
};

const add = (map, key, size) => map.set(key, (map.get(key) ?? 0) + size);
const byType = new Map();
const byCtor = new Map();
let total = 0;
for (let i = 0; i < count; i++) {
  const size = sizeOf(i);
  total += size;
  add(byType, typeOf(i), size);
  if (typeOf(i) === 'object' || typeOf(i) === 'closure') add(byCtor, nameOf(i), size);
}

// Where code comes from: a SharedFunctionInfo names its script; its bytecode and scope info
// hang off it.
const where = (url) => {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return m[1];
  const src = /\/(src|dist\/src)\/([^/]+)/.exec(url);
  if (src) return `${src[1]}/${src[2]}`;
  if (url.startsWith('node:')) return 'node: built-ins';
  return url ? url.replace(/^.*\//, '…/') : '(no script)';
};
const byModule = new Map();
for (let i = 0; i < count; i++) {
  if (
    typeOf(i) !== 'code' ||
    (!nameOf(i).startsWith('(shared function info)') && !/^\(?SharedFunctionInfo/.test(nameOf(i)))
  ) {
    // Only SharedFunctionInfos carry a 'script' edge.
  }
  let script;
  let owned = 0;
  for (const e of edgesOf(i)) {
    if (e.name === 'script') script = e.to;
    else if (e.name === 'function_data' || e.name === 'scope_info' || e.name === 'bytecode')
      owned += sizeOf(e.to);
  }
  if (script === undefined) continue;
  let url = nameOf(script);
  for (const e of edgesOf(script))
    if (e.name === 'name' || e.name === 'source_url') url ||= nameOf(e.to);
  add(byModule, where(url), sizeOf(i) + owned);
}
// Script sources themselves (the text V8 keeps for every loaded file).
const bySource = new Map();
for (let i = 0; i < count; i++) {
  if (typeOf(i) !== 'code' || nameOf(i) === '') continue;
  for (const e of edgesOf(i)) {
    if (e.name === 'source' && /^(file:|\/|node:)/.test(nameOf(i)))
      add(bySource, where(nameOf(i)), sizeOf(e.to));
  }
}

const mb = (b) => `${(b / 1048576).toFixed(2)} MB`;
const print = (title, map, n = top) => {
  console.log(`\n${title}`);
  for (const [k, v] of [...map].sort((a, b) => b[1] - a[1]).slice(0, n))
    console.log(`  ${mb(v).padStart(10)}  ${k}`);
};
console.log(`${file}: ${count} nodes, ${mb(total)} self size in all`);
print('by node type', byType);
print('objects and closures by constructor', byCtor);
print(
  'functions (SharedFunctionInfo + bytecode + scope) by package or src folder',
  byModule,
  top + 10,
);
print('script source text by package or src folder', bySource);
