// A V8 CPU profile, summarised by where the time went: self time per npm
// package (the last node_modules/<package> in a function's script path), the
// server's own code (by directory under its root), Node's internals, and V8's
// garbage collector; idle time and the profiler's own work are left out.
// Also the busiest functions by self time, each with its area, to say what a
// large area (V8's builtins, which include native bindings such as socket
// writes) is made of.
import { fileURLToPath } from 'node:url';

/**
 * @param {{ nodes: Array<{ id: number, callFrame: { url: string, functionName: string } }>, samples: number[], timeDeltas: number[] }} profile
 * @param {string[]} ownRoots directories whose files are the server's own code (named by their path below the root)
 */
export function summariseProfile(profile, ownRoots) {
  const byNode = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node);
  const selfMs = new Map();
  const functionMs = new Map();
  // The profiler's own start and stop (node:inspector's session.post, the native dispatch under it) are
  // the measurement, not the server's work: a few hundred ms, most of a short profile. Left out, and told.
  let profilerMs = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const node = byNode.get(profile.samples[i]);
    if (parentOf.get(node.id)?.callFrame.url === 'node:inspector' || node.callFrame.url === 'node:inspector') {
      profilerMs += (profile.timeDeltas[i] ?? 0) / 1000;
      continue;
    }
    const where = classify(node.callFrame, ownRoots);
    if (where === null) continue;
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    selfMs.set(where, (selfMs.get(where) ?? 0) + ms);
    const { functionName, url, lineNumber } = node.callFrame;
    const key = `${functionName}\u0000${url}\u0000${lineNumber}`;
    const entry = functionMs.get(key) ?? { name: functionName || '(anonymous)', where: url ? `${where} (${url.split('/').pop()}:${lineNumber + 1})` : where, ms: 0 };
    entry.ms += ms;
    functionMs.set(key, entry);
  }
  const busyMs = [...selfMs.values()].reduce((sum, ms) => sum + ms, 0);
  const share = (ms) => Math.round((ms / busyMs) * 1000) / 10;
  const rows = [...selfMs]
    .map(([where, ms]) => ({ where, ms: Math.round(ms), share: share(ms) }))
    .sort((a, b) => b.ms - a.ms);
  const functions = [...functionMs.values()]
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 15)
    .map((f) => ({ ...f, ms: Math.round(f.ms), share: share(f.ms) }));
  return { busyMs: Math.round(busyMs), profilerMs: Math.round(profilerMs), rows, functions };
}

function classify({ url, functionName, scriptId }, ownRoots) {
  if (functionName === '(idle)') return null;
  if (functionName === '(garbage collector)') return 'GC';
  if (functionName === '(program)') return 'V8/native (program)';
  if (functionName === '(root)') return null;
  // A script without a file: code made at run time with `new Function` (graphql-jit's compiled queries, grafast's plans).
  if (!url && scriptId && scriptId !== '0') return 'code compiled at run time (new Function)';
  if (!url) return 'V8/native builtins';
  if (url.startsWith('node:')) return 'Node.js internals';
  if (url.startsWith('wasm://')) return 'WebAssembly';
  const path = url.startsWith('file://') ? fileURLToPath(url) : url;
  const at = path.lastIndexOf('/node_modules/');
  if (at >= 0) {
    const parts = path.slice(at + '/node_modules/'.length).split('/');
    return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  for (const root of ownRoots) {
    if (path.startsWith(root)) {
      const rest = path.slice(root.length).replace(/^\//, '').split('/');
      return `own code: ${rest.length > 1 ? rest.slice(0, -1).join('/') : rest[0]}`;
    }
  }
  return 'other';
}
